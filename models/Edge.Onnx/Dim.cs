namespace Edge.Onnx;

/// <summary>One dimension of a tensor shape: a fixed size, a symbolic name (such as the batch "N"), or unknown.</summary>
public readonly record struct Dim
{
    private Dim(long? size, string? symbol)
    {
        Size = size;
        Symbol = symbol;
    }

    /// <summary>The fixed size, or null when the dimension is symbolic or unknown.</summary>
    public long? Size { get; }

    /// <summary>The symbolic name, or null when the dimension is fixed or unknown.</summary>
    public string? Symbol { get; }

    public static Dim Unknown => default;

    public static Dim Fixed(long size)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        return new Dim(size, null);
    }

    public static Dim Symbolic(string symbol)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        return new Dim(null, symbol);
    }

    public static implicit operator Dim(int size) => Fixed(size);

    public static implicit operator Dim(long size) => Fixed(size);

    public static implicit operator Dim(string symbol) => Symbolic(symbol);

    public override string ToString() => Size?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? Symbol ?? "?";
}
