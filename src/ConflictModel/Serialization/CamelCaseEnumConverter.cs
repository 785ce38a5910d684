using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using ConflictModel.Diagnostics;

namespace ConflictModel.Serialization;

/// <summary>
/// Writes enum members as their camelCase names (<c>nonStateArmedGroup</c>) and reads only those names: numbers
/// are rejected so that the wire never depends on member order. The names are part of the wire contract.
/// </summary>
/// <typeparam name="TEnum">The enum type.</typeparam>
internal sealed class CamelCaseEnumConverter<TEnum> : JsonStringEnumConverter<TEnum>
    where TEnum : struct, Enum
{
    public CamelCaseEnumConverter()
        : base(JsonNamingPolicy.CamelCase, allowIntegerValues: false)
    {
    }
}
