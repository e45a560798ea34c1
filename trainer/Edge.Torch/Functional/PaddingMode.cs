namespace Edge.Torch;

/// <summary>Modes of <see cref="Functional.Pad"/>; the numbers are the shim's padding codes.</summary>
public enum PaddingMode
{
    Constant = 0,
    Reflect = 1,
    Replicate = 2,
    Circular = 3,
}
