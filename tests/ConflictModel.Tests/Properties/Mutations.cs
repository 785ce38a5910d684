using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace ConflictModel.Tests.Properties;

/// <summary>The damage <see cref="Mutations"/> can do to one record line, each with the diagnostic it must produce.</summary>
public enum MutationKind
{
    /// <summary>A required member removed (CM0007).</summary>
    DroppedMember,

    /// <summary>A required member given a value of the wrong JSON type (CM0008).</summary>
    WrongType,

    /// <summary>A value outside its range: a negative or too large count, an impossible date, an id too long.</summary>
    OutOfRange,

    /// <summary>A casualty figure's low and high bounds exchanged (CM2002).</summary>
    SwappedBounds,

    /// <summary>A reference to a record that does not exist (CM1001).</summary>
    DanglingReference,
}

/// <summary>One mutation applied to a JSON Lines line, and the diagnostic id it must cause on that line.</summary>
/// <param name="Line">The 1-based line number.</param>
/// <param name="Kind">What was done.</param>
/// <param name="ExpectedId">The diagnostic that must be reported on the line.</param>
/// <param name="Description">What exactly was changed, for failure messages.</param>
public sealed record AppliedMutation(int Line, MutationKind Kind, string ExpectedId, string Description);

/// <summary>
/// Applies <see cref="MutationKind"/>s to the record lines of a JSON Lines dataset. Each mutation is a pure function
/// of the line, the kind and a choice number, so a failing FsCheck case replays exactly.
/// </summary>
public static class Mutations
{
    private const string Missing = "missing-reference";

    private static readonly Dictionary<string, string[]> Required = new(StringComparer.Ordinal)
    {
        ["source"] = ["id"],
        ["actor"] = ["id", "name", "kind"],
        ["event"] = ["id", "kind"],
        ["casualtyEstimate"] = ["id", "population", "figure"],
        ["claim"] = ["id", "claimant", "stance", "subject"],
        ["ceasefire"] = ["id"],
    };

    private static readonly JsonNode[] WrongStrings = [JsonValue.Create(42), JsonValue.Create(true), new JsonArray(), new JsonObject()];

    private static readonly JsonNode[] WrongObjects = [JsonValue.Create("text"), JsonValue.Create(7), new JsonArray(JsonValue.Create(1))];

    /// <summary>Applies one mutation to a record line (not the header) and says what it must cause.</summary>
    /// <param name="line">The line's JSON.</param>
    /// <param name="lineNumber">Its 1-based number.</param>
    /// <param name="kind">The mutation; <see cref="MutationKind.SwappedBounds"/> on a line that is not a casualty estimate becomes a dangling reference.</param>
    /// <param name="choice">Picks among the variants of the mutation.</param>
    /// <returns>The mutated line and what was done.</returns>
    public static (string Line, AppliedMutation Applied) Apply(string line, int lineNumber, MutationKind kind, int choice)
    {
        JsonObject record = JsonNode.Parse(line)!.AsObject();
        string type = (string)record["type"]!;
        choice = Math.Abs(choice);
        if (kind == MutationKind.SwappedBounds && type != "casualtyEstimate")
        {
            kind = MutationKind.DanglingReference;
        }

        string[] required = Required[type];
        (string id, string description) = kind switch
        {
            MutationKind.DroppedMember => Drop(record, required[choice % required.Length]),
            MutationKind.WrongType => Retype(record, required[choice % required.Length], choice),
            MutationKind.OutOfRange => OutOfRange(record, type, choice),
            MutationKind.SwappedBounds => Swap(record["figure"]!.AsObject(), choice),
            _ => Dangle(record, type),
        };
        return (record.ToJsonString(), new AppliedMutation(lineNumber, kind, id, description));
    }

    private static (string, string) Drop(JsonObject record, string member)
    {
        record.Remove(member);
        return ("CM0007", $"removed '{member}'");
    }

    private static (string, string) Retype(JsonObject record, string member, int choice)
    {
        bool isObject = record[member] is JsonObject;
        JsonNode[] options = isObject ? WrongObjects : WrongStrings;
        JsonNode value = options[choice % options.Length].DeepClone();
        record[member] = value;
        return ("CM0008", $"'{member}' set to {value.ToJsonString()}");
    }

    private static (string, string) OutOfRange(JsonObject record, string type, int choice)
    {
        switch (type, choice % 3)
        {
            case ("casualtyEstimate", 0):
                long negative = -1 - (choice % 1000);
                record["figure"] = new JsonObject { ["best"] = negative };
                return ("CM2003", $"figure.best set to {negative}");
            case ("casualtyEstimate", 1):
                record["figure"] = JsonNode.Parse("{\"best\":99999999999999999999}");
                return ("CM0013", "figure.best set beyond a 64-bit count");
            case ("event", 0):
                record["date"] = "2023-02-30";
                return ("CM0010", "date set to 2023-02-30");
            case ("claim", 0):
                record["made"] = "2025-13";
                return ("CM0010", "made set to month 13");
            default:
                string id = new('x', 257 + (choice % 100));
                record["id"] = id;
                return ("CM0011", $"id set to {id.Length} characters (the limit is 256)");
        }
    }

    private static (string, string) Swap(JsonObject figure, int choice)
    {
        long low, high;
        if (figure["low"] is JsonNode l && figure["high"] is JsonNode h && (long)l < (long)h)
        {
            (low, high) = ((long)l, (long)h);
        }
        else
        {
            low = choice % 1000;
            high = low + 1 + (choice % 50);
        }

        figure.Remove("best");
        figure.Remove("lowExclusive");
        figure.Remove("highExclusive");
        figure["low"] = high;
        figure["high"] = low;
        return ("CM2002", $"figure bounds swapped to low {high}, high {low}");
    }

    private static (string, string) Dangle(JsonObject record, string type)
    {
        string member;
        switch (type)
        {
            case "source":
                member = "outlet";
                record[member] = Missing;
                break;
            case "actor":
                member = "affiliatedWith";
                record[member] = Missing;
                break;
            case "event":
                member = "inResponseTo";
                record[member] = new JsonArray(JsonValue.Create(Missing));
                break;
            case "casualtyEstimate":
                member = "side";
                record[member] = Missing;
                break;
            case "claim":
                member = "claimant";
                record[member] = Missing;
                break;
            default:
                member = "parties";
                record[member] = new JsonArray(JsonValue.Create(Missing), JsonValue.Create(Missing + "-2"));
                break;
        }

        return ("CM1001", $"'{member}' points to a record that does not exist");
    }

    /// <summary>Applies each (line, kind, choice) to distinct record lines of a JSON Lines text.</summary>
    /// <param name="jsonLines">A JSON Lines dataset whose first line is the header.</param>
    /// <param name="plan">Which lines (taken modulo the number of record lines) get which mutation.</param>
    /// <returns>The mutated text and what was done, one entry per distinct line.</returns>
    public static (string Text, IReadOnlyList<AppliedMutation> Applied) ApplyAll(string jsonLines, IEnumerable<(int Line, MutationKind Kind, int Choice)> plan)
    {
        string[] lines = jsonLines.TrimEnd('\n').Split('\n');
        var applied = new List<AppliedMutation>();
        foreach ((int line, MutationKind kind, int choice) in plan)
        {
            int index = 1 + (Math.Abs(line) % (lines.Length - 1));
            if (applied.Any(a => a.Line == index + 1))
            {
                continue;
            }

            (lines[index], AppliedMutation done) = Apply(lines[index], index + 1, kind, choice);
            applied.Add(done);
        }

        return (string.Join('\n', lines) + "\n", applied);
    }
}
