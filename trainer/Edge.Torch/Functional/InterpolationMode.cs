namespace Edge.Torch;

/// <summary>Modes of <see cref="Functional.Interpolate(Tensor, ReadOnlySpan{long}, InterpolationMode, bool)"/>, as in torch.nn.functional.interpolate.</summary>
public enum InterpolationMode
{
    /// <summary>Nearest neighbour, any of 1 to 3 spatial dimensions.</summary>
    Nearest,

    /// <summary>Linear in one spatial dimension (3-D input).</summary>
    Linear,

    /// <summary>Linear in two spatial dimensions (4-D input).</summary>
    Bilinear,

    /// <summary>Cubic in two spatial dimensions (4-D input).</summary>
    Bicubic,

    /// <summary>Linear in three spatial dimensions (5-D input).</summary>
    Trilinear,
}
