using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ConflictModel.Diagnostics;

namespace ConflictModel.Serialization;

/// <summary>
/// Turns the first error the reader found into the <see cref="JsonException"/> the throwing fronts
/// (<see cref="DatasetReadResult.GetDatasetOrThrow"/>, <see cref="Serialization.ConflictJsonSerializer"/>'s
/// <c>Deserialize*</c>) throw: its message is the validator's line for that diagnostic, 1-based line and column as
/// <c>conflictmodel validate</c> prints them, then the JSON Pointer; its <see cref="JsonException.LineNumber"/> and
/// <see cref="JsonException.BytePositionInLine"/> are the same place 0-based, as <see cref="JsonException"/>
/// documents them, and its <see cref="JsonException.Path"/> is that pointer as the JSONPath System.Text.Json uses.
/// </summary>
internal static class FirstReadError
{
    /// <summary>Builds the exception for the first error of <paramref name="diagnostics"/>; null when there is none.</summary>
    /// <param name="diagnostics">The diagnostics, in the order found.</param>
    /// <param name="text">The bytes the diagnostics' offsets point into (a whole input, or one line's window); null when not at hand.</param>
    public static JsonException? Find(IReadOnlyList<Diagnostic> diagnostics, SourceText? text)
    {
        Diagnostic? first = null;
        int errors = 0;
        foreach (Diagnostic diagnostic in diagnostics)
        {
            if (diagnostic.IsError)
            {
                first ??= diagnostic;
                errors++;
            }
        }

        return first is null ? null : Create(first, errors - 1, text);
    }

    /// <summary>Builds the exception for one diagnostic.</summary>
    /// <param name="diagnostic">The diagnostic.</param>
    /// <param name="more">How many more errors there are after it.</param>
    /// <param name="text">The bytes its offset points into, for the byte position in the line; null when not at hand.</param>
    public static JsonException Create(Diagnostic diagnostic, int more, SourceText? text)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        DiagnosticLocation location = diagnostic.Location;
        var message = new StringBuilder();
        message.Append(CultureInfo.InvariantCulture, $"{location.FilePath}({location.StartLine},{location.StartColumn}): {Diagnostic.SeverityText(diagnostic.Severity)} {diagnostic.Id}: {diagnostic.GetMessage(CultureInfo.InvariantCulture)}");
        if (location.JsonPointer.Length > 0)
        {
            message.Append(CultureInfo.InvariantCulture, $" (at {location.JsonPointer})");
        }

        if (more > 0)
        {
            message.Append(CultureInfo.InvariantCulture, $"; {more} more error{(more == 1 ? string.Empty : "s")} after it (DatasetReader reports every one)");
        }

        return new JsonException(message.ToString(), ToJsonPath(location.JsonPointer), location.StartLine - 1, BytePositionInLine(location, text));
    }

    /// <summary>Converts a JSON Pointer (<c>/actors/0/kind</c>) to the JSONPath System.Text.Json reports (<c>$.actors[0].kind</c>).</summary>
    internal static string ToJsonPath(string pointer)
    {
        var path = new StringBuilder("$");
        if (pointer.Length == 0)
        {
            return path.ToString();
        }

        foreach (string escaped in pointer[1..].Split('/'))
        {
            string token = escaped.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (token.Length > 0 && token.Length < 10 && IsDigits(token))
            {
                path.Append('[').Append(token).Append(']');
            }
            else if (IsPlainName(token))
            {
                path.Append('.').Append(token);
            }
            else
            {
                path.Append("['").Append(token.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal)).Append("']");
            }
        }

        return path.ToString();

        static bool IsDigits(string token)
        {
            foreach (char c in token)
            {
                if (c is < '0' or > '9')
                {
                    return false;
                }
            }

            return true;
        }

        static bool IsPlainName(string token)
        {
            if (token.Length == 0)
            {
                return false;
            }

            foreach (char c in token)
            {
                if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '$'))
                {
                    return false;
                }
            }

            return true;
        }
    }

    private static long? BytePositionInLine(DiagnosticLocation location, SourceText? text)
    {
        if (text is null)
        {
            return location.StartColumn - 1L;
        }

        long local = location.ByteOffset - text.BaseOffset;
        ReadOnlySpan<byte> bytes = text.Bytes.Span;
        if (local < 0 || local > bytes.Length)
        {
            return location.StartColumn - 1L;
        }

        int lineStart = bytes[..(int)local].LastIndexOf((byte)'\n') + 1;
        return local - lineStart;
    }
}
