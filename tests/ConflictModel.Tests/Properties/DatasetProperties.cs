using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ConflictModel.Model;
using ConflictModel.Serialization;
using ConflictModel.Tests.Validation;
using ConflictModel.Validation;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;
using ConflictModel.Diagnostics;

namespace ConflictModel.Tests.Properties;

/// <summary>
/// Properties over generated datasets (<see cref="ModelGenerators"/>): what is written reads back equal, by the
/// serializer and by the validating reader, in both wire forms; every mutation of a record line is reported on that
/// line; and the diagnostics of an input are the same, in the same order, however often and on however many threads
/// it is read and validated. 100 cases each (30 for the parallel one) keep the class to seconds; a failure prints the seed
/// (<c>Replay = "…"</c> on the attribute reruns it).
/// </summary>
[Properties(Arbitrary = [typeof(ModelGenerators)], MaxTest = 100)]
public class DatasetProperties
{
    private static readonly DatasetReader Reader = new();

    private static readonly DatasetValidator Validator = new(ValidationOptions.Default with { Today = RuleHarness.Today });

    [Property]
    public void SerializeThenDeserialize_Document_GivesAnEqualModel(Dataset dataset)
    {
        string json = ConflictJsonSerializer.Serialize(dataset);
        Assert.Equal(dataset, ConflictJsonSerializer.Deserialize(json));
    }

    [Property]
    public void SerializeThenDeserialize_JsonLines_GivesAnEqualModel(Dataset dataset)
    {
        string lines = ConflictJsonSerializer.SerializeLines(dataset);
        Assert.Equal(dataset, ConflictJsonSerializer.DeserializeLines(lines));
    }

    [Property]
    public void SerializeThenRead_BothForms_GivesAnEqualModelAndNoDiagnostics(Dataset dataset)
    {
        foreach ((string text, DatasetFormat format) in new[] { (ConflictJsonSerializer.Serialize(dataset), DatasetFormat.Document), (ConflictJsonSerializer.SerializeLines(dataset), DatasetFormat.JsonLines) })
        {
            DatasetReadResult read = Reader.ReadText(text, format, "generated");
            Assert.True(read.Diagnostics.IsEmpty, $"{format}: {string.Join("\n", read.Diagnostics)}\n{text}");
            Assert.Equal(dataset, read.Dataset);
        }
    }

    [Property]
    public Property ReadAndValidate_MutatedLines_ReportEveryMutationOnItsLine()
        => Prop.ForAll(MutatedArb, input =>
        {
            ValidationResult baseline = ReadAndValidate(input.Original);
            ValidationResult result = ReadAndValidate(input.Text);
            Assert.DoesNotContain(result.Diagnostics, d => d.Id == "CM0900");
            foreach (AppliedMutation mutation in input.Applied)
            {
                Assert.False(
                    baseline.Diagnostics.Any(d => d.Id == mutation.ExpectedId && d.Location.StartLine == mutation.Line),
                    $"{mutation.ExpectedId} is already reported on line {mutation.Line} before the mutation");
                Assert.True(
                    result.Diagnostics.Any(d => d.Id == mutation.ExpectedId && d.Location.StartLine == mutation.Line),
                    $"No {mutation.ExpectedId} on line {mutation.Line} after {mutation.Kind}: {mutation.Description}\n{string.Join("\n", result.Diagnostics)}\n{input.Text}");
            }
        });

    [Property(MaxTest = 30)]
    public Property ReadAndValidate_SameInput_GivesTheSameDiagnosticsInTheSameOrderSeriallyAndInParallel()
        => Prop.ForAll(MutatedArb, input =>
        {
            string[] texts = [input.Text, input.Original];
            List<Diagnostic>[] serial = [.. texts.Select(t => ReadAndValidate(t).Diagnostics.ToList())];
            Assert.Equal(serial[0], ReadAndValidate(input.Text).Diagnostics);

            // Four reads of each input at once on the shared reader and validator.
            var parallel = new List<Diagnostic>[texts.Length * 4];
            Parallel.For(0, parallel.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => parallel[i] = [.. ReadAndValidate(texts[i % texts.Length]).Diagnostics]);
            for (int i = 0; i < parallel.Length; i++)
            {
                Assert.Equal(serial[i % texts.Length], parallel[i]);
                Assert.Equal(Render(serial[i % texts.Length]), Render(parallel[i]));
            }
        });

    private static Arbitrary<MutatedInput> MutatedArb { get; } = Arb.From(
        from dataset in ModelGenerators.DatasetGen
        from plan in Gen.ListOf(
            from line in Gen.Choose(0, 1000)
            from kind in Gen.Elements(Enum.GetValues<MutationKind>())
            from choice in Gen.Choose(0, 10_000)
            select (line, kind, choice),
            3)
        let original = ConflictJsonSerializer.SerializeLines(dataset)
        let mutated = Mutations.ApplyAll(original, plan)
        select new MutatedInput(original, mutated.Text, mutated.Applied));

    private static ValidationResult ReadAndValidate(string text) => Validator.Validate(Reader.ReadText(text, DatasetFormat.JsonLines, "generated.jsonl"));

    private static string[] Render(IEnumerable<Diagnostic> diagnostics) => [.. diagnostics.Select(d => $"{d} | {string.Join(";", d.AdditionalLocations)}")];

    /// <summary>A generated dataset's JSON Lines, the same after mutation, and the mutations applied.</summary>
    public sealed record MutatedInput(string Original, string Text, IReadOnlyList<AppliedMutation> Applied)
    {
        public override string ToString() => string.Join("; ", Applied.Select(a => $"line {a.Line}: {a.Kind} ({a.Description})"));
    }
}
