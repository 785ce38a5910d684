using System.Collections.Immutable;
using Ardalis.GuardClauses;

namespace ConflictModel.Model;

/// <summary>
/// A member of a group <see cref="Actor"/> (a contact group, a coalition, an organisation, "Gulf nations"): who, in what
/// part, and when. A group that mediates or is accused is an actor like any other; its members say who stood behind it
/// at the time.
/// </summary>
public sealed record GroupMember : ExtensibleRecord
{
    private readonly ActorId _actor;
    private readonly GroupMemberRole _role;
    private readonly string? _title;
    private readonly EdtfDate? _period;
    private readonly ValueArray<Citation> _sources;

    /// <summary>Creates a member.</summary>
    /// <param name="actor">The member.</param>
    /// <param name="role">Its part in the group.</param>
    /// <param name="title">The role as reported, when the sources name it ("rotating chair for 2025").</param>
    /// <param name="period">When it was a member or held the role, often an interval open at one end; null when not reported.</param>
    /// <param name="sources">The sources that report the membership.</param>
    /// <exception cref="System.ArgumentException">The actor or period is the default value, the role is undefined, a text is empty, or a citation is null.</exception>
    public GroupMember(ActorId actor, GroupMemberRole role = GroupMemberRole.Member, string? title = null, EdtfDate? period = null, ImmutableArray<Citation> sources = default)
    {
        Actor = actor;
        Role = role;
        Title = title;
        Period = period;
        Sources = sources;
    }

    /// <summary>Gets the member.</summary>
    public ActorId Actor { get => _actor; init => _actor = Guard.Against.DefaultId(value, nameof(Actor)); }

    /// <summary>Gets its part in the group.</summary>
    public GroupMemberRole Role { get => _role; init => _role = Guard.Against.Undefined(value, nameof(Role)); }

    /// <summary>Gets the role as reported.</summary>
    public string? Title { get => _title; init => _title = Guard.Against.Blank(value, nameof(Title)); }

    /// <summary>Gets when it was a member or held the role; null when not reported (then it is taken to hold throughout the dataset).</summary>
    public EdtfDate? Period { get => _period; init => _period = ModelGuards.NotDefault(value, nameof(Period)); }

    /// <summary>Gets the sources that report the membership.</summary>
    public ImmutableArray<Citation> Sources { get => _sources.Items; init => _sources = new(Guard.Against.NullItems(value, nameof(Sources))); }
}
