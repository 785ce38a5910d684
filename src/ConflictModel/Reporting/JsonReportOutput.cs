using System;
using System.Buffers;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ConflictModel.Diagnostics;

namespace ConflictModel.Reporting;

/// <summary>
/// How the JSON-shaped reports (the JSON report and SARIF) are put on a stream or a text writer: indented, line feeds,
/// relaxed escaping, one line feed after the value. Shared so that the two formats cannot drift apart.
/// </summary>
internal static class JsonReportOutput
{
    private static readonly JsonWriterOptions WriterOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, NewLine = "\n" };

    /// <summary>Writes a JSON value to a stream, then a line feed.</summary>
    public static void Write(Stream stream, Action<Utf8JsonWriter> write)
    {
        using (var writer = new Utf8JsonWriter(stream, WriterOptions))
        {
            write(writer);
        }

        stream.Write("\n"u8);
    }

    /// <summary>Writes a JSON value to a text writer, then a line feed.</summary>
    public static void Write(TextWriter text, Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            write(writer);
        }

        text.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
        text.Write('\n');
    }
}
