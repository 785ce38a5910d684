using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace ConflictModel.Tests.Docs;

/// <summary>docs/api-review.md lists every public type of the three packages, and only those, each with a decision.</summary>
public partial class ApiReviewTests
{
    [Fact]
    public void ApiReview_ListsEveryPublicType_WithADecision()
    {
        string root = Repository.Root;
        var declared = new SortedSet<string>(StringComparer.Ordinal);
        foreach (string project in (string[])["ConflictModel", "ConflictModel.Interop", "ConflictModel.Columnar"])
        {
            foreach (string file in (string[])["PublicAPI.Shipped.txt", "PublicAPI.Unshipped.txt"])
            {
                foreach (string line in File.ReadLines(Path.Combine(root, "src", project, file)))
                {
                    // A type's own line is its full name alone: no member, signature, value or modifier.
                    if (line.Length > 0 && !line.StartsWith('#') && TypeLine().IsMatch(line))
                    {
                        declared.Add(line);
                    }
                }
            }
        }

        var reviewed = new SortedSet<string>(StringComparer.Ordinal);
        string? ns = null;
        foreach (string line in File.ReadLines(Path.Combine(root, "docs", "api-review.md")))
        {
            if (NamespaceHeading().Match(line) is { Success: true } heading)
            {
                ns = heading.Groups["ns"].Value;
            }
            else if (ns is not null && TypeRow().Match(line) is { Success: true } row)
            {
                Assert.True(reviewed.Add($"{ns}.{row.Groups["type"].Value}"), $"listed twice: {ns}.{row.Groups["type"].Value}");
                Assert.Matches("^(keep|rename|hide)", row.Groups["decision"].Value);
                Assert.False(string.IsNullOrWhiteSpace(row.Groups["reason"].Value), line);
            }
        }

        Assert.True(declared.Count > 100, $"only {declared.Count} public types found");
        Assert.Equal(declared, reviewed);
    }

    [GeneratedRegex(@"^ConflictModel(\.[A-Za-z0-9_]+)+(<[A-Za-z0-9_, ]+>)?$")]
    private static partial Regex TypeLine();

    [GeneratedRegex(@"^### `(?<ns>ConflictModel[A-Za-z0-9_.]*)`")]
    private static partial Regex NamespaceHeading();

    [GeneratedRegex(@"^\| `(?<type>[A-Za-z0-9_]+(<[A-Za-z0-9_, ]+>)?)` \| [^|]* \| (?<decision>[^|]+) \| (?<reason>.+) \|$")]
    private static partial Regex TypeRow();
}
