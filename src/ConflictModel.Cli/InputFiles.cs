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
    /// <param name="arguments">The paths as given.</param>
    /// <param name="workingDirectory">The directory relative paths are resolved against.</param>
    /// <param name="problems">
    /// When given, collects a one-line message for each path that cannot be used (missing, a broken symbolic link, a
    /// directory that cannot be listed) and goes on with the others; when null, the first such path throws.
    /// </param>
    /// <exception cref="UsageException">A path does not exist or a pattern matches nothing, and <paramref name="problems"/> is null.</exception>
    /// <param name="filter">Which files found in folders and by globs to leave out; null for none (hidden, bin, obj and node_modules folders are never walked).</param>
    public static IReadOnlyList<InputFile> Expand(IReadOnlyList<string> arguments, string workingDirectory, List<string>? problems = null, InputFilter? filter = null)
    {
        var files = new List<InputFile>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string argument in arguments)
        {
            List<InputFile> expanded;
            try
            {
                expanded = ExpandOne(argument, workingDirectory, problems, filter ?? InputFilter.None);
            }
            catch (UsageException ex) when (problems is not null)
            {
                problems.Add(ex.Message);
                continue;
            }

            foreach (InputFile file in expanded)
            {
                if (seen.Add(file.FullPath))
                {
                    files.Add(file);
                }
            }
        }

        return files;
    }

    /// <summary>Describes why a path that is not a file or directory cannot be read: a broken link says where it points.</summary>
    public static string Missing(string displayPath, string fullPath)
    {
        try
        {
            if (new FileInfo(fullPath).LinkTarget is { } target)
            {
                return $"{displayPath}: broken symbolic link to '{target}'";
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }

        return $"{displayPath}: no such file or directory";
    }

    private static List<InputFile> ExpandOne(string argument, string workingDirectory, List<string>? problems, InputFilter filter)
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
            return filter.Apply(Match(full, DatasetPatterns, workingDirectory, problems), full);
        }

        if (argument.IndexOfAny(['*', '?', '[']) >= 0)
        {
            string root = GlobRoot(argument, workingDirectory, out string pattern);
            List<InputFile> matched = Directory.Exists(root) ? filter.Apply(Match(root, [pattern], workingDirectory, problems), root) : [];
            return matched.Count > 0 ? matched : throw new UsageException($"{argument}: no files match this pattern");
        }

        throw new UsageException(Missing(argument, full));
    }

    private static List<InputFile> Match(string root, string[] patterns, string workingDirectory, List<string>? problems)
    {
        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddIncludePatterns(patterns);

        // Tool configuration and hidden folders (.git), tooling (node_modules) and build output (bin, obj: a .NET
        // project's *.deps.json and *.runtimeconfig.json) are not datasets.
        matcher.AddExclude("**/.*");
        matcher.AddExclude("**/.*/**");
        matcher.AddExclude("**/node_modules/**");
        matcher.AddExclude("**/bin/**");
        matcher.AddExclude("**/obj/**");
        return matcher.Match(root, Walk(root, workingDirectory, problems)).Files
            .Select(match => Path.GetFullPath(Path.Combine(root, match.Path)))
            .Order(StringComparer.Ordinal)
            .Select(path => new InputFile(path, Display(path, workingDirectory)))
            .ToList();
    }

    /// <summary>
    /// Lists the files below a directory, relative to it. A folder that cannot be listed (no permission) is a problem
    /// of its own rather than the end of the run; a folder reached again through a symbolic link is not walked twice.
    /// </summary>
    private static List<string> Walk(string root, string workingDirectory, List<string>? problems)
    {
        var files = new List<string>();
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<DirectoryInfo>();
        pending.Push(new DirectoryInfo(root));
        while (pending.Count > 0)
        {
            DirectoryInfo directory = pending.Pop();
            if (directory.FullName != root && InputFilter.IsSkippedFolder(directory.Name))
            {
                continue;
            }

            FileSystemInfo[] entries;
            try
            {
                string real = directory.LinkTarget is null ? directory.FullName : directory.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? directory.FullName;
                if (!visited.Add(real))
                {
                    continue;
                }

                entries = directory.GetFileSystemInfos();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                string message = $"{Display(directory.FullName, workingDirectory)}: cannot list this directory: {ex.Message}";
                if (problems is null)
                {
                    throw new UsageException(message, ex);
                }

                problems.Add(message);
                continue;
            }

            foreach (FileSystemInfo entry in entries)
            {
                if (entry is DirectoryInfo sub)
                {
                    pending.Push(sub);
                }
                else
                {
                    files.Add(Path.GetRelativePath(root, entry.FullName));
                }
            }
        }

        return files;
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

    internal static string Display(string fullPath, string workingDirectory)
    {
        string relative = Path.GetRelativePath(workingDirectory, fullPath);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative)
            ? fullPath.Replace('\\', '/')
            : relative.Replace('\\', '/');
    }
}
