using System;
using System.Globalization;
using System.Text;

namespace ConflictModel.Diagnostics;

/// <summary>
/// Where a diagnostic applies: the file, the 1-based line and column of the start (columns count UTF-16 code units,
/// as SARIF and editors do, and a byte order mark is not counted), the end where known, the RFC 6901 JSON Pointer of
/// the offending value (<c>""</c> for the whole document; in JSON Lines, the pointer within the line's record), and
/// the byte offset of the start in the (decompressed) UTF-8 input, for tooling. Immutable; equal by value.
/// </summary>
public sealed record DiagnosticLocation
{
    /// <summary>Creates a location.</summary>
    /// <param name="filePath">The file, or null for text without one.</param>
    /// <param name="startLine">The 1-based line of the start.</param>
    /// <param name="startColumn">The 1-based column of the start, in UTF-16 code units.</param>
    /// <param name="jsonPointer">The RFC 6901 JSON Pointer of the offending value; <c>""</c> for the whole document.</param>
    /// <param name="byteOffset">The byte offset of the start; 0 when unknown.</param>
    /// <param name="endLine">The 1-based line of the end, when known.</param>
    /// <param name="endColumn">The 1-based column just past the end, when known.</param>
    /// <exception cref="ArgumentException">A line or column is less than 1, the end precedes the start, the offset is negative, or the pointer is not a JSON Pointer.</exception>
    public DiagnosticLocation(string? filePath, int startLine, int startColumn, string jsonPointer = "", long byteOffset = 0, int? endLine = null, int? endColumn = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(startLine, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(startColumn, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(byteOffset);
        ArgumentNullException.ThrowIfNull(jsonPointer);
        if (jsonPointer.Length > 0 && jsonPointer[0] != '/')
        {
            throw new ArgumentException($"'{jsonPointer}' is not a JSON Pointer: it must be empty or start with '/'.", nameof(jsonPointer));
        }

        if ((endLine is null) != (endColumn is null))
        {
            throw new ArgumentException("Give both the end line and the end column, or neither.", nameof(endLine));
        }

        if (endLine is { } el && endColumn is { } ec && (el < startLine || (el == startLine && ec < startColumn)))
        {
            throw new ArgumentException("The end precedes the start.", nameof(endLine));
        }

        FilePath = filePath;
        StartLine = startLine;
        StartColumn = startColumn;
        EndLine = endLine;
        EndColumn = endColumn;
        JsonPointer = jsonPointer;
        ByteOffset = byteOffset;
    }

    /// <summary>Gets a location for a whole file without a position: line 1, column 1, pointer <c>""</c>.</summary>
    /// <param name="filePath">The file.</param>
    /// <returns>The location.</returns>
    public static DiagnosticLocation ForFile(string? filePath) => new(filePath, 1, 1);

    /// <summary>Gets the file, or null for text without one.</summary>
    public string? FilePath { get; }

    /// <summary>Gets the 1-based line of the start.</summary>
    public int StartLine { get; }

    /// <summary>Gets the 1-based column of the start, in UTF-16 code units.</summary>
    public int StartColumn { get; }

    /// <summary>Gets the 1-based line of the end, when known.</summary>
    public int? EndLine { get; }

    /// <summary>Gets the 1-based column just past the end (exclusive), in UTF-16 code units, when known.</summary>
    public int? EndColumn { get; }

    /// <summary>Gets the RFC 6901 JSON Pointer of the offending value; <c>""</c> for the whole document or line.</summary>
    public string JsonPointer { get; }

    /// <summary>Gets the byte offset of the start in the UTF-8 input (after decompression, counting a byte order mark).</summary>
    public long ByteOffset { get; }

    /// <summary>Escapes a member name as one JSON Pointer reference token (<c>~</c> to <c>~0</c>, <c>/</c> to <c>~1</c>).</summary>
    /// <param name="name">The member name.</param>
    /// <returns>The reference token.</returns>
    public static string EscapePointerToken(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.AsSpan().IndexOfAny('~', '/') < 0 ? name : name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
    }

    /// <summary>Formats the location as <c>path(line,col)</c>, the form compilers and editors recognise.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var builder = new StringBuilder();
        builder.Append(FilePath ?? "<text>");
        builder.Append(CultureInfo.InvariantCulture, $"({StartLine},{StartColumn})");
        return builder.ToString();
    }
}
