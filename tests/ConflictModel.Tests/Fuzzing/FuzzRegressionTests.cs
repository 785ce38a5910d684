using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using ConflictModel.Fuzzing;
using ConflictModel.Validation;
using Xunit;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Tests.Fuzzing;

/// <summary>
/// Replays fuzzing inputs through the very targets afl-fuzz runs (fuzz/ConflictModel.Fuzz/FuzzTargets.cs): every
/// input that once made a target fail (fuzz/regressions/TARGET/, one file each, named after what it found) and the
/// whole seed corpus (fuzz/corpus/) through every target. A target fails by throwing, so a failure here is a finding
/// of the fuzzer come back.
/// </summary>
public class FuzzRegressionTests
{
    private static readonly string FuzzDirectory = Path.Combine(AppContext.BaseDirectory, "fuzz");

    public static TheoryData<string, string> Regressions()
    {
        var data = new TheoryData<string, string>();
        foreach (string target in FuzzTargets.Names)
        {
            string folder = Path.Combine(FuzzDirectory, "regressions", target);
            if (!Directory.Exists(folder))
            {
                continue;
            }

            foreach (string file in Directory.EnumerateFiles(folder).Where(f => !f.EndsWith(".md", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            {
                data.Add(target, Path.GetFileName(file));
            }
        }

        return data;
    }

    public static TheoryData<string> Targets() => [.. FuzzTargets.Names];

    [Theory]
    [MemberData(nameof(Regressions))]
    public void Target_RegressionInput_DoesNotFail(string target, string file)
    {
        byte[] input = File.ReadAllBytes(Path.Combine(FuzzDirectory, "regressions", target, file));

        // Every target, not only the one that found it: a reader input is a validator input too.
        foreach (string name in FuzzTargets.Names)
        {
            FuzzTargets.Get(name)!(input);
        }
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public void Target_SeedCorpus_DoesNotFail(string target)
    {
        Action<byte[]> run = FuzzTargets.Get(target)!;
        string[] seeds = [.. Directory.EnumerateFiles(Path.Combine(FuzzDirectory, "corpus")).Order(StringComparer.Ordinal)];
        Assert.NotEmpty(seeds);
        var failures = new List<string>();
        foreach (string seed in seeds)
        {
            try
            {
                run(File.ReadAllBytes(seed));
            }
#pragma warning disable CA1031 // Every failing seed is reported, not only the first.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                failures.Add($"{Path.GetFileName(seed)}: {ex}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    [Fact]
    public void Target_UnknownName_IsNull() => Assert.Null(FuzzTargets.Get("no-such-target"));

    [Fact]
    public void Validator_RuleThatThrows_IsAFinding()
    {
        // The oracle must be able to fail: a rule's exception, which the validator turns into CM0900, is a crash.
        var validator = new DatasetValidator(new ValidationOptions { Preset = ValidationPreset.Strict, Rules = [new ThrowingRule()] });
        byte[] seed = File.ReadAllBytes(Path.Combine(FuzzDirectory, "corpus", "lines-merged-mixed.jsonl"));

        InvalidOperationException ex = Assert.Throws<InvalidOperationException>(() => FuzzTargets.Validate(seed, validator));
        Assert.Contains("CM0900", ex.Message, StringComparison.Ordinal);
    }

    private sealed class ThrowingRule : DatasetRule
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => RuleCatalog.Rules[0].SupportedDiagnostics;

        public override void Initialize(RuleRegistration context) => context.RegisterRecordAction<ConflictModel.Model.ConflictRecord>(_ => throw new InvalidOperationException("boom"));
    }
}
