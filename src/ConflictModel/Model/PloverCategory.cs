namespace ConflictModel.Model;

/// <summary>The PLOVER (Political Language Ontology for Verifiable Event Records) event categories, successor to CAMEO's root codes.</summary>
public enum PloverCategory
{
    /// <summary>
    /// Not a value: the default of a field that was never set. The model's constructors reject it, and it has no wire
    /// name (reading <c>unspecified</c> is an unknown value, CM0009; nothing writes it).
    /// </summary>
    Unspecified = 0,

    /// <summary>Agree to or sign something (CAMEO 03, 05).</summary>
    Agree,

    /// <summary>Meet, visit, negotiate (CAMEO 04).</summary>
    Consult,

    /// <summary>Express support (CAMEO 05).</summary>
    Support,

    /// <summary>Yield, ease restrictions, return territory (CAMEO 08).</summary>
    Concede,

    /// <summary>Cooperate materially (CAMEO 06).</summary>
    Cooperate,

    /// <summary>Provide aid (CAMEO 07).</summary>
    Aid,

    /// <summary>Withdraw or demobilize (CAMEO 08).</summary>
    Retreat,

    /// <summary>Appeal or ask for something, such as mediation (CAMEO 02).</summary>
    Request,

    /// <summary>Accuse, blame or criticize (CAMEO 11).</summary>
    Accuse,

    /// <summary>Reject, refuse, deny (CAMEO 12).</summary>
    Reject,

    /// <summary>Threaten (CAMEO 13).</summary>
    Threaten,

    /// <summary>Demonstrate or protest (CAMEO 14).</summary>
    Protest,

    /// <summary>Impose sanctions or break relations (CAMEO 16).</summary>
    Sanction,

    /// <summary>Mobilize or display force (CAMEO 15).</summary>
    Mobilize,

    /// <summary>Coerce: seize, arrest, expel (CAMEO 17).</summary>
    Coerce,

    /// <summary>Use force: attack, fight (CAMEO 18, 19, 20).</summary>
    Assault,
}
