using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace ConflictModel.Diagnostics;

/// <summary>
/// Describes one kind of problem a reader or rule reports, as Roslyn's descriptor does: a stable id
/// (<c>CM</c> and four digits, never reused for another meaning), a title, a composite message format, a category,
/// the default severity and whether it is reported by default, a longer description and a help link. Immutable;
/// equal when every member is equal.
/// </summary>
public sealed record DiagnosticDescriptor
{
    /// <summary>The address of the rule documentation; <c>{0}</c> is the id.</summary>
    public const string HelpLinkFormat = "https://github.com/conflictmodel/conflictmodel/blob/main/docs/rules/{0}.md";

    /// <summary>Creates a descriptor.</summary>
    /// <param name="id">The id: <c>CM</c> followed by four digits.</param>
    /// <param name="title">A short title, a noun phrase ("Dangling reference").</param>
    /// <param name="messageFormat">The message, a composite format string whose items are the diagnostic's arguments.</param>
    /// <param name="category">The category (see <see cref="DiagnosticCategories"/>).</param>
    /// <param name="defaultSeverity">The severity when nothing is configured.</param>
    /// <param name="isEnabledByDefault">Whether it is reported when nothing is configured.</param>
    /// <param name="description">What the problem is and why it matters.</param>
    /// <param name="helpLinkUri">Where to read more; by default the rule's page under <c>docs/rules</c>.</param>
    /// <param name="customTags">Tags such as <see cref="DiagnosticTags.NotConfigurable"/>.</param>
    /// <exception cref="ArgumentException">The id is not <c>CM</c> and four digits, a text is blank, the message format is not a valid composite format, or the severity is undefined.</exception>
    public DiagnosticDescriptor(
        string id,
        string title,
        string messageFormat,
        string category,
        DiagnosticSeverity defaultSeverity,
        bool isEnabledByDefault,
        string? description = null,
        string? helpLinkUri = null,
        IEnumerable<string>? customTags = null)
    {
        if (!IsValidId(id))
        {
            throw new ArgumentException($"'{id}' is not a diagnostic id: CM and four digits (the library's, such as CM2001), or a prefix of your own of 2 to 10 capital letters and 3 to 6 digits (such as ACME001).", nameof(id));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentException.ThrowIfNullOrWhiteSpace(messageFormat);
        ArgumentException.ThrowIfNullOrWhiteSpace(category);
        if (!Enum.IsDefined(defaultSeverity))
        {
            throw new ArgumentException($"{defaultSeverity} is not a severity.", nameof(defaultSeverity));
        }

        try
        {
            Format = System.Text.CompositeFormat.Parse(messageFormat);
        }
        catch (FormatException ex)
        {
            throw new ArgumentException($"The message format of {id} is not a valid composite format: {ex.Message}", nameof(messageFormat), ex);
        }

        Id = id;
        Title = title;
        MessageFormat = messageFormat;
        Category = category;
        DefaultSeverity = defaultSeverity;
        IsEnabledByDefault = isEnabledByDefault;
        Description = description ?? string.Empty;
        HelpLinkUri = helpLinkUri ?? HelpLinkFormat.Replace("{0}", id, StringComparison.Ordinal);
        CustomTags = customTags is null ? [] : [.. customTags];
    }

    /// <summary>Gets the id: <c>CM</c> and four digits.</summary>
    public string Id { get; }

    /// <summary>Gets the parsed message format.</summary>
    internal System.Text.CompositeFormat Format { get; }

    /// <summary>Gets the short title.</summary>
    public string Title { get; }

    /// <summary>Gets the composite format of the message.</summary>
    public string MessageFormat { get; }

    /// <summary>Gets the category.</summary>
    public string Category { get; }

    /// <summary>Gets the severity when nothing is configured.</summary>
    public DiagnosticSeverity DefaultSeverity { get; }

    /// <summary>Gets whether it is reported when nothing is configured.</summary>
    public bool IsEnabledByDefault { get; }

    /// <summary>Gets what the problem is and why it matters; empty when none is given.</summary>
    public string Description { get; }

    /// <summary>Gets where to read more.</summary>
    public string HelpLinkUri { get; }

    /// <summary>Gets the custom tags (see <see cref="DiagnosticTags"/>).</summary>
    public ImmutableArray<string> CustomTags { get; }

    /// <summary>Gets whether configuration may change the severity or turn the diagnostic off.</summary>
    public bool IsConfigurable => !CustomTags.Contains(DiagnosticTags.NotConfigurable);

    /// <summary>
    /// Returns whether a text is a diagnostic id: the library's <c>CM</c> followed by four ASCII digits (<c>CM2001</c>),
    /// or an author's own prefix of 2 to 10 ASCII capital letters followed by 3 to 6 ASCII digits (<c>ACME001</c>), so
    /// that the rules of different authors never share an id.
    /// </summary>
    /// <param name="id">The candidate.</param>
    /// <returns>Whether it is well formed.</returns>
    public static bool IsValidId(string? id)
    {
        if (id is null)
        {
            return false;
        }

        int letters = 0;
        while (letters < id.Length && char.IsAsciiLetterUpper(id[letters]))
        {
            letters++;
        }

        int digits = id.Length - letters;
        for (int i = letters; i < id.Length; i++)
        {
            if (!char.IsAsciiDigit(id[i]))
            {
                return false;
            }
        }

        return id.StartsWith(LibraryPrefix, StringComparison.Ordinal) && letters == LibraryPrefix.Length
            ? digits == 4
            : letters is >= 2 and <= 10 && digits is >= 3 and <= 6;
    }

    /// <summary>The prefix of the library's own ids.</summary>
    internal const string LibraryPrefix = "CM";

    /// <inheritdoc/>
    public bool Equals(DiagnosticDescriptor? other)
        => other is not null
           && string.Equals(Id, other.Id, StringComparison.Ordinal)
           && string.Equals(Title, other.Title, StringComparison.Ordinal)
           && string.Equals(MessageFormat, other.MessageFormat, StringComparison.Ordinal)
           && string.Equals(Category, other.Category, StringComparison.Ordinal)
           && DefaultSeverity == other.DefaultSeverity
           && IsEnabledByDefault == other.IsEnabledByDefault
           && string.Equals(Description, other.Description, StringComparison.Ordinal)
           && string.Equals(HelpLinkUri, other.HelpLinkUri, StringComparison.Ordinal)
           && CustomTags.SequenceEqual(other.CustomTags, StringComparer.Ordinal);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Id, Title, MessageFormat, Category, DefaultSeverity, IsEnabledByDefault);

    /// <summary>Returns the id and title.</summary>
    /// <returns>The text, such as <c>CM1001: Dangling reference</c>.</returns>
    public override string ToString() => $"{Id}: {Title}";
}
