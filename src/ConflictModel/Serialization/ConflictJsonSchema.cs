using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Collections.Immutable;
using System.Text.Json.Schema;
using System.Text.Json.Serialization.Metadata;
using ConflictModel.Model;
using NodaTime;
using ConflictModel.Diagnostics;

namespace ConflictModel.Serialization;

/// <summary>
/// The JSON Schema (draft 2020-12) of the wire format, generated from the same source-generated contract the
/// serializer uses, so the two cannot drift apart. System.Text.Json's schema exporter describes the objects; the
/// value types it cannot see into (ids, EDTF dates, instants, country codes) are described here by hand.
/// The root describes the JSON document form; <c>#/$defs/jsonLine</c> describes one line of the JSON Lines form.
/// </summary>
public static class ConflictJsonSchema
{
    /// <summary>The schema's <c>$id</c>.</summary>
    public const string SchemaId = "https://github.com/conflictmodel/conflictmodel/blob/main/schemas/conflictmodel.schema.json";

    /// <summary>
    /// A pattern for EDTF level 0 and 1 dates and intervals as this library accepts them. It checks the shape;
    /// calendar facts a pattern cannot express (day 30 of February, an interval that ends before it starts) are
    /// left to the reader.
    /// </summary>
    public const string EdtfPattern =
        @"^(?:(?:-?[0-9]{4}|[0-9]{3}X|[0-9]{2}XX)|-?[0-9]{4}-(?:0[1-9]|1[0-2]|2[1-4]|XX)|-?[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01]|XX)|-?[0-9]{4}-XX-XX)[?~%]?$";

    /// <summary>Generates the schema.</summary>
    /// <returns>The schema as indented JSON text, ending with a line feed.</returns>
    public static string Generate()
    {
        JsonObject root = Export(typeof(Dataset));
        var defs = new JsonObject();
        JsonArray lineKinds = [];
        foreach ((Type type, string discriminator) in RecordTypes)
        {
            JsonObject schema = Export(type);
            var properties = (JsonObject)schema["properties"]!;
            var typeProperty = new JsonObject { ["const"] = discriminator };
            var reordered = new JsonObject { ["type"] = typeProperty };
            foreach (var property in properties.ToArray())
            {
                properties.Remove(property.Key);
                reordered[property.Key] = property.Value;
            }

            schema["properties"] = reordered;
            var required = schema["required"] as JsonArray ?? [];
            required.Insert(0, (JsonNode)"type");
            schema["required"] = required;
            defs[discriminator + "Line"] = schema;
            lineKinds.Add((JsonNode)new JsonObject { ["$ref"] = $"#/$defs/{discriminator}Line" });
        }

        defs["jsonLine"] = new JsonObject
        {
            ["description"] = "One line of the JSON Lines form: the dataset header first, then one record a line.",
            ["oneOf"] = lineKinds,
        };

        var ordered = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = SchemaId,
            ["title"] = "ConflictModel dataset",
            ["description"] = "A ConflictModel dataset as one JSON document (format version " + Dataset.CurrentFormatVersion + "). See #/$defs/jsonLine for the JSON Lines form.",
        };
        foreach (var property in root.ToArray())
        {
            root.Remove(property.Key);
            ordered[property.Key] = property.Value;
        }

