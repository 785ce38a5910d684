using System;
using System.Collections.Immutable;
using Ardalis.GuardClauses;
using NodaTime;

namespace ConflictModel.Model;

/// <summary>
/// A report or document that records cite: a news article, an interview, an official statement, a dataset.
/// Its outlet is an actor of the dataset ("Geo TV"). Maps to UCDP GED's <c>source_article</c>, <c>source_office</c>
/// and ACLED's <c>source</c>.
/// </summary>
public sealed record Source : ConflictRecord
{
    private readonly SourceId _id;
    private readonly SourceKind? _kind;
    private readonly string? _title;
    private readonly ActorId? _outlet;
    private readonly string? _author;
    private readonly Uri? _url;
    private readonly string? _language;
    private readonly ValueArray<SourceId> _basedOn;

    /// <summary>Creates a source.</summary>
    /// <param name="id">The source's id.</param>
    /// <param name="kind">What kind of document it is.</param>
    /// <param name="title">Its title or headline.</param>
    /// <param name="outlet">The outlet that published it.</param>
    /// <param name="author">Its author.</param>
    /// <param name="url">Where it can be read; an absolute URI.</param>
    /// <param name="published">When it was published.</param>
    /// <param name="accessed">When the editor read it.</param>
    /// <param name="language">Its language as a BCP 47 tag ("en", "ur", "ps-AF").</param>
    /// <param name="basedOn">Sources it reports from (an article quoting an interview).</param>
    /// <exception cref="ArgumentException">The id is default, a text is empty, the URL is relative, or the language tag is malformed.</exception>
    public Source(
        SourceId id,
        SourceKind? kind = null,
        string? title = null,
        ActorId? outlet = null,
        string? author = null,
        Uri? url = null,
        Instant? published = null,
        Instant? accessed = null,
        string? language = null,
        ImmutableArray<SourceId> basedOn = default)
    {
        Id = id;
        Kind = kind;
        Title = title;
        Outlet = outlet;
        Author = author;
        Url = url;
        Published = published;
        Accessed = accessed;
        Language = language;
        BasedOn = basedOn;
    }

    /// <inheritdoc/>
    public override RecordKind RecordKind => RecordKind.Source;

    /// <inheritdoc/>
    public override string RecordId => _id.Value;

    /// <summary>Gets the source's id.</summary>
    public SourceId Id { get => _id; init => _id = Guard.Against.DefaultId(value, nameof(Id)); }

    /// <summary>Gets what kind of document it is.</summary>
    public SourceKind? Kind { get => _kind; init => _kind = Guard.Against.Undefined(value, nameof(Kind)); }

    /// <summary>Gets its title or headline.</summary>
    public string? Title { get => _title; init => _title = Guard.Against.Blank(value, nameof(Title)); }

    /// <summary>Gets the outlet that published it.</summary>
    public ActorId? Outlet { get => _outlet; init => _outlet = Guard.Against.DefaultId(value, nameof(Outlet)); }

    /// <summary>Gets its author.</summary>
    public string? Author { get => _author; init => _author = Guard.Against.Blank(value, nameof(Author)); }

    /// <summary>Gets where it can be read.</summary>
    public Uri? Url
    {
        get => _url;
        init => _url = value is null || IsAbsoluteAsWritten(value) ? value : throw new ArgumentException($"'{value.OriginalString}' is not an absolute URI as written (it must read back as one: a scheme such as https:, not '//host' alone).", nameof(Url));
    }

    /// <summary>Gets when it was published.</summary>
    public Instant? Published { get; init; }

    /// <summary>
    /// Whether a URI is absolute and its text, which is what is written, is read back as absolute too: a URI such as
    /// <c>new Uri("//host", UriKind.Absolute)</c> is absolute, but its text alone is not, and a file holding it could
    /// not be read.
    /// </summary>
    private static bool IsAbsoluteAsWritten(Uri value)
        => value.IsAbsoluteUri && Uri.TryCreate(value.OriginalString, UriKind.RelativeOrAbsolute, out Uri? again) && again.IsAbsoluteUri;

    /// <summary>Gets when the editor read it.</summary>
    public Instant? Accessed { get; init; }

    /// <summary>Gets its language as a BCP 47 tag.</summary>
    public string? Language { get => _language; init => _language = CheckLanguage(value, nameof(Language)); }

    /// <summary>Gets the sources it reports from.</summary>
    public ImmutableArray<SourceId> BasedOn { get => _basedOn.Items; init => _basedOn = new(Guard.Against.DefaultIds(value, nameof(BasedOn))); }

    /// <summary>Returns whether a text has the shape of a BCP 47 language tag: subtags of 1 to 8 letters or digits joined by hyphens, the first 2 to 8 letters.</summary>
    /// <param name="tag">The candidate tag.</param>
    /// <returns>Whether it is well formed.</returns>
    public static bool IsWellFormedLanguageTag(string? tag)
    {
        if (string.IsNullOrEmpty(tag) || tag.Length > 35)
        {
            return false;
        }

        string[] parts = tag.Split('-');
        if (parts[0].Length is < 2 or > 8)
        {
            return false;
        }

        foreach (string part in parts)
        {
            if (part.Length is < 1 or > 8)
            {
                return false;
            }

            foreach (char c in part)
            {
                if (!char.IsAsciiLetterOrDigit(c))
                {
                    return false;
                }
            }
        }

        return IsLetters(parts[0]);
    }

    private static bool IsLetters(string text)
    {
        foreach (char c in text)
        {
            if (!char.IsAsciiLetter(c))
            {
                return false;
            }
        }

        return true;
    }

    private static string? CheckLanguage(string? value, string parameterName)
        => value is null || IsWellFormedLanguageTag(value)
            ? value
            : throw new ArgumentException($"'{value}' is not a BCP 47 language tag such as \"en\" or \"ps-AF\".", parameterName);
}
