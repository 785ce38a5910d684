using System;
using System.IO;
using System.Linq;
using System.Text;
using ConflictModel.Validation;
using Xunit;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Tests.Validation;

/// <summary>
/// Streaming validation reads some lines of a file again after the reader has passed them (to locate a finding, to
/// look a record up); when the file was truncated in between, that read comes up short. It used to end in CM0900
/// (<c>UnreferencedRecordRule</c>: ArgumentOutOfRangeException); it is one CM0027 naming the offset, and what was found
/// before stays (issue 18).
/// </summary>
public sealed class ChangingFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("conflictmodel-changing-").FullName;

    [Fact]
    public void TruncatedAfterTheReaderPassed_IsCM0027NotCM0900()
    {
        string path = Path.Combine(_folder, "actors.jsonl");
        File.WriteAllText(path, RuleHarness.Header + "\n" + string.Concat(Enumerable.Range(0, 2000).Select(i => $"{{\"type\":\"actor\",\"id\":\"a{i}\",\"name\":\"Actor {i}\",\"kind\":\"state\"}}\n")), new UTF8Encoding(false));
        long half = new FileInfo(path).Length / 2;
        var validator = new DatasetValidator();
        using DatasetRecordReader records = new DatasetReader().OpenRecords(path);

        // Every actor is mentioned by nothing (CM1012, located when the validation ends, by reading the line again):
        // the file is cut in half after the last record was read and before those lines are read again.
        ValidationResult result = validator.Validate(records, count =>
        {
            if (count == 2000)
            {
                using var file = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
                file.SetLength(half);
            }
        });

        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "CM0900");
        Diagnostic changed = Assert.Single(result.Diagnostics, d => d.Id == "CM0027");
        Assert.Matches(@"^The file changed while it was read: a line at byte [0-9,]+ could not be read again, [0-9,]+ of its bytes are gone \(the file is shorter than when it was read\); validation stopped there", changed.GetMessage());
        Assert.Equal(path, changed.Location.FilePath);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
