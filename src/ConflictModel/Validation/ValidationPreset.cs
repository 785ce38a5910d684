using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Validation;

/// <summary>
/// A named starting point for severities, applied before any per-rule, per-category or global setting. The
/// presets are part of the contract: what each does is written in docs/validation.md and changes only with a note
/// in the rules ledger.
/// </summary>
public enum ValidationPreset
{
    /// <summary>Every rule at the severity and enablement its descriptor gives (the ledger's "default severity").</summary>
    Default,

    /// <summary>Every rule enabled, including those off by default; info raised to warning and hidden to info.</summary>
    Strict,

    /// <summary>Warnings lowered to info; errors stay errors; rules off by default stay off.</summary>
    Lenient,
}
