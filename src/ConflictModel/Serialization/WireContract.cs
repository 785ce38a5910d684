using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Buffers;
using System.Text.Json;
using System.Runtime.CompilerServices;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using ConflictModel.Model;
using ConflictModel.Diagnostics;

namespace ConflictModel.Serialization;

/// <summary>
/// Adjusts the source-generated contract to the wire format: computed members are not written, empty arrays and
/// false flags are left out, unknown members are kept as <see cref="ExtensionData"/>, and in JSON Lines every record
/// starts with its <c>type</c>. Modifiers only: the model carries no serialization attributes.
/// </summary>
internal static class WireContract
{
    private const string ExtensionsName = "extensions";

    public static void Shape(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        for (int i = info.Properties.Count - 1; i >= 0; i--)
        {
            JsonPropertyInfo property = info.Properties[i];
            bool computed = property.Set is null && property.AssociatedParameter is null;
            if (computed)
            {
                info.Properties.RemoveAt(i);
                continue;
            }

            if (property.PropertyType.IsGenericType && property.PropertyType.GetGenericTypeDefinition() == typeof(ImmutableArray<>))
            {
                property.ShouldSerialize = static (_, value) => value is ICollection { Count: > 0 };
            }
            else if (info.Type == typeof(ClaimSubject) && property.Name == "targetKind")
            {
                // Implied by the kind except for a position about a record.
                property.ShouldSerialize = static (owner, value) => value is not null && ((ClaimSubject)owner).Kind == ClaimSubjectKind.Position;
            }
            else if (property.PropertyType == typeof(bool))
            {
                property.ShouldSerialize = static (_, value) => value is true;
            }
        }

        if (typeof(IExtensible).IsAssignableFrom(info.Type))
        {
            // System.Text.Json fills extension data by creating a dictionary, setting it, then getting it back to
            // add each unknown member. The dictionary waits in a side table until the object is complete, and
            // only then becomes the record's immutable ExtensionData.
            info.Properties.Add(JsonMetadataServices.CreatePropertyInfo(info.Options, new JsonPropertyInfoValues<Dictionary<string, JsonElement>?>
            {
                IsProperty = true,
                IsPublic = true,
                DeclaringType = info.Type,
                PropertyName = ExtensionsName,
                IsExtensionData = true,
                Getter = static owner => PendingMembers.Get(owner) ?? ToDictionary(((IExtensible)owner).Extensions),
                Setter = static (owner, value) => PendingMembers.Set(owner, value),
            }));
            Action<object>? previous = info.OnDeserialized;
            info.OnDeserialized = owner =>
            {
                if (PendingMembers.Take(owner) is { } members)
                {
                    ((IExtensible)owner).AttachExtensions(FromDictionary(members));
                }

                previous?.Invoke(owner);
            };
        }
    }

    /// <summary>The JSON Lines contract: every record and the header begin with their <c>type</c>.</summary>
    public static void AddTypeDiscriminator(JsonTypeInfo info)
    {
        string? type = Discriminator(info.Type);
        if (type is null)
        {
            return;
        }

        JsonPropertyInfo discriminator = JsonMetadataServices.CreatePropertyInfo(info.Options, new JsonPropertyInfoValues<string>
        {
            IsProperty = true,
            IsPublic = true,
            DeclaringType = info.Type,
            PropertyName = ConflictJsonSerializer.TypePropertyName,
            Getter = _ => type,
        });
        discriminator.Order = int.MinValue;
        info.Properties.Add(discriminator);
    }

    public static string? Discriminator(Type type) => RecordWireNames.NameOf(type);

    private static Dictionary<string, JsonElement>? ToDictionary(ExtensionData extensions)
    {
        if (extensions.IsEmpty)
        {
            return null;
        }

        var members = new Dictionary<string, JsonElement>(extensions.Count, StringComparer.Ordinal);
        foreach (KeyValuePair<string, string> member in extensions)
        {
            using JsonDocument document = JsonDocument.Parse(member.Value);
            members[member.Key] = document.RootElement.Clone();
        }

        return members;
    }

    private static ExtensionData FromDictionary(Dictionary<string, JsonElement>? members)
    {
        if (members is null || members.Count == 0)
        {
            return ExtensionData.Empty;
        }

        var list = new List<KeyValuePair<string, string>>(members.Count);
        var buffer = new ArrayBufferWriter<byte>();
        foreach (KeyValuePair<string, JsonElement> member in members)
        {
            buffer.ResetWrittenCount();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                member.Value.WriteTo(writer);
            }

            list.Add(new(member.Key, System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan)));
        }

        return ExtensionData.Create(list);
    }

    /// <summary>Extension members read for objects still being deserialized.</summary>
    private static class PendingMembers
    {
        private static readonly ConditionalWeakTable<object, Dictionary<string, JsonElement>> Table = new();
        private static int _count;

        public static Dictionary<string, JsonElement>? Get(object owner)
            => Volatile.Read(ref _count) > 0 && Table.TryGetValue(owner, out Dictionary<string, JsonElement>? members) ? members : null;

        public static void Set(object owner, Dictionary<string, JsonElement>? members)
        {
            if (members is null)
            {
                return;
            }

            Table.AddOrUpdate(owner, members);
            Interlocked.Increment(ref _count);
        }

        public static Dictionary<string, JsonElement>? Take(object owner)
        {
            if (Volatile.Read(ref _count) == 0 || !Table.TryGetValue(owner, out Dictionary<string, JsonElement>? members))
            {
                return null;
            }

            Table.Remove(owner);
            Interlocked.Decrement(ref _count);
            return members;
        }
    }
}
