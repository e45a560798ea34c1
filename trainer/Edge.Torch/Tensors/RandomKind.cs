namespace Edge.Torch;

/// <summary>Distribution codes of the shim's random fills (trainer/native/shim.h, RandomKind).</summary>
internal enum RandomKind
{
    Uniform = 0,
    Normal = 1,
    Integer = 2,
    Bernoulli = 3,
}
