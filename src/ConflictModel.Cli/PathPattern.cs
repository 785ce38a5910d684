using System;
using System.Text;
using System.Text.RegularExpressions;

namespace ConflictModel.Cli;

/// <summary>
/// One <c>--exclude</c> pattern, with .gitignore's rules: <c>*</c> and <c>?</c> within a name, <c>**</c> across
/// folders, <c>[abc]</c>; a pattern without <c>/</c> (other than a trailing one) matches a name at any depth; one with
/// <c>/</c> is anchored at the working directory; a trailing <c>/</c> matches folders only (and so everything in them).
/// </summary>
internal sealed class PathPattern
{
    private readonly Regex _regex;
    private readonly bool _directoryOnly;

    public PathPattern(string pattern)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pattern);
        Text = pattern;
        string body = pattern.Replace('\\', '/');
        _directoryOnly = body.EndsWith('/');
        body = body.TrimEnd('/');
        bool anchored = body.Contains('/', StringComparison.Ordinal);
        body = body.TrimStart('/');
        if (body.StartsWith("./", StringComparison.Ordinal))
        {
            body = body[2..];
        }

        var regex = new StringBuilder(anchored ? "^" : "^(?:.*/)?");
        for (int i = 0; i < body.Length; i++)
        {
            char c = body[i];
            if (c == '*' && i + 1 < body.Length && body[i + 1] == '*')
            {
                bool slashAfter = i + 2 < body.Length && body[i + 2] == '/';
                regex.Append(slashAfter ? "(?:.*/)?" : ".*");
                i += slashAfter ? 2 : 1;
            }
            else if (c == '*')
            {
                regex.Append("[^/]*");
            }
            else if (c == '?')
            {
                regex.Append("[^/]");
            }
            else if (c == '[' && body.IndexOf(']', i + 1) is int close and > 0)
            {
                string set = body[(i + 1)..close];
                regex.Append('[').Append(set.StartsWith('!') ? "^" + Regex.Escape(set[1..]) : Regex.Escape(set)).Append(']');
                i = close;
            }
            else
            {
                regex.Append(Regex.Escape(c.ToString()));
            }
        }

        // A match of a folder excludes everything below it.
        regex.Append(_directoryOnly ? "/.*$" : "(?:/.*)?$");
        _regex = new Regex(regex.ToString(), RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
    }

    /// <summary>Gets the pattern as given.</summary>
    public string Text { get; }

    /// <summary>Returns whether a file's path, relative to the working directory with forward slashes, is excluded.</summary>
    public bool Matches(string relativePath) => _regex.IsMatch(relativePath.Replace('\\', '/'));
}
