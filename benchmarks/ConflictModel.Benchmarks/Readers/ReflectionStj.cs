using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ConflictModel.Model;
using ConflictModel.Serialization;
using ConflictModel.Diagnostics;

namespace ConflictModel.Benchmarks.Readers;

/// <summary>
/// System.Text.Json without the source-generated metadata: the library's options (naming, converters for ids,
/// EDTF dates, instants, countries and enums, the same strictness) over <see cref="DefaultJsonTypeInfoResolver"/>,
/// which finds the immutable records' constructors by reflection. Unknown members are dropped rather than kept as
/// <see cref="ExtensibleRecord.Extensions"/> (the library attaches them through an internal interface); the generated
/// data has none, so both read equal models, which the benchmarks check before they run.
/// </summary>
public static class ReflectionStj
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static List<ConflictRecord> ReadLines(byte[] data)
    {
        var records = new List<ConflictRecord>((data.Length / 200) + 16);
        int position = Lines.BodyStart(data);
        while (Lines.Next(data, ref position, out ReadOnlySpan<byte> line))
        {
            records.Add(ReadRecord(line));
        }

        return records;
    }

    public static ConflictRecord ReadRecord(ReadOnlySpan<byte> line)
        => (ConflictRecord)(JsonSerializer.Deserialize(line, Options.GetTypeInfo(Discriminator.Of(line))) ?? throw new JsonException("The line is null."));

    public static Dataset ReadDocument(ReadOnlySpan<byte> json)
        => JsonSerializer.Deserialize<Dataset>(json, Options) ?? throw new JsonException("The document is null.");

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(ConflictJsonSerializer.Options)
        {
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
            WriteIndented = false,
        };
        options.MakeReadOnly();
        return options;
    }
}
