using ConflictModel.Model;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Validation.Rules;

/// <summary>How messages name record kinds and values: as the wire writes them.</summary>
internal static class Names
{
    public static string Of(RecordKind kind) => EnumNames<RecordKind>.NameOf(kind);

    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, System.Enum
        => EnumNames<TEnum>.NameOf(value);
}
