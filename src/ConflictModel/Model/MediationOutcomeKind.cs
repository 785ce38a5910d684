namespace ConflictModel.Model;

/// <summary>What a round of talks or a <see cref="Mediation"/> produced: see <see cref="MediationOutcome"/>.</summary>
public enum MediationOutcomeKind
{
    /// <summary>
    /// Not a value: the default of a field that was never set. The model's constructors reject it, and it has no wire
    /// name (reading <c>unspecified</c> is an unknown value, CM0009; nothing writes it).
    /// </summary>
    Unspecified = 0,

    /// <summary>A ceasefire, linked by <see cref="MediationOutcome.Ceasefire"/> where the dataset records it.</summary>
    Ceasefire,

    /// <summary>An agreement, linked by <see cref="MediationOutcome.Agreement"/> where the dataset records it.</summary>
    Agreement,

    /// <summary>A joint statement or common understanding that is neither a ceasefire nor an agreement (further talks, observers, a mechanism).</summary>
    Understanding,

    /// <summary>The talks ended without an outcome.</summary>
    NoAgreement,
}
