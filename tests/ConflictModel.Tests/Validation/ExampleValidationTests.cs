using System.Linq;
using ConflictModel.Validation;
using Xunit;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Tests.Validation;

public class ExampleValidationTests
{
    [Fact]
    public void Validate_SeedExamples_HaveNoWarningsOrErrors()
    {
        string[] files = [.. ReaderDifferentialTests.ExampleFiles()];
        Assert.NotEmpty(files);
        foreach (string path in files)
        {
            ValidationResult result = new DatasetValidator().Validate(new DatasetReader().Read(path));
            Diagnostic[] serious = [.. result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning)];
            Assert.True(serious.Length == 0, $"{path}:\n{string.Join("\n", serious.Select(d => d.ToString()))}");
        }
    }
}
