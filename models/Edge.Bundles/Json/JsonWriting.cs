using System.Text.Json;

namespace Edge.Bundles.Json;

/// <summary>Small helpers so that every section writes numbers, lists and maps the same way.</summary>
internal static class JsonWriting
{
    public static void WriteNumbers(this Utf8JsonWriter writer, string name, IEnumerable<double> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteNumberValue(value);
        }
        writer.WriteEndArray();
    }

    public static void WriteInts(this Utf8JsonWriter writer, string name, IEnumerable<int> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteNumberValue(value);
        }
        writer.WriteEndArray();
    }

    public static void WriteNullableNumber(this Utf8JsonWriter writer, string name, double? value)
    {
        if (value is { } v)
        {
            writer.WriteNumber(name, v);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    /// <summary>Writes a map with its keys in ordinal order, so the same manifest always gives the same bytes.</summary>
    public static void WriteMap<T>(this Utf8JsonWriter writer, string name, IReadOnlyDictionary<string, T> map, Action<Utf8JsonWriter, T> writeValue)
    {
        writer.WriteStartObject(name);
        foreach (var key in map.Keys.Order(StringComparer.Ordinal))
        {
            writer.WritePropertyName(key);
            writeValue(writer, map[key]);
        }
        writer.WriteEndObject();
    }
}
