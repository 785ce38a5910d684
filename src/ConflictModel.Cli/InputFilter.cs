using System;
using System.Collections.Generic;
using System.Linq;

namespace ConflictModel.Cli;

/// <summary>
/// Which of the files found by walking a folder or matching a glob are left out: <c>--exclude</c> patterns, and files
/// git ignores (asked of <c>git check-ignore</c>, so .gitignore files at every level, <c>.git/info/exclude</c> and the
/// user's global excludes apply exactly as git applies them; outside a git work tree nothing is ignored). Files named
/// on the command line are always read. Folders named <c>bin</c>, <c>obj</c>, <c>node_modules</c> and hidden folders
/// (<c>.git</c>) are never walked, whatever the filter.
/// </summary>
internal sealed class InputFilter
{
    public static InputFilter None { get; } = new([], useGitIgnore: false);

    public InputFilter(IEnumerable<string> excludes, bool useGitIgnore)
    {
        Excludes = [.. excludes.Select(p => new PathPattern(p))];
        UseGitIgnore = useGitIgnore;
    }

    public IReadOnlyList<PathPattern> Excludes { get; }

    public bool UseGitIgnore { get; }

    /// <summary>Folder names never walked into (a folder named on the command line is still read).</summary>
    public static bool IsSkippedFolder(string name)
        => name.StartsWith('.') || name is "node_modules" or "bin" or "obj";

    /// <summary>Returns the files to keep, in order: not excluded by a pattern (matched against the displayed path) nor ignored by git.</summary>
    public List<InputFile> Apply(List<InputFile> found, string root)
    {
        List<InputFile> kept = Excludes.Count == 0 ? found : [.. found.Where(f => !Excludes.Any(p => p.Matches(f.DisplayPath)))];
        if (!UseGitIgnore || kept.Count == 0)
        {
            return kept;
        }

        HashSet<string> ignored = GitIgnore.Ignored(root, kept.Select(f => f.FullPath));
        return ignored.Count == 0 ? kept : [.. kept.Where(f => !ignored.Contains(f.FullPath))];
    }
}
