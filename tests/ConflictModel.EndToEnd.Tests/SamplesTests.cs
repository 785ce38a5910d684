using System;
using System.IO;
using Xunit;

namespace ConflictModel.EndToEnd.Tests;

/// <summary>The samples under samples/ run and say what they should, so that they never rot.</summary>
public sealed class SamplesTests
{
    private static string SamplesDll => Path.Combine(AppContext.BaseDirectory, "ConflictModel.Samples.dll");

    [Fact]
    public void BuildDataset_WritesJsonLinesThatReadBack()
    {
        ProcessResult result = ProcessRunner.Run("dotnet", [SamplesDll, "build-dataset"]);
        Assert.True(result.ExitCode == 0, result.ToString());
        var dataset = ConflictModel.Serialization.ConflictJsonSerializer.DeserializeLines(result.Output);
        Assert.Equal(7, dataset.RecordCount);
        Assert.Equal("India has stirred up the Taliban.", dataset.Attributions[0].Sources[0].Excerpt);
    }

    [Fact]
    public void ReadAndValidate_PrintsLocatedProblems()
    {
        ProcessResult clean = ProcessRunner.Run("dotnet", [SamplesDll, "read-and-validate", Repository.Path("examples", "seed-merged.json")]);
        Assert.True(clean.ExitCode == 0, clean.ToString());
        Assert.Contains("(728,17) /casualtyEstimates/2/figure: info CM2008:", clean.Output, StringComparison.Ordinal);
        Assert.EndsWith("75 records read; 0 error(s), 0 warning(s)\n", clean.Output, StringComparison.Ordinal);

        string bad = Path.Combine(Path.GetTempPath(), $"conflictmodel-sample-{Environment.ProcessId}.json");
        File.WriteAllText(bad, "{\"formatVersion\":\"1.0\",\"info\":{\"title\":\"t\"},\"events\":[{\"id\":\"e\",\"kind\":\"talks\",\"date\":\"2023-02-30\"}]}");
        try
        {
            ProcessResult broken = ProcessRunner.Run("dotnet", [SamplesDll, "read-and-validate", bad]);
            Assert.Equal(1, broken.ExitCode);
            Assert.Contains("/events/0/date: error CM0010: '2023-02-30' is not a valid EDTF date", broken.Output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(bad);
        }
    }

    [Fact]
    public void StreamLargeFile_CountsRecordsByKind()
    {
        ProcessResult result = ProcessRunner.Run("dotnet", [SamplesDll, "stream-large-file", Repository.Path("examples", "seed-merged.jsonl")]);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("  Actor: 21\n", result.Output, StringComparison.Ordinal);
        Assert.Contains("  Claim: 20\n", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void ReconcileFigures_FindsTheContradiction()
    {
        ProcessResult result = ProcessRunner.Run("dotnet", [SamplesDll, "reconcile-figures", Repository.Path("examples", "seed-merged.json")]);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Killed of taliban: 2 estimate(s), CONTRADICTORY (1 pair(s))", result.Output, StringComparison.Ordinal);
        Assert.Contains("  casualties-over-200-taliban: over 200 (\"over 200\") [pakistan Asserts]\n", result.Output, StringComparison.Ordinal);
        Assert.Contains("  together: 200 to no upper bound; contradictory:", result.Output, StringComparison.Ordinal);

        // CasualtyEnvelope.GroupsOf gives populations counted by two or more estimates: the lone 58 is not a group.
        Assert.DoesNotContain("casualties-58-pakistani-soldiers", result.Output, StringComparison.Ordinal);
    }
}