        ordered["$defs"] = defs;
        RemoveDefaults(ordered);
        return ordered.ToJsonString(new JsonSerializerOptions { WriteIndented = true, IndentSize = 2, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }

    // ISO 8601 durations with at least one unit, no fractions and no sign; "P" alone and "PT" alone are not durations.
    private const string DurationPattern = @"^P(?=[0-9]|T[0-9])(?:[0-9]+Y)?(?:[0-9]+M)?(?:[0-9]+W)?(?:[0-9]+D)?(?:T(?=[0-9])(?:[0-9]+H)?(?:[0-9]+M)?(?:[0-9]+S)?)?$";

    private static readonly HashSet<Type> IdTypes =
    [
        typeof(ActorId), typeof(EventId), typeof(ClaimId), typeof(AttributionId), typeof(CeasefireId),
        typeof(MediationId), typeof(AgreementId), typeof(CasualtyEstimateId), typeof(SourceId),
    ];

    private static readonly (Type Type, string Discriminator)[] RecordTypes =
    [
        (typeof(Dataset), ConflictJsonSerializer.HeaderType),
        .. RecordWireNames.All.Select(entry => (entry.Type, entry.Name)),
    ];

    // The exporter writes a constructor parameter's default value as the member's "default", and a default
    // ImmutableArray cannot be serialized. The schema's own contract therefore leaves those members out while
    // exporting, and Describe puts their schemas back in wire order.
    private static readonly Dictionary<Type, List<(int Index, string Name, Type PropertyType)>> Detached = [];

    private static readonly JsonSerializerOptions SchemaOptions = CreateSchemaOptions();

    private static readonly JsonSchemaExporterOptions ExporterOptions = new()
    {
        TreatNullObliviousAsNonNullable = true,
        TransformSchemaNode = Describe,
    };

    private static JsonSerializerOptions CreateSchemaOptions()
    {
        var options = new JsonSerializerOptions(ConflictJsonSerializer.Options)
        {
            TypeInfoResolver = ConflictJsonContext.Default.WithAddedModifier(WireContract.Shape).WithAddedModifier(DetachArrayDefaults),
        };
        options.MakeReadOnly();
        return options;
    }

    private static void DetachArrayDefaults(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        var detached = new List<(int, string, Type)>();
        for (int i = 0; i < info.Properties.Count; i++)
        {
            JsonPropertyInfo property = info.Properties[i];
            if (property.PropertyType.IsGenericType && property.PropertyType.GetGenericTypeDefinition() == typeof(ImmutableArray<>))
            {
                detached.Add((i, property.Name, property.PropertyType));
            }
        }

        for (int i = detached.Count - 1; i >= 0; i--)
        {
            info.Properties.RemoveAt(detached[i].Item1);
        }

        lock (Detached)
        {
            Detached[info.Type] = detached;
        }
    }

    private static JsonObject Export(Type type) => (JsonObject)SchemaOptions.GetJsonSchemaAsNode(type, ExporterOptions);

    private static JsonNode Describe(JsonSchemaExporterContext context, JsonNode schema)
    {
        if (CustomSchema(context.TypeInfo.Type) is { } custom)
        {
            return custom;
        }

        if (context.TypeInfo.Kind == JsonTypeInfoKind.Object && schema is JsonObject objectSchema)
        {
            Reattach(context.TypeInfo.Type, objectSchema);

            // The exporter does not call back for members whose converter is our own (or nullable or arrays of
            // them): describe those from the contract, and drop the "default" noise of optional members.
            if (objectSchema["properties"] is JsonObject properties)
            {
                foreach (JsonPropertyInfo property in context.TypeInfo.Properties)
                {
                    if (CustomSchema(property.PropertyType) is { } member)
                    {
                        properties[property.Name] = member;
                    }
                }

                foreach (KeyValuePair<string, JsonNode?> member in properties)
                {
                    (member.Value as JsonObject)?.Remove("default");
                }

                AddRanges(context.TypeInfo.Type, properties);
            }
        }

        return schema;
    }

    private static JsonObject? CustomSchema(Type type)
    {
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ImmutableArray<>))
        {
            Type element = type.GetGenericArguments()[0];
            return CustomSchema(element) is { } items ? new JsonObject { ["type"] = "array", ["items"] = items } : null;
        }

        Type? underlying = Nullable.GetUnderlyingType(type);
        if ((underlying ?? type).IsEnum)
        {
            return EnumSchema(underlying ?? type, nullable: underlying is not null);
        }

        JsonObject? schema = ValueSchema(underlying ?? type);
        if (schema is not null && underlying is not null)
        {
            schema["type"] = new JsonArray((JsonNode)"string", (JsonNode)"null");
        }

