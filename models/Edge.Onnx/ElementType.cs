using Onnx;

namespace Edge.Onnx;

/// <summary>Tensor element types the project writes and reads; values are ONNX's <c>TensorProto.DataType</c> numbers.</summary>
public enum ElementType
{
    Undefined = TensorProto.Types.DataType.Undefined,
    Float = TensorProto.Types.DataType.Float,
    UInt8 = TensorProto.Types.DataType.Uint8,
    Int8 = TensorProto.Types.DataType.Int8,
    Int32 = TensorProto.Types.DataType.Int32,
    Int64 = TensorProto.Types.DataType.Int64,
    Bool = TensorProto.Types.DataType.Bool,
    Float16 = TensorProto.Types.DataType.Float16,
    Double = TensorProto.Types.DataType.Double,
}
