using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Text.RegularExpressions;
using ConflictModel.Validation;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Cli;

/// <summary>
/// <c>--only-changed REF</c>: the lines <c>git diff REF</c> adds or changes in the work tree, so that only findings on
/// them are reported while every rule still reads the whole dataset. Files git does not track yet count as changed
/// throughout, and so do binary (gzip) files that differ.
/// </summary>
internal sealed partial class ChangedLines
{
    private readonly Dictionary<string, List<(int From, int To)>> _ranges = new(StringComparer.Ordinal);
    private readonly HashSet<string> _whole = new(StringComparer.Ordinal);

    private ChangedLines()
    {
    }

    /// <exception cref="UsageException">Not in a git work tree, or git does not know the revision.</exception>
    public static ChangedLines Read(string workingDirectory, string revision)
    {
        string top = Run(workingDirectory, revision, "rev-parse", "--show-toplevel").Trim();
        var changed = new ChangedLines();
        string? file = null;
        foreach (string line in Run(workingDirectory, revision, "diff", "--unified=0", "--no-color", "--no-ext-diff", "--no-renames", revision, "--").Split('\n'))
        {
            if (line.StartsWith("+++ ", StringComparison.Ordinal))
            {
                file = line == "+++ /dev/null" ? null : Path.GetFullPath(Unquote(line[4..])[2..], top);
            }
            else if (line.StartsWith("Binary files ", StringComparison.Ordinal) && BinaryTarget().Match(line) is { Success: true } binary)
            {
                changed._whole.Add(Path.GetFullPath(binary.Groups[1].Value, top));
            }
            else if (file is not null && Hunk().Match(line) is { Success: true } hunk)
            {
                int start = int.Parse(hunk.Groups[1].Value, CultureInfo.InvariantCulture);
                int count = hunk.Groups[2].Success ? int.Parse(hunk.Groups[2].Value, CultureInfo.InvariantCulture) : 1;
                if (count > 0)
                {
                    (changed._ranges.TryGetValue(file, out List<(int, int)>? list) ? list : changed._ranges[file] = []).Add((start, start + count - 1));
                }
            }
        }

        foreach (string untracked in Run(workingDirectory, revision, "ls-files", "--others", "--exclude-standard", "--full-name", top).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            changed._whole.Add(Path.GetFullPath(untracked, top));
        }

        return changed;
    }

    /// <summary>Returns whether a finding's lines (start to end) meet a changed line.</summary>
    public bool Touches(string fullPath, DiagnosticLocation location)
    {
        if (_whole.Contains(fullPath))
        {
            return true;
        }

        int end = location.EndLine ?? location.StartLine;
        return _ranges.TryGetValue(fullPath, out List<(int From, int To)>? ranges) && ranges.Exists(r => r.From <= end && location.StartLine <= r.To);
    }

    private static string Unquote(string path)
        => path.Length >= 2 && path[0] == '"' && path[^1] == '"' ? Regex.Unescape(path[1..^1]) : path;

    private static string Run(string workingDirectory, string revision, params string[] arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using Process process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            string output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                string first = error.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries) is [var line, ..] ? line : $"exit code {process.ExitCode}";
                throw new UsageException($"--only-changed {revision}: git {arguments[0]} failed: {first}");
            }

            return output;
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            throw new UsageException($"--only-changed {revision}: git could not be run: {ex.Message}", ex);
        }
    }

    [GeneratedRegex(@"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@", RegexOptions.CultureInvariant)]
    private static partial Regex Hunk();

    [GeneratedRegex(@"^Binary files .* and b/(.*) differ$", RegexOptions.CultureInvariant)]
    private static partial Regex BinaryTarget();
}
