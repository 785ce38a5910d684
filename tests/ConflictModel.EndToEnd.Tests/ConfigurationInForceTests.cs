using System;
using System.IO;
using Xunit;

namespace ConflictModel.EndToEnd.Tests;

/// <summary>
/// A <c>.conflictmodel.json</c> in a parent folder with <c>"*": "none"</c> silently turned every rule off: exit 0 and
/// nothing said which configuration was used (issue 18). The text output now names it, and <c>--no-config</c> ignores
/// discovery.
/// </summary>
public sealed class ConfigurationInForceTests : IDisposable
{
    /// <summary>An actor nothing mentions: CM1012 (info) unless the configuration turns it off.</summary>
    private const string Lonely = """{"formatVersion":"1.0","info":{"title":"t"},"actors":[{"id":"a","name":"A","kind":"state"}]}""";

    private readonly string _folder = Directory.CreateTempSubdirectory("conflictmodel-config-").FullName;

    [Fact]
    public void ParentConfigurationTurningEverythingOff_IsNamed_AndNoConfigIgnoresIt()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "data"));
        File.WriteAllText(Path.Combine(_folder, ".conflictmodel.json"), """{"severity":{"*":"none"}}""");
        File.WriteAllText(Path.Combine(_folder, "data", "d.json"), Lonely);

        ProcessResult discovered = ProcessRunner.Tool(Path.Combine(_folder, "data"), "validate", "d.json");
        ProcessResult ignored = ProcessRunner.Tool(Path.Combine(_folder, "data"), "validate", "d.json", "--no-config");

        Assert.True(discovered.ExitCode == 0, discovered.ToString());
        Assert.DoesNotContain("CM1012", discovered.Output, StringComparison.Ordinal);
        Assert.EndsWith($"configuration: {Path.Combine(_folder, ".conflictmodel.json")}\n", discovered.Output, StringComparison.Ordinal);
        Assert.True(ignored.ExitCode == 0, ignored.ToString());
        Assert.Contains("info CM1012", ignored.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("configuration:", ignored.Output, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
