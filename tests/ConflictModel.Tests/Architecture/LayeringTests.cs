using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using NetArchTest.Rules;
using Xunit;

namespace ConflictModel.Tests.Architecture;

/// <summary>
/// The layers go one way: Model ← Diagnostics ← Serialization ← Validation ← Reporting ← Interop, Columnar.
/// Checked over the compiled assemblies' type references (signatures and method bodies), so a dependency that only
/// an IL reference shows (a call, a field access, a generic argument) is caught as well as one in a signature.
/// </summary>
public sealed partial class LayeringTests
{
    /// <summary>The layers from the bottom up; a namespace belongs to the first layer it starts with.</summary>
    private static readonly string[] Layers =
    [
        "ConflictModel.Model",
        "ConflictModel.Diagnostics",
        "ConflictModel.Serialization",
        "ConflictModel.Validation",
        "ConflictModel.Reporting",
        "ConflictModel.Interop",
        "ConflictModel.Columnar",
    ];

    private static readonly Assembly[] Assemblies =
    [
        typeof(ConflictModel.Model.Dataset).Assembly,
        typeof(ConflictModel.Interop.ImportLog).Assembly,
        typeof(ConflictModel.Columnar.ParquetExport).Assembly,
    ];

    public static TheoryData<string> LayerNames => [.. Layers];

    [Theory]
    [MemberData(nameof(LayerNames))]
    public void A_layer_depends_on_no_layer_above_it(string layer)
    {
        int index = Array.IndexOf(Layers, layer);
        // Interop and Columnar are side by side at the top: neither may use the other.
        string[] forbidden = layer switch
        {
            "ConflictModel.Interop" => ["ConflictModel.Columnar", "ConflictModel.Cli"],
            "ConflictModel.Columnar" => ["ConflictModel.Interop", "ConflictModel.Cli"],
            _ => [.. Layers.Skip(index + 1), "ConflictModel.Cli"],
        };

        TestResult result = Types.InAssemblies(Assemblies)
            .That().ResideInNamespace(layer)
            .ShouldNot().HaveDependencyOnAny(forbidden)
            .GetResult();

        Assert.True(
            result.IsSuccessful,
            $"{layer} uses a layer above it ({string.Join(", ", forbidden)}): {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Fact]
    public void Every_namespace_of_the_libraries_is_in_a_layer()
    {
        string[] outside = [.. Assemblies
            .SelectMany(a => a.GetTypes())
            .Select(t => t.Namespace)
            .Where(n => n is not null && n.StartsWith("ConflictModel", StringComparison.Ordinal))
            .Distinct()
            .Where(n => !Layers.Any(l => n == l || n!.StartsWith(l + ".", StringComparison.Ordinal)))
            .Select(n => n!)];

        Assert.Empty(outside);
    }

    [Fact]
    public void The_layer_check_sees_a_real_dependency()
    {
        // Guards the test above against passing vacuously: Validation does use Serialization and Diagnostics.
        TestResult result = Types.InAssemblies(Assemblies)
            .That().ResideInNamespace("ConflictModel.Validation")
            .ShouldNot().HaveDependencyOnAny("ConflictModel.Serialization", "ConflictModel.Diagnostics")
            .GetResult();

        Assert.False(result.IsSuccessful);
    }

    [Fact]
    public void Folders_equal_namespaces()
    {
        string src = Path.Combine(Repository.Root, "src");
        List<string> wrong = [];
        foreach (string project in Directory.GetDirectories(src))
        {
            string root = Path.GetFileName(project);
            foreach (string file in Directory.EnumerateFiles(project, "*.cs", SearchOption.AllDirectories))
            {
                string relative = Path.GetRelativePath(project, Path.GetDirectoryName(file)!);
                if (relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
                {
                    continue;
                }

                string expected = relative == "." ? root : root + "." + relative.Replace(Path.DirectorySeparatorChar, '.');
                Match match = NamespaceLine().Match(File.ReadAllText(file));
                if (match.Success && match.Groups[1].Value != expected)
                {
                    wrong.Add($"{Path.GetRelativePath(src, file)}: namespace {match.Groups[1].Value}, folder says {expected}");
                }
            }
        }

        Assert.Empty(wrong);
    }

    [GeneratedRegex(@"^namespace\s+([\w.]+)\s*[;{]", RegexOptions.Multiline)]
    private static partial Regex NamespaceLine();
}
