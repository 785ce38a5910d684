using System;
using System.Text.Json;

namespace ConflictModel.Benchmarks.Readers;

/// <summary>The baseline: System.Text.Json's Utf8JsonReader over every token of the bytes, materialising nothing.</summary>
public static class TokenScan
{
    /// <summary>Counts the tokens of JSON Lines (or any sequence of JSON values separated by white space).</summary>
    public static long Count(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { AllowMultipleValues = true, MaxDepth = 64 });
        long tokens = 0;
        while (reader.Read())
        {
            tokens++;
        }

        return tokens;
    }
}
