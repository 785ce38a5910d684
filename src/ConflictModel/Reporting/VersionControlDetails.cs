using System;
using ConflictModel.Diagnostics;

namespace ConflictModel.Reporting;

/// <summary>
/// Which version of which repository was validated, for SARIF's <c>versionControlProvenance</c>, so that a viewer can
/// map the report's relative paths to the repository.
/// </summary>
/// <param name="RepositoryUri">The repository, absolute (for example <c>https://github.com/owner/data</c>).</param>
/// <param name="RevisionId">The commit validated, or null when unknown.</param>
/// <param name="Branch">The branch, or null when unknown (a detached checkout).</param>
/// <param name="LocalRoot">The work tree's root folder on this machine, or null when unknown; SARIF maps it to the repository (as <c>%SRCROOT%</c> when it is <see cref="ReportOptions.BaseDirectory"/>, else as <c>%REPOROOT%</c>).</param>
public sealed record VersionControlDetails(Uri RepositoryUri, string? RevisionId, string? Branch, string? LocalRoot);
