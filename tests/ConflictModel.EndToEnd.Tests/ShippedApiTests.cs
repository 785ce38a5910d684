using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit;

namespace ConflictModel.EndToEnd.Tests;

/// <summary>
/// What 1.0.0 promises is enforced by the build: a member listed in <c>PublicAPI.Shipped.txt</c> cannot be removed
/// or renamed without the build failing (RS0017), and package validation compares every release after 1.0.0 with
/// 1.0.0 (its baseline switches on by itself once the version passes 1.0.0).
/// </summary>
public sealed partial class ShippedApiTests
{
    [Fact]
    public void RemovingOrRenamingAShippedMember_FailsTheBuildWithRS0017()
    {
        string copy = Directory.CreateTempSubdirectory("conflictmodel-shipped-").FullName;
        try
        {
            foreach (string file in (string[])["Directory.Build.props", "Directory.Packages.props", "global.json", ".editorconfig"])
            {
                File.Copy(Repository.Path(file), Path.Combine(copy, file));
            }

            string source = Repository.Path("src", "ConflictModel");
            string project = Path.Combine(copy, "src", "ConflictModel");
            foreach (string file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories).Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal)))
            {
                string target = Path.Combine(project, Path.GetRelativePath(source, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }

            // Ship everything, as the 1.0.0 release does (a no-op once Unshipped is empty).
            string shipped = Path.Combine(project, "PublicAPI.Shipped.txt");
            string unshipped = Path.Combine(project, "PublicAPI.Unshipped.txt");
            string[] shippedLines = [.. File.ReadAllLines(shipped), .. File.ReadAllLines(unshipped).Where(l => l.Length > 0 && !l.StartsWith('#'))];
            File.WriteAllLines(shipped, shippedLines);
            File.WriteAllLines(unshipped, ["#nullable enable"]);
            Assert.Contains("ConflictModel.Model.PartialDate.Contains(NodaTime.LocalDate date) -> bool", shippedLines);
            Assert.Contains("static ConflictModel.Reporting.ReportWriter.TryParseFormat(string? name, out ConflictModel.Reporting.ReportFormat format) -> bool", shippedLines);

            // Members nothing inside the library uses, so that the only errors are the API analyzer's: one removed...
            string partialDate = Path.Combine(project, "Model", "PartialDate.cs");
            string text = File.ReadAllText(partialDate);
            const string member = "public bool Contains(LocalDate date) => date >= Earliest && date <= Latest;";
            int end = text.IndexOf(member, StringComparison.Ordinal);
            Assert.True(end > 0, "the member to remove is not in PartialDate.cs");
            int start = text.LastIndexOf("    /// <summary>", end, StringComparison.Ordinal);
            File.WriteAllText(partialDate, string.Concat(text.AsSpan(0, start), text.AsSpan(end + member.Length)));

            // ...and one renamed.
            string reportWriter = Path.Combine(project, "Reporting", "ReportWriter.cs");
            string writerText = File.ReadAllText(reportWriter);
            Assert.Contains("public static bool TryParseFormat(", writerText, StringComparison.Ordinal);
            File.WriteAllText(reportWriter, writerText.Replace("public static bool TryParseFormat(", "public static bool TryParseFormatName(", StringComparison.Ordinal));

            ProcessResult build = ProcessRunner.Run("dotnet", ["build", Path.Combine(project, "ConflictModel.csproj"), "-p:UseSharedCompilation=false"], copy, timeout: ProcessRunner.BuildTimeout);

            Assert.NotEqual(0, build.ExitCode);
            string[] errors = [.. ErrorCode().Matches(build.Output).Select(m => m.Groups["code"].Value + " " + m.Groups["symbol"].Value).Distinct()];
            Assert.Contains(errors, e => e.StartsWith("RS0017 ", StringComparison.Ordinal) && e.Contains("PartialDate.Contains", StringComparison.Ordinal));
            Assert.Contains(errors, e => e.StartsWith("RS0017 ", StringComparison.Ordinal) && e.Contains("ReportWriter.TryParseFormat(", StringComparison.Ordinal));

            // The renamed member is also new API (RS0016); nothing else fails.
            Assert.Contains(errors, e => e.StartsWith("RS0016 ", StringComparison.Ordinal) && e.Contains("TryParseFormatName", StringComparison.Ordinal));
            Assert.True(errors.Length == 3, string.Join('\n', errors));
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    [Theory]
    [InlineData("0.1.0", "")]
    [InlineData("1.0.0", "")]
    [InlineData("1.0.1", "1.0.0")]
    [InlineData("1.1.0", "1.0.0")]
    [InlineData("2.0.0", "1.0.0")]
    public void PackageValidationBaseline_AppliesFromTheVersionAfter100(string versionPrefix, string baseline)
    {
        foreach (string library in (string[])["ConflictModel", "ConflictModel.Interop", "ConflictModel.Columnar"])
        {
            ProcessResult evaluate = ProcessRunner.Run(
                "dotnet",
                ["msbuild", Repository.Path("src", library, $"{library}.csproj"), $"-p:VersionPrefix={versionPrefix}", "-getProperty:EnablePackageValidation", "-getProperty:PackageValidationBaselineVersion", "-getProperty:IsPackable"],
                Repository.Root,
                timeout: ProcessRunner.BuildTimeout);
            Assert.True(evaluate.ExitCode == 0, evaluate.ToString());
            using JsonDocument properties = JsonDocument.Parse(evaluate.Output);
            JsonElement values = properties.RootElement.GetProperty("Properties");
            Assert.Equal("true", values.GetProperty("IsPackable").GetString());
            Assert.Equal("true", values.GetProperty("EnablePackageValidation").GetString());
            Assert.Equal(baseline, values.GetProperty("PackageValidationBaselineVersion").GetString());
        }
    }

    /// <summary>An MSBuild error line: <c>file(line,col): error RS0017: Symbol 'X' is part of the declared API…</c>.</summary>
    [GeneratedRegex(@"error (?<code>[A-Z]+[0-9]+): Symbol '(?<symbol>[^']*)'|error (?<code>[A-Z]+[0-9]+):(?<symbol>)")]
    private static partial Regex ErrorCode();
}
