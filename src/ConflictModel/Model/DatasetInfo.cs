using Ardalis.GuardClauses;
using NodaTime;

namespace ConflictModel.Model;

/// <summary>A dataset's own description: title, licence, attribution, publisher, version and creation time.</summary>
public sealed record DatasetInfo : ExtensibleRecord
{
    private readonly string _title = string.Empty;
    private readonly string? _description;
    private readonly string? _license;
    private readonly string? _attribution;
    private readonly string? _publisher;
    private readonly string? _version;

    /// <summary>Creates a dataset description.</summary>
    /// <param name="title">The dataset's title.</param>
    /// <param name="description">What it covers.</param>
    /// <param name="license">Its licence, as an SPDX expression ("CC-BY-4.0").</param>
    /// <param name="attribution">The attribution its licence requires, or that its editors ask for.</param>
    /// <param name="publisher">Who publishes it.</param>
    /// <param name="version">Its version.</param>
    /// <param name="created">When it was created.</param>
    /// <exception cref="System.ArgumentException">The title is missing or a text is empty.</exception>
    public DatasetInfo(string title, string? description = null, string? license = null, string? attribution = null, string? publisher = null, string? version = null, Instant? created = null)
    {
        Title = title;
        Description = description;
        License = license;
        Attribution = attribution;
        Publisher = publisher;
        Version = version;
        Created = created;
    }

    /// <summary>Gets the dataset's title.</summary>
    public string Title { get => _title; init => _title = Guard.Against.NullOrWhiteSpace(value, nameof(Title)); }

    /// <summary>Gets what it covers.</summary>
    public string? Description { get => _description; init => _description = Guard.Against.Blank(value, nameof(Description)); }

    /// <summary>Gets its licence, as an SPDX expression.</summary>
    public string? License { get => _license; init => _license = Guard.Against.Blank(value, nameof(License)); }

    /// <summary>Gets the attribution its licence requires.</summary>
    public string? Attribution { get => _attribution; init => _attribution = Guard.Against.Blank(value, nameof(Attribution)); }

    /// <summary>Gets who publishes it.</summary>
    public string? Publisher { get => _publisher; init => _publisher = Guard.Against.Blank(value, nameof(Publisher)); }

    /// <summary>Gets its version.</summary>
    public string? Version { get => _version; init => _version = Guard.Against.Blank(value, nameof(Version)); }

    /// <summary>Gets when it was created.</summary>
    public Instant? Created { get; init; }

}
