namespace Edge.Torch;

/// <summary>Kinds of pooling; the numbers are the shim's codes.</summary>
public enum PoolKind
{
    Max = 0,
    Average = 1,
}
