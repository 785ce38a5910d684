using System;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;
using ConflictModel.Model;
using NodaTime;
using NodaTime.Text;
using ConflictModel.Diagnostics;

namespace ConflictModel.Serialization;

/// <summary>Reading single values: each reports what is wrong and returns false; JSON null is absent where allowed.</summary>
internal sealed partial class DatasetParser
{
    private bool TryReadText(ref Utf8JsonReader reader, bool allowNull, out string? value)
    {
        value = null;
        if (reader.TokenType == JsonTokenType.Null && allowNull)
        {
            return true;
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            return WrongType(ref reader, "a string");
        }

        if (!CheckString(ref reader))
        {
            return false;
        }

        string text = ReadString(ref reader);
        if (string.IsNullOrWhiteSpace(text))
        {
            ReportAtToken(ref reader, ReaderDiagnostics.BlankText);
            return false;
        }

        value = text;
        return true;
    }

    /// <summary>The longest text, in UTF-8 bytes, looked up in the pool of repeated text; longer text is mostly unique (titles, descriptions).</summary>
    private const int PooledTextBytes = 64;

    /// <summary>Gets the string token the reader is on (checked by <see cref="CheckString"/>), pooled when short.</summary>
    private string ReadString(ref Utf8JsonReader reader)
    {
        ReadOnlySpan<byte> raw = reader.ValueSpan;
        if (reader.ValueIsEscaped || raw.Length > PooledTextBytes)
        {
            return reader.GetString()!;
        }

        Span<char> chars = stackalloc char[PooledTextBytes];
        int count = Encoding.UTF8.GetChars(raw, chars);
        return _texts.Get(chars[..count]);
    }

    private bool TryReadTextElement(ref Utf8JsonReader reader, out string value)
    {
        bool ok = TryReadText(ref reader, allowNull: false, out string? text);
        value = text!;
        return ok;
    }

    private bool TryReadId<TId>(ref Utf8JsonReader reader, bool allowNull, out TId? id)
        where TId : struct, IRecordId<TId>
    {
        id = null;
        if (reader.TokenType == JsonTokenType.Null && allowNull)
        {
            return true;
        }

        if (!TryReadIdElement(ref reader, out TId value))
        {
            return false;
        }

        id = value;
        return true;
    }

    private bool TryReadIdElement<TId>(ref Utf8JsonReader reader, out TId id)
        where TId : struct, IRecordId<TId>
    {
        id = default;
        if (reader.TokenType != JsonTokenType.String)
        {
            return WrongType(ref reader, $"a {EnumNames<RecordKind>.NameOf(TId.Kind)} id (a string)");
        }

        if (!TryReadIdText(ref reader, out string? text))
        {
            return false;
        }

        id = TId.Create(text);
        return true;
    }

    /// <summary>
    /// Reads an id's text, checked against the id rules. Ids repeat (every reference names one), so their text is
    /// looked up in a pool by the decoded characters first and allocated only the first time it is seen.
    /// </summary>
    private bool TryReadIdText(ref Utf8JsonReader reader, [NotNullWhen(true)] out string? text)
    {
        text = null;
        if (!CheckString(ref reader))
        {
            return false;
        }

        ReadOnlySpan<byte> raw = reader.ValueSpan;
        if (!reader.ValueIsEscaped && raw.Length <= RecordIds.MaxLength * 3)
        {
            Span<char> chars = stackalloc char[raw.Length];
            int count = Encoding.UTF8.GetChars(raw, chars);
            ReadOnlySpan<char> value = chars[..count];
            if (_ids.TryGet(value, out string? known))
            {
                text = known!;
                return true;
            }

            if (RecordIds.Describe(value) is { } problem)
            {
                ReportAtToken(ref reader, ReaderDiagnostics.InvalidId, Clip(value.ToString()), problem);
                return false;
            }

            text = value.ToString();
            _ids.Add(text);
            return true;
        }

        string decoded = reader.GetString()!;
        if (RecordIds.Describe(decoded) is { } issue)
        {
            ReportAtToken(ref reader, ReaderDiagnostics.InvalidId, Clip(decoded), issue);
            return false;
        }

        text = decoded;
        return true;
    }

    private bool TryReadEnum<TEnum>(ref Utf8JsonReader reader, bool allowNull, out TEnum? value)
        where TEnum : struct, Enum
    {
        value = null;
        if (reader.TokenType == JsonTokenType.Null && allowNull)
        {
            return true;
        }

        if (!TryReadEnumElement(ref reader, out TEnum result))
        {
            return false;
        }

        value = result;
        return true;
    }

