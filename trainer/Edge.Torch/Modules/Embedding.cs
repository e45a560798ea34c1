namespace Edge.Torch.Modules;

/// <summary>A lookup table of <see cref="Count"/> vectors of <see cref="Dimension"/> values, initialised N(0, 1) (nn.Embedding).</summary>
public sealed class Embedding : Layer
{
    public Embedding(long count, long dimension, long? paddingIndex = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimension);
        Count = count;
        Dimension = dimension;
        PaddingIndex = paddingIndex;
        var weight = Tensor.Empty([count, dimension]).NormalInPlace(0, 1);
        if (paddingIndex is { } padding)
        {
            using var row = weight.Select(0, padding);
            row.ZeroInPlace();
        }
        Weight = RegisterParameter("weight", weight);
    }

    public long Count { get; }

    public long Dimension { get; }

    /// <summary>The row that stays zero and receives no gradient, if any.</summary>
    public long? PaddingIndex { get; }

    public Tensor Weight { get; }

    /// <summary>Looks up the rows for the int64 <paramref name="input"/> indices; output shape is input shape + (Dimension).</summary>
    public override Tensor Forward(Tensor input) => Functional.Embedding(input, Weight, PaddingIndex ?? -1);
}
