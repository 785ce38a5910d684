namespace ConflictModel.Model;

/// <summary>The part an actor plays in a group (a contact group, a coalition, an organisation's rotating chair): see <see cref="GroupMember"/>.</summary>
public enum GroupMemberRole
{
    /// <summary>
    /// Not a value: the default of a field that was never set. The model's constructors reject it, and it has no wire
    /// name (reading <c>unspecified</c> is an unknown value, CM0009; nothing writes it).
    /// </summary>
    Unspecified = 0,

    /// <summary>An ordinary member.</summary>
    Member,

    /// <summary>Chairs the group, alone ("Malaysia as ASEAN chair").</summary>
    Chair,

    /// <summary>Chairs the group with others (the co-chairs of a contact group).</summary>
    CoChair,

    /// <summary>Leads the group without chairing it (the lead nation of a coalition or mission).</summary>
    Lead,

    /// <summary>Takes part as an observer, without full membership.</summary>
    Observer,
}
