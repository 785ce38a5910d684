using Ardalis.GuardClauses;

namespace ConflictModel.Model;

/// <summary>A provision of an <see cref="Agreement"/>, such as its ceasefire (UCDP PAD's provision columns).</summary>
public sealed record Provision : ExtensibleRecord
{
    private readonly ProvisionKind _kind;
    private readonly string? _text;
    private readonly CeasefireId? _ceasefire;

    /// <summary>Creates a provision.</summary>
    /// <param name="kind">What kind of provision it is.</param>
    /// <param name="text">Its wording or a summary.</param>
    /// <param name="ceasefire">For a ceasefire provision, the ceasefire record it establishes.</param>
    /// <exception cref="System.ArgumentException">The kind is undefined, the text is empty, the id is default, or a ceasefire is given for another kind.</exception>
    public Provision(ProvisionKind kind, string? text = null, CeasefireId? ceasefire = null)
    {
        if (ceasefire is not null && kind != ProvisionKind.Ceasefire)
        {
            throw new System.ArgumentException("Only a ceasefire provision links to a ceasefire.", nameof(ceasefire));
        }

        Kind = kind;
        Text = text;
        Ceasefire = ceasefire;
    }

    /// <summary>Gets what kind of provision it is.</summary>
    public ProvisionKind Kind { get => _kind; init => _kind = Guard.Against.Undefined(value, nameof(Kind)); }

    /// <summary>Gets its wording or a summary.</summary>
    public string? Text { get => _text; init => _text = Guard.Against.Blank(value, nameof(Text)); }

    /// <summary>Gets the ceasefire record a ceasefire provision establishes.</summary>
    public CeasefireId? Ceasefire { get => _ceasefire; init => _ceasefire = Guard.Against.DefaultId(value, nameof(Ceasefire)); }
}