        return schema;
    }

    /// <summary>
    /// An enumeration's wire names, as System.Text.Json's exporter wrote them for its own enum converter (with null last
    /// for a nullable member), less <c>Unspecified</c>, which has no wire name.
    /// </summary>
    private static JsonObject EnumSchema(Type type, bool nullable)
    {
        var names = new JsonArray();
        foreach (string name in Enum.GetNames(type))
        {
            if (name != "Unspecified")
            {
                names.Add((JsonNode)JsonNamingPolicy.CamelCase.ConvertName(name));
            }
        }

        if (nullable)
        {
            names.Add((JsonNode?)null);
        }

        return new JsonObject { ["enum"] = names };
    }

    private static JsonObject? ValueSchema(Type type)
    {
        if (IdTypes.Contains(type))
        {
            return String($"{type.Name}: the id of a record.", minLength: 1, maxLength: RecordIds.MaxLength, pattern: @"^\S(?:[^\p{Cc}]*\S)?$");
        }

        if (type == typeof(EdtfDate))
        {
            return new JsonObject
            {
                ["type"] = "string",
                ["description"] = "An EDTF (ISO 8601-2) level 0/1 date or interval: 2025-10-11, 2025-04, 2025-10~, 2025-21 (spring), 201X, 2025-05/2025-08, ../2025-10-11, 2025-10/.",
                ["maxLength"] = 64,
                ["anyOf"] = new JsonArray
                {
                    (JsonNode)new JsonObject { ["pattern"] = EdtfPattern },
                    (JsonNode)new JsonObject { ["pattern"] = IntervalPattern() },
                },
            };
        }

        if (type == typeof(YearlessDate))
        {
            return String("A date whose year the report leaves unsaid, with the year written as ISO 8601-2 X digits: XXXX-04, XXXX-10-11, XXXX-04~.", pattern: @"^XXXX-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12][0-9]|3[01]))?[?~%]?$");
        }

        if (type == typeof(Period))
        {
            return String("An ISO 8601 duration in whole years, months, weeks and days, negated by a leading minus: P7D, P0D, -P3M.", pattern: ReportedPeriod.Pattern);
        }

        if (type == typeof(Instant))
        {
            return String("An ISO 8601 UTC timestamp such as 2025-10-12T08:30:00Z.", pattern: @"^-?[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]{1,9})?Z$");
        }

        if (type == typeof(CountryCode))
        {
            return String("An ISO 3166-1 alpha-3 country code such as PAK.", pattern: "^[A-Z]{3}$");
        }

        if (type == typeof(Period))
        {
            return String("An ISO 8601 duration: P7D (seven days), PT72H (72 hours), P1M; positive, in whole seconds or larger units.", maxLength: 64, pattern: DurationPattern);
        }

        if (type == typeof(Uri))
        {
            return String("An absolute URI.", format: "uri");
        }

        return null;
    }

    /// <summary>The numeric ranges the model's guards enforce, which the exporter cannot see.</summary>
    private static void AddRanges(Type type, JsonObject properties)
    {
        if (type == typeof(CasualtyFigure))
        {
            foreach (string name in (string[])["best", "low", "high"])
            {
                if (properties[name] is JsonObject count)
                {
                    count["minimum"] = 0;
                }
            }
        }
        else if (type == typeof(GeoPoint))
        {
            if (properties["latitude"] is JsonObject latitude)
            {
                latitude["minimum"] = -90;
                latitude["maximum"] = 90;
            }

            if (properties["longitude"] is JsonObject longitude)
            {
                longitude["minimum"] = -180;
                longitude["maximum"] = 180;
            }
        }
    }

    /// <summary>Optional members are omitted when absent; "default": null on each says nothing more.</summary>
    private static void RemoveDefaults(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                obj.Remove("default");
                foreach (KeyValuePair<string, JsonNode?> member in obj)
                {
                    RemoveDefaults(member.Value);
                }

                break;
            case JsonArray array:
                foreach (JsonNode? item in array)
                {
                    RemoveDefaults(item);
                }

                break;
        }
    }

    private static void Reattach(Type type, JsonObject schema)
    {
        List<(int Index, string Name, Type PropertyType)>? detached;
        lock (Detached)
        {
            Detached.TryGetValue(type, out detached);
        }

        if (detached is null || detached.Count == 0 || schema["properties"] is not JsonObject properties)
        {
            return;
        }

        var members = properties.ToList();
        properties.Clear();
        foreach ((int index, string name, Type propertyType) in detached)
        {
            members.Insert(Math.Min(index, members.Count), new(name, Export(propertyType)));
        }

        foreach (KeyValuePair<string, JsonNode?> member in members)
        {
            properties[member.Key] = member.Value;
        }
    }

    private static string IntervalPattern()
    {
        string end = EdtfPattern[1..^1];
        return $"^(?:{end}|\\.\\.)?/(?:{end}|\\.\\.)?$";
    }

    private static JsonObject String(string description, int? minLength = null, int? maxLength = null, string? pattern = null, string? format = null)
    {
        var schema = new JsonObject { ["type"] = "string", ["description"] = description };
        if (minLength is { } min)
        {
            schema["minLength"] = min;
        }

        if (maxLength is { } max)
        {
            schema["maxLength"] = max;
        }

        if (pattern is not null)
        {
            schema["pattern"] = pattern;
        }

        if (format is not null)
        {
            schema["format"] = format;
        }

        return schema;
    }
}
