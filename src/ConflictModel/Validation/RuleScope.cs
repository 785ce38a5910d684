namespace ConflictModel.Validation;

/// <summary>What a rule needs to see at once, which decides how a streaming validation runs it (<see cref="DatasetRule.Scope"/>).</summary>
public enum RuleScope
{
    /// <summary>The rule iterates records and compares them with each other: it runs once, at the end, over the records it keeps.</summary>
    Dataset,

    /// <summary>The rule checks each record on its own, looking other records up by id: it runs as each record is read.</summary>
    Record,
}
