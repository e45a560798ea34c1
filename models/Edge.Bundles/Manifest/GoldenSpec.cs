using System.Text.Json;
using Edge.Bundles.Json;

namespace Edge.Bundles.Manifest;

/// <summary>
/// The canary check a device runs before it trusts a bundle: feed <see cref="Input"/> (an .npy tensor in the
/// encoder's input layout) through the graphs and compare each listed output with its expected tensor,
/// element by element, within <see cref="Tolerance"/> (absolute and relative, numpy's allclose with both set to it;
/// a nearest code may differ only at a near-tie, see BUNDLE.md). Every file named here is a bundle file listed,
/// hashed and verified like the graphs.
/// </summary>
public sealed record GoldenSpec
{
    /// <summary>File name of the input tensor.</summary>
    public required string Input { get; init; }

    /// <summary>Graph name (<c>encoder</c>, <c>codebook</c>, <c>decoder</c>, <c>budget_prior</c>) -> output name -> file name of the expected tensor.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Outputs { get; init; }

    /// <summary>t in the per-element rule |actual - expected| &lt;= t + t |expected|.</summary>
    public required double Tolerance { get; init; }

    /// <summary>Every file the golden check needs: the input, then each expected output.</summary>
    public IEnumerable<string> FileNames => Outputs.Values.SelectMany(o => o.Values).Prepend(Input);

    internal static GoldenSpec Read(JsonObjectReader r) => new()
    {
        Input = r.String("input"),
        Outputs = r.Map<IReadOnlyDictionary<string, string>>("outputs", (e, p) =>
            JsonObjectReader.ForObject(e, p, r.Problems) is null ? new Dictionary<string, string>() : ReadOutputs(e, p, r)),
        Tolerance = r.Number("tolerance", 0, 1),
    };

    private static Dictionary<string, string> ReadOutputs(JsonElement e, string path, JsonObjectReader r)
    {
        var outputs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in e.EnumerateObject())
        {
            var outputPath = JsonPaths.Key(path, property.Name);
            if (!outputs.TryAdd(property.Name, JsonObjectReader.ReadString(property.Value, outputPath, r.Problems)))
            {
                r.Problems.Add(outputPath, "appears more than once");
            }
        }
        return outputs;
    }

    internal void Write(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteString("input", Input);
        w.WriteMap("outputs", Outputs, (writer, outputs) =>
        {
            writer.WriteStartObject();
            foreach (var name in outputs.Keys.Order(StringComparer.Ordinal))
            {
                writer.WriteString(name, outputs[name]);
            }
            writer.WriteEndObject();
        });
        w.WriteNumber("tolerance", Tolerance);
        w.WriteEndObject();
    }
}
