namespace ConflictModel.Model;

/// <summary>The part an actor plays in a group (a contact group, a coalition, an organisation's rotating chair): see <see cref="GroupMember"/>.</summary>
public enum GroupMemberRole
{
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
