using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;

namespace ConflictModel.Cli;

/// <summary>
/// Asks git which files it ignores (<c>git check-ignore --stdin -z</c>), rather than re-implementing .gitignore: the
/// answer is git's own, with every .gitignore level, negations, <c>.git/info/exclude</c> and core.excludesFile. Tracked
/// files are never reported as ignored (as git treats them). Without git, or outside a work tree, nothing is ignored.
/// </summary>
internal static class GitIgnore
{
    public static HashSet<string> Ignored(string root, IEnumerable<string> fullPaths)
    {
        var ignored = new HashSet<string>(StringComparer.Ordinal);
        List<string> paths = [.. fullPaths];
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = root,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = new UTF8Encoding(false),
        };
        foreach (string argument in new[] { "check-ignore", "--stdin", "-z" })
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using Process process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            foreach (string path in paths)
            {
                process.StandardInput.Write(Path.GetRelativePath(root, path));
                process.StandardInput.Write('\0');
            }

            process.StandardInput.Close();
            process.WaitForExit();
            _ = error.Result;

            // 0: some are ignored; 1: none are; 128: not a work tree (or git failed): nothing is ignored.
            if (process.ExitCode == 0)
            {
                foreach (string relative in output.Result.Split('\0', StringSplitOptions.RemoveEmptyEntries))
                {
                    ignored.Add(Path.GetFullPath(relative, root));
                }
            }
        }
        catch (Exception ex) when (ex is Win32Exception or InvalidOperationException or IOException)
        {
            // No git on this machine: nothing is ignored.
        }

        return ignored;
    }
}
