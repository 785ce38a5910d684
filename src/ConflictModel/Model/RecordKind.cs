namespace ConflictModel.Model;

/// <summary>The kinds of record a dataset holds. On the JSON Lines wire each is the <c>type</c> discriminator.</summary>
public enum RecordKind
{
    /// <summary>
    /// Not a value: the default of a field that was never set. The model's constructors reject it, and it has no wire
    /// name (reading <c>unspecified</c> is an unknown value, CM0009; nothing writes it).
    /// </summary>
    Unspecified = 0,

    /// <summary>A person, state, organisation or group: <see cref="Model.Actor"/>.</summary>
    Actor,

    /// <summary>Something that happened: <see cref="Model.Event"/>.</summary>
    Event,

    /// <summary>An assertion made by someone: <see cref="Model.Claim"/>.</summary>
    Claim,

    /// <summary>Responsibility assigned to an actor: <see cref="Model.Attribution"/>.</summary>
    Attribution,

    /// <summary>A ceasefire: <see cref="Model.Ceasefire"/>.</summary>
    Ceasefire,

    /// <summary>A mediation effort: <see cref="Model.Mediation"/>.</summary>
    Mediation,

    /// <summary>A peace agreement or accord: <see cref="Model.Agreement"/>.</summary>
    Agreement,

    /// <summary>A casualty figure: <see cref="Model.CasualtyEstimate"/>.</summary>
    CasualtyEstimate,

    /// <summary>A report or document: <see cref="Model.Source"/>.</summary>
    Source,
}
