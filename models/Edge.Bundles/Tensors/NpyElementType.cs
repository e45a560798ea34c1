namespace Edge.Bundles.Tensors;

/// <summary>The element types an .npy file can hold here (all little-endian), with their numpy <c>descr</c>.</summary>
public enum NpyElementType
{
    /// <summary><c>&lt;f4</c></summary>
    Float32,

    /// <summary><c>&lt;f8</c></summary>
    Float64,

    /// <summary><c>&lt;i4</c></summary>
    Int32,

    /// <summary><c>&lt;i8</c> (ONNX indices).</summary>
    Int64,

    /// <summary><c>|u1</c></summary>
    UInt8,
}