    private bool TryReadEnumElement<TEnum>(ref Utf8JsonReader reader, out TEnum value)
        where TEnum : struct, Enum
    {
        value = default;
        if (reader.TokenType != JsonTokenType.String)
        {
            return WrongType(ref reader, $"a {EnumNames<TEnum>.DisplayName} (a string)");
        }

        byte[][] names = EnumNames<TEnum>.Utf8;
        if (!reader.ValueIsEscaped)
        {
            ReadOnlySpan<byte> raw = reader.ValueSpan;
            for (int i = 0; i < names.Length; i++)
            {
                if (raw.SequenceEqual(names[i]))
                {
                    value = EnumNames<TEnum>.Values[i];
                    return true;
                }
            }
        }

        if (!CheckString(ref reader))
        {
            return false;
        }

        string text = reader.GetString()!;
        int exact = Array.IndexOf(EnumNames<TEnum>.Names, text);
        if (exact >= 0)
        {
            value = EnumNames<TEnum>.Values[exact];
            return true;
        }

        // The serializer's converter also accepts other cases and surrounding spaces: accept them, but say so.
        string trimmed = text.Trim();
        for (int i = 0; i < names.Length; i++)
        {
            if (string.Equals(trimmed, EnumNames<TEnum>.Names[i], StringComparison.OrdinalIgnoreCase))
            {
                value = EnumNames<TEnum>.Values[i];
                ReportAtToken(ref reader, ReaderDiagnostics.NonCanonicalValue, Clip(text), EnumNames<TEnum>.Names[i]);
                return true;
            }
        }

        if (text.Contains(',', StringComparison.Ordinal) && TryCombine(text, out value))
        {
            ReportAtToken(ref reader, ReaderDiagnostics.NonCanonicalValue, Clip(text), EnumNames<TEnum>.NameOf(value));
            return true;
        }

        ReportAtToken(ref reader, ReaderDiagnostics.UnknownEnumValue, Clip(text), EnumNames<TEnum>.DisplayName, EnumNames<TEnum>.Expected);
        return false;
    }

    /// <summary>
    /// Reads a comma-separated list of names as System.Text.Json's enum converter does (it combines them as flags),
    /// accepting the result only when it is a named value, as the model requires.
    /// </summary>
    private static bool TryCombine<TEnum>(string text, out TEnum value)
        where TEnum : struct, Enum
    {
        value = default;
        int combined = 0;
        bool any = false;
        foreach (string part in text.Split(','))
        {
            string name = part.Trim();
            if (name.Length == 0)
            {
                continue;
            }

            int index = Array.FindIndex(EnumNames<TEnum>.Names, n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                return false;
            }

            combined |= Convert.ToInt32(EnumNames<TEnum>.Values[index], System.Globalization.CultureInfo.InvariantCulture);
            any = true;
        }

        int found = Array.FindIndex(EnumNames<TEnum>.Values, v => Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture) == combined);
        if (!any || found < 0)
        {
            return false;
        }

