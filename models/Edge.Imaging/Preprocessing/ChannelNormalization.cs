namespace Edge.Imaging.Preprocessing;

/// <summary>
/// Per-channel normalization on the [0, 1] scale, as torchvision's Normalize after ToTensor:
/// value = (pixel / 255 - Mean[c]) / Std[c].
/// </summary>
public sealed class ChannelNormalization
{
    private readonly float[] mean;
    private readonly float[] std;

    public ChannelNormalization(IReadOnlyList<float> mean, IReadOnlyList<float> std)
    {
        ArgumentNullException.ThrowIfNull(mean);
        ArgumentNullException.ThrowIfNull(std);
        if (mean.Count is not (1 or 3) || std.Count != mean.Count)
        {
            throw new ArgumentException($"Mean and Std need one value per channel (1 or 3 each); got {mean.Count} and {std.Count}.");
        }
        for (var c = 0; c < std.Count; c++)
        {
            if (!float.IsFinite(mean[c]) || !float.IsFinite(std[c]) || std[c] <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(std), $"Channel {c}: Mean must be finite and Std finite and positive (got {mean[c]}, {std[c]}).");
            }
        }
        this.mean = [.. mean];
        this.std = [.. std];
    }

    /// <summary>The ImageNet statistics most pretrained backbones expect (RGB).</summary>
    public static ChannelNormalization ImageNet { get; } = new([0.485f, 0.456f, 0.406f], [0.229f, 0.224f, 0.225f]);

    public IReadOnlyList<float> Mean => mean;

    public IReadOnlyList<float> Std => std;

    public int Channels => mean.Length;

    /// <summary>Pixels scaled to [0, 1] and nothing else.</summary>
    public static ChannelNormalization UnitRange(int channels) => channels switch
    {
        1 => new([0f], [1f]),
        3 => new([0f, 0f, 0f], [1f, 1f, 1f]),
        _ => throw new ArgumentOutOfRangeException(nameof(channels), channels, "1 or 3 channels."),
    };

    /// <summary>The multiplier that takes a 0-255 value to the normalized one: 1 / (255 * Std).</summary>
    internal float Scale(int channel) => 1f / (255f * std[channel]);

    /// <summary>The offset added after <see cref="Scale"/>: -Mean / Std.</summary>
    internal float Bias(int channel) => -mean[channel] / std[channel];
}
