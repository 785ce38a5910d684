using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using ConflictModel.Validation;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Cli;

/// <summary>
/// The text of the lines a report points at, for SARIF's snippets: each file that has a listed diagnostic is read once,
/// keeping only the lines asked for (and none longer than 1 MiB, so a JSON document on one line is not held twice).
/// Standard input and files that cannot be read again give no text.
/// </summary>
internal sealed class SourceLines
{
    private const int MaxLineLength = 1 << 20;
    private const int MaxRegionLines = 50;
    private readonly Dictionary<(string File, int Line), string> _lines = [];

    public SourceLines(IEnumerable<InputFile> files, IEnumerable<Diagnostic> diagnostics)
    {
        Dictionary<string, InputFile> byDisplay = files.Where(f => !f.IsStandardInput).GroupBy(f => f.DisplayPath, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var wanted = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        foreach (Diagnostic diagnostic in diagnostics)
        {
            foreach (DiagnosticLocation location in diagnostic.AdditionalLocations.Prepend(diagnostic.Location))
            {
                if (location.FilePath is { } path && byDisplay.ContainsKey(path))
                {
                    // The region's lines and one on either side, as SARIF's snippets and context regions use them.
                    HashSet<int> set = wanted.TryGetValue(path, out HashSet<int>? known) ? known : wanted[path] = [];
                    int last = Math.Min(location.EndLine ?? location.StartLine, location.StartLine + MaxRegionLines);
                    for (int line = Math.Max(1, location.StartLine - 1); line <= last + 1; line++)
                    {
                        set.Add(line);
                    }
                }
            }
        }

        foreach ((string path, HashSet<int> lines) in wanted)
        {
            Read(byDisplay[path], lines);
        }
    }

    public string? Line(string path, int line) => _lines.TryGetValue((path, line), out string? text) ? text : null;

    private void Read(InputFile file, HashSet<int> lines)
    {
        try
        {
            using Stream raw = new FileStream(file.FullPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            using Stream stream = file.IsGzip ? new GZipStream(raw, CompressionMode.Decompress) : raw;
            using var reader = new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: false);
            int last = lines.Max();
            var line = new StringBuilder();
            int number = 1;
            bool tooLong = false;
            int c;
            while (number <= last && (c = reader.Read()) >= 0)
            {
                if (c == '\n')
                {
                    Keep(file, lines, number, line, tooLong);
                    line.Clear();
                    tooLong = false;
                    number++;
                }
                else if (!tooLong && lines.Contains(number))
                {
                    line.Append((char)c);
                    tooLong = line.Length > MaxLineLength;
                }
            }

            Keep(file, lines, number, line, tooLong);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            // The file changed or went away since it was validated: the report goes without snippets for it.
        }
    }

    private void Keep(InputFile file, HashSet<int> lines, int number, StringBuilder line, bool tooLong)
    {
        if (!tooLong && lines.Contains(number))
        {
            int length = line.Length > 0 && line[^1] == '\r' ? line.Length - 1 : line.Length;
            _lines[(file.DisplayPath, number)] = line.ToString(0, length);
        }
    }
}
