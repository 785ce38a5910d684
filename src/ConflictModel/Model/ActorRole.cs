using System.Collections.Immutable;
using Ardalis.GuardClauses;

namespace ConflictModel.Model;

/// <summary>
/// A position an <see cref="Actor"/> holds or held: "Defense Minister" of Pakistan, "former U.S. President".
/// </summary>
public sealed record ActorRole : ExtensibleRecord
{
    private readonly string _title = string.Empty;
    private readonly ActorId? _of;
    private readonly EdtfDate? _period;
    private readonly ValueArray<Citation> _sources;

    /// <summary>Creates a role.</summary>
    /// <param name="title">The title as reported ("Defense Minister").</param>
    /// <param name="of">The organisation or state the role is held in, when it is an actor of the dataset.</param>
    /// <param name="period">When the role was held, often an interval open at one end; null when not reported.</param>
    /// <param name="isFormer">Whether the sources describe the role as no longer held ("former president").</param>
    /// <param name="sources">The sources that report the role.</param>
    /// <exception cref="System.ArgumentException">The title is empty, an id or date is the default value, or a citation is null.</exception>
    public ActorRole(string title, ActorId? of = null, EdtfDate? period = null, bool isFormer = false, ImmutableArray<Citation> sources = default)
    {
        Title = title;
        Of = of;
        Period = period;
        IsFormer = isFormer;
        Sources = sources;
    }

    /// <summary>Gets the title as reported.</summary>
    public string Title { get => _title; init => _title = Guard.Against.NullOrWhiteSpace(value, nameof(Title)); }

    /// <summary>Gets the organisation or state the role is held in.</summary>
    public ActorId? Of { get => _of; init => _of = Guard.Against.DefaultId(value, nameof(Of)); }

    /// <summary>Gets when the role was held.</summary>
    public EdtfDate? Period { get => _period; init => _period = ModelGuards.NotDefault(value, nameof(Period)); }

    /// <summary>Gets whether the sources describe the role as no longer held.</summary>
    public bool IsFormer { get; init; }

    /// <summary>Gets the sources that report the role.</summary>
    public ImmutableArray<Citation> Sources { get => _sources.Items; init => _sources = new(Guard.Against.NullItems(value, nameof(Sources))); }
}
