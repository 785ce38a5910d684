using System;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using ConflictModel.Reporting;

namespace ConflictModel.Cli;

/// <summary>
/// What git says about the working directory, when it is in a git work tree: the repository, commit and branch for
/// SARIF's version control provenance. Credentials in a remote's URL are never copied into a report.
/// </summary>
internal static class GitWorkTree
{
    public static VersionControlDetails? Describe(string workingDirectory)
    {
        string? top = Git(workingDirectory, "rev-parse", "--show-toplevel");
        string? remote = top is null ? null : Git(workingDirectory, "remote", "get-url", "origin");
        if (top is null || remote is null || RepositoryUri(remote) is not { } repository)
        {
            return null;
        }

        string? revision = Git(workingDirectory, "rev-parse", "--verify", "--quiet", "HEAD");
        string? branch = Git(workingDirectory, "symbolic-ref", "--quiet", "--short", "HEAD");
        return new VersionControlDetails(repository, revision, branch, top);
    }

    /// <summary>An absolute URI for a remote: https and ssh URLs without credentials; <c>git@host:path</c> as ssh.</summary>
    internal static Uri? RepositoryUri(string remote)
    {
        if (!remote.Contains("://", StringComparison.Ordinal) && remote.IndexOf(':') is > 0 and int colon && !Path.IsPathRooted(remote))
        {
            string host = remote[..colon];
            host = host.Contains('@', StringComparison.Ordinal) ? host[(host.IndexOf('@', StringComparison.Ordinal) + 1)..] : host;
            remote = $"ssh://{host}/{remote[(colon + 1)..].TrimStart('/')}";
        }

        if (!Uri.TryCreate(remote, UriKind.Absolute, out Uri? uri) || uri.IsFile)
        {
            return null;
        }

        var builder = new UriBuilder(uri) { UserName = string.Empty, Password = string.Empty };
        return builder.Uri;
    }

    internal static string? Git(string workingDirectory, params string[] arguments)
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
            string output = process.StandardOutput.ReadToEnd();
            process.StandardError.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 && output.Trim() is { Length: > 0 } text ? text : null;
        }
        catch (Exception ex) when (ex is Win32Exception or InvalidOperationException or IOException)
        {
            return null; // no git on this machine
        }
    }
}
