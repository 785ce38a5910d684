using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using ConflictModel.Model;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using Newtonsoft.Json.Serialization;
using NodaTime;
using NodaTime.Text;

namespace ConflictModel.Benchmarks.Readers;

/// <summary>
/// Newtonsoft.Json reading the same model with converters of its own (no System.Text.Json underneath): ids,
/// countries, EDTF dates and instants as strings, enums as camelCase names (numbers refused), and the immutable
/// records through their constructors (Json.NET's constructor binding and its ImmutableArray support). JSON Lines
/// are read as a Json.NET user reads them: line by line from a StreamReader, the <c>type</c> member found first,
/// then the line deserialized as that type. Unknown members are dropped (see <see cref="ReflectionStj"/>).
/// </summary>
public static class NewtonsoftReader
{
    private static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        ContractResolver = new DefaultContractResolver { NamingStrategy = new CamelCaseNamingStrategy() },

        // The wire's dates are EDTF strings: Json.NET must not turn "2014-01-15" into a DateTime on its own.
        DateParseHandling = DateParseHandling.None,
        MaxDepth = 64,
        Converters =
        [
            new RecordIdConverter<ActorId>(),
            new RecordIdConverter<EventId>(),
            new RecordIdConverter<ClaimId>(),
            new RecordIdConverter<AttributionId>(),
            new RecordIdConverter<CeasefireId>(),
            new RecordIdConverter<MediationId>(),
            new RecordIdConverter<AgreementId>(),
            new RecordIdConverter<CasualtyEstimateId>(),
            new RecordIdConverter<SourceId>(),
            new CountryCodeConverter(),
            new EdtfDateConverter(),
            new InstantConverter(),
            new StringEnumConverter(new CamelCaseNamingStrategy(), allowIntegerValues: false),
        ],
    });

    public static List<ConflictRecord> ReadLines(Stream utf8)
    {
        var records = new List<ConflictRecord>();
        using var text = new StreamReader(utf8, leaveOpen: true);
        bool header = true;
        while (text.ReadLine() is { } line)
        {
            if (header || line.Length == 0)
            {
                header = false;
                continue;
            }

            records.Add(ReadRecord(line));
        }

        return records;
    }

    public static ConflictRecord ReadRecord(string line)
    {
        Type type = Discriminator.Of(TypeOf(line));
        using var reader = new JsonTextReader(new StringReader(line)) { DateParseHandling = DateParseHandling.None };
        return (ConflictRecord)(Serializer.Deserialize(reader, type) ?? throw new JsonSerializationException("The line is null."));
    }

    public static Dataset ReadDocument(Stream utf8)
    {
        using var reader = new JsonTextReader(new StreamReader(utf8, leaveOpen: true)) { DateParseHandling = DateParseHandling.None };
        return Serializer.Deserialize<Dataset>(reader) ?? throw new JsonSerializationException("The document is null.");
    }

    private static string TypeOf(string line)
    {
        using var reader = new JsonTextReader(new StringReader(line));
        if (!reader.Read() || reader.TokenType != JsonToken.StartObject)
        {
            throw new JsonSerializationException("A JSON Lines line holds one object.");
        }

        while (reader.Read() && reader.TokenType == JsonToken.PropertyName)
        {
            if ((string?)reader.Value == "type")
            {
                return reader.ReadAsString() ?? throw new JsonSerializationException("The \"type\" member is null.");
            }

            reader.Skip();
        }

        throw new JsonSerializationException("The line has no \"type\" member.");
    }

    /// <summary>A converter for a value type and its nullable form, read from and written as a JSON string.</summary>
    private abstract class StringValueConverter<T> : JsonConverter
        where T : struct
    {
        public override bool CanConvert(Type objectType) => objectType == typeof(T) || objectType == typeof(T?);

        public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
        {
            if (reader.TokenType == JsonToken.Null && objectType == typeof(T?))
            {
                return null;
            }

            if (reader.TokenType != JsonToken.String)
            {
                throw new JsonSerializationException($"{typeof(T).Name} must be a JSON string, not {reader.TokenType}. Path '{reader.Path}'.");
            }

            return Parse((string)reader.Value!, reader.Path);
        }

        public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
            => writer.WriteValue(value is T typed ? Format(typed) : null);

        protected abstract T Parse(string text, string path);

        protected abstract string Format(T value);
    }

    private sealed class RecordIdConverter<TId> : StringValueConverter<TId>
        where TId : struct, IRecordId<TId>
    {
        protected override TId Parse(string text, string path)
            => RecordIds.IsValid(text) ? TId.Create(text) : throw new JsonSerializationException($"'{text}' is not a valid {TId.Kind} id. Path '{path}'.");

        protected override string Format(TId value) => value.Value;
    }

    private sealed class CountryCodeConverter : StringValueConverter<CountryCode>
    {
        protected override CountryCode Parse(string text, string path)
            => CountryCode.IsWellFormed(text) ? new CountryCode(text) : throw new JsonSerializationException($"'{text}' is not an ISO 3166-1 alpha-3 code. Path '{path}'.");

        protected override string Format(CountryCode value) => value.Value;
    }

    private sealed class EdtfDateConverter : StringValueConverter<EdtfDate>
    {
        protected override EdtfDate Parse(string text, string path)
            => EdtfDate.TryParse(text.AsSpan(), out EdtfDate date, out string? error) ? date : throw new JsonSerializationException($"'{text}' is not a valid EDTF date: {error}. Path '{path}'.");

        protected override string Format(EdtfDate value) => value.ToString();
    }

    private sealed class InstantConverter : StringValueConverter<Instant>
    {
        protected override Instant Parse(string text, string path)
            => InstantPattern.ExtendedIso.Parse(text) is { Success: true } result
                ? result.Value
                : throw new JsonSerializationException(string.Create(CultureInfo.InvariantCulture, $"'{text}' is not an ISO 8601 UTC timestamp. Path '{path}'."));

        protected override string Format(Instant value) => InstantPattern.ExtendedIso.Format(value);
    }
}
