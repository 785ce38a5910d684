namespace ConflictModel.Model;

/// <summary>What a <see cref="Claim"/>'s claimant does with its subject.</summary>
public enum ClaimStance
{
    /// <summary>
    /// Not a value: the default of a field that was never set. The model's constructors reject it, and it has no wire
    /// name (reading <c>unspecified</c> is an unknown value, CM0009; nothing writes it).
    /// </summary>
    Unspecified = 0,

    /// <summary>States the subject is true ("the Taliban claim 58 soldiers killed").</summary>
    Asserts,

    /// <summary>States the subject is false ("a claim the Taliban steadfastly denies").</summary>
    Denies,

    /// <summary>Will neither confirm nor deny ("Islamabad refrained from confirming the casualty figures").</summary>
    DeclinesToConfirm,

    /// <summary>Withdraws the claimant's own earlier claim.</summary>
    Retracts,

    /// <summary>Accepts a subject put forward by someone else, such as an accused acknowledging responsibility.</summary>
    Acknowledges,

    /// <summary>Asks for the subject: mediation, the return of a base, action against a group (PLOVER REQUEST).</summary>
    Requests,

    /// <summary>Refuses a request, demand or offer that is the subject (PLOVER REJECT).</summary>
    Rejects,
}