        value = EnumNames<TEnum>.Values[found];
        return true;
    }

    private bool TryReadDate(ref Utf8JsonReader reader, out EdtfDate? value)
    {
        value = null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            return WrongType(ref reader, "an EDTF date (a string such as \"2025-10\")");
        }

        EdtfDate date;
        string? error;
        bool parsed;
        if (reader.ValueIsEscaped)
        {
            if (!CheckString(ref reader))
            {
                return false;
            }

            parsed = EdtfDate.TryParse(reader.GetString().AsSpan(), out date, out error);
        }
        else
        {
            parsed = EdtfDate.TryParseUtf8(reader.ValueSpan, out date, out error);
        }

        if (!parsed)
        {
            string text = CheckString(ref reader) ? reader.GetString()! : "…";
            ReportAtToken(ref reader, ReaderDiagnostics.InvalidDate, Clip(text), error);
            return false;
        }

        value = date;
        return true;
    }

    private bool TryReadCountry(ref Utf8JsonReader reader, out CountryCode? value)
    {
        value = null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            return WrongType(ref reader, "a country code (a string such as \"PAK\")");
        }

        if (!CheckString(ref reader))
        {
            return false;
        }

        string text = ReadString(ref reader);
        if (!CountryCode.IsWellFormed(text))
        {
            ReportAtToken(ref reader, ReaderDiagnostics.InvalidValue, Clip(text), "an ISO 3166-1 alpha-3 country code (three upper-case letters such as PAK)");
            return false;
        }

        value = new CountryCode(text);
        return true;
    }

    /// <summary>Reads a count of people: a whole number from 0 up; negative counts are CM2003.</summary>
    private bool TryReadCount(ref Utf8JsonReader reader, out long? value)
    {
        value = null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (reader.TokenType != JsonTokenType.Number)
        {
            return WrongType(ref reader, "a whole number");
        }

        string member = _path[^1].Name ?? "count";
        if (reader.TryGetInt64(out long number))
        {
            if (number < 0)
            {
                ReportAtToken(ref reader, ReaderDiagnostics.NegativeCount, member, number);
                return false;
            }

            value = number;
            return true;
        }

        string text = Encoding.UTF8.GetString(reader.ValueSpan);
        ReportAtToken(ref reader, ReaderDiagnostics.InvalidNumber, Clip(text), "a whole number from 0 to 9223372036854775807 (written without a fraction or exponent)");
        return false;
    }

    private bool TryReadBool(ref Utf8JsonReader reader, bool allowNull, out bool? value)
    {
        value = null;
        switch (reader.TokenType)
        {
            case JsonTokenType.True:
                value = true;
                return true;
            case JsonTokenType.False:
                value = false;
                return true;
            case JsonTokenType.Null when allowNull:
                return true;
            default:
                return WrongType(ref reader, "true or false");
        }
    }

    private bool TryReadCoordinate(ref Utf8JsonReader reader, double limit, out double value)
    {
        value = 0;
        if (reader.TokenType != JsonTokenType.Number)
        {
            return WrongType(ref reader, "a number of degrees");
        }

        if (!reader.TryGetDouble(out value) || !double.IsFinite(value) || value < -limit || value > limit)
        {
            string text = Encoding.UTF8.GetString(reader.ValueSpan);
            ReportAtToken(ref reader, ReaderDiagnostics.InvalidNumber, $"{_path[^1].Name} {Clip(text)}", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"a number of degrees from {-limit} to {limit}"));
            return false;
        }

        return true;
    }

    private bool TryReadInstant(ref Utf8JsonReader reader, out Instant? value)
    {
        value = null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            return WrongType(ref reader, "a timestamp (a string such as \"2025-10-12T08:30:00Z\")");
        }

        if (!CheckString(ref reader))
        {
            return false;
        }

        if (!reader.ValueIsEscaped && ConflictModel.Serialization.InstantConverter.TryParseUtcSeconds(reader.ValueSpan, out Instant instant))
        {
            value = instant;
            return true;
        }

        string text = reader.GetString()!;
        ParseResult<Instant> result = InstantPattern.ExtendedIso.Parse(text);
        if (!result.Success)
        {
            ReportAtToken(ref reader, ReaderDiagnostics.InvalidValue, Clip(text), "an ISO 8601 UTC timestamp such as 2025-10-12T08:30:00Z");
            return false;
        }

        value = result.Value;
        return true;
    }

    private bool TryReadUrl(ref Utf8JsonReader reader, out Uri? value)
    {
        value = null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            return WrongType(ref reader, "a URL (a string)");
        }

        if (!CheckString(ref reader))
        {
            return false;
        }

        // As System.Text.Json's own Uri converter reads it, so that both readers give equal models.
        string text = reader.GetString()!;
        if (!Uri.TryCreate(text, UriKind.RelativeOrAbsolute, out Uri? uri) || !uri.IsAbsoluteUri)
        {
            ReportAtToken(ref reader, ReaderDiagnostics.InvalidValue, Clip(text), "an absolute URL such as https://example.org/article");
            return false;
        }

        value = uri;
        return true;
    }

    private bool TryReadLanguage(ref Utf8JsonReader reader, out string? value)
    {
        if (!TryReadText(ref reader, allowNull: true, out value))
        {
            return false;
        }

        if (value is not null && !Source.IsWellFormedLanguageTag(value))
        {
            ReportAtToken(ref reader, ReaderDiagnostics.InvalidValue, Clip(value), "a BCP 47 language tag such as en or ps-AF");
            value = null;
            return false;
        }

        return true;
    }
}
