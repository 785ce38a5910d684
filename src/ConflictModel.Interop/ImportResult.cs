using ConflictModel.Model;

namespace ConflictModel.Interop;

/// <summary>An imported dataset and what the import reported.</summary>
/// <param name="Dataset">The records that were imported.</param>
/// <param name="Log">The diagnostics and the row counts.</param>
public sealed record ImportResult(Dataset Dataset, ImportLog Log);
