using System.Text.Json;
using Edge.Bundles.Json;

namespace Edge.Bundles.Manifest;

/// <summary>Settings of the reconstruction term S_recon (squared error between input and reconstruction).</summary>
public sealed record ReconstructionScoringSpec
{
    public ChannelReduction ChannelReduction { get; init; } = ChannelReduction.Mean;

    internal static ReconstructionScoringSpec Read(JsonObjectReader r) => new()
    {
        ChannelReduction = r.Enum("channelReduction", ManifestEnumNames.ChannelReductions),
    };

    internal void Write(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteString("channelReduction", ManifestEnumNames.Of(ManifestEnumNames.ChannelReductions, ChannelReduction));
        w.WriteEndObject();
    }
}
