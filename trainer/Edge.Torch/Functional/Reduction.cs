namespace Edge.Torch;

/// <summary>How a loss combines its per-element values; the numbers are libtorch's reduction codes.</summary>
public enum Reduction
{
    None = 0,
    Mean = 1,
    Sum = 2,
}
