using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.Extensions.FileSystemGlobbing;

namespace ConflictModel.Cli;

/// <summary>Turns the paths given on the command line (files, directories, glob patterns, "-") into dataset files.</summary>
internal static class InputFiles
{
    private static readonly string[] DatasetPatterns = ["**/*.json", "**/*.jsonl", "**/*.ndjson", "**/*.json.gz", "**/*.jsonl.gz", "**/*.ndjson.gz"];

    /// <summary>Expands the arguments, in the order given, each directory's files sorted, duplicates removed.</summary>
    /// <exception cref="UsageException">A path does not exist or a pattern matches nothing.</exception>
    public static IReadOnlyList<InputFile> Expand(IReadOnlyList<string> arguments, string workingDirectory)
    {
        var files = new List<InputFile>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string argument in arguments)
        {
            foreach (InputFile file in ExpandOne(argument, workingDirectory))
            {
                if (seen.Add(file.FullPath))
                {
                    files.Add(file);
                }
            }
        }

        return files;
    }

    private static List<InputFile> ExpandOne(string argument, string workingDirectory)
    {
        if (argument == InputFile.StandardInput)
        {
            return [new InputFile(InputFile.StandardInput, "<stdin>")];
        }

        string full = Path.GetFullPath(argument, workingDirectory);
        if (File.Exists(full))
        {
            return [new InputFile(full, Display(full, workingDirectory))];
        }

        if (Directory.Exists(full))
        {
            return Match(full, DatasetPatterns, workingDirectory);
        }

        if (argument.IndexOfAny(['*', '?', '[']) >= 0)
        {
            string root = GlobRoot(argument, workingDirectory, out string pattern);
            List<InputFile> matched = Directory.Exists(root) ? Match(root, [pattern], workingDirectory) : [];
            return matched.Count > 0 ? matched : throw new UsageException($"{argument}: no files match this pattern");
        }

        throw new UsageException($"{argument}: no such file or directory");
    }

    private static List<InputFile> Match(string root, string[] patterns, string workingDirectory)
    {
        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddIncludePatterns(patterns);

        // Tool configuration and hidden folders (.git, node_modules of tooling) are not datasets.
        matcher.AddExclude("**/.*");
        matcher.AddExclude("**/.*/**");
        matcher.AddExclude("**/node_modules/**");
        return matcher.GetResultsInFullPath(root)
            .Order(StringComparer.Ordinal)
            .Select(path => new InputFile(path, Display(path, workingDirectory)))
            .ToList();
    }

    /// <summary>Splits a glob into the longest leading directory without wildcards, and the rest.</summary>
    private static string GlobRoot(string argument, string workingDirectory, out string pattern)
    {
        string normalized = argument.Replace('\\', '/');
        string[] parts = normalized.Split('/');
        int firstWild = Array.FindIndex(parts, p => p.IndexOfAny(['*', '?', '[']) >= 0);
        string rootPart = string.Join('/', parts[..firstWild]);
        pattern = string.Join('/', parts[firstWild..]);
        if (rootPart.Length == 0 && normalized.StartsWith('/'))
        {
            rootPart = "/";
        }

        return Path.GetFullPath(rootPart.Length == 0 ? "." : rootPart, workingDirectory);
    }

    private static string Display(string fullPath, string workingDirectory)
    {
        string relative = Path.GetRelativePath(workingDirectory, fullPath);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative)
            ? fullPath.Replace('\\', '/')
            : relative.Replace('\\', '/');
    }
}
