using Google.Protobuf;
using Onnx;

namespace Edge.Onnx.Building;

/// <summary>Turns a CLR value into an ONNX attribute, choosing the attribute type from the value's type.</summary>
internal static class AttributeConverter
{
    public static AttributeProto ToAttribute(string name, object value)
    {
        var attribute = new AttributeProto { Name = name };
        switch (value)
        {
            case int i:
                attribute.Type = AttributeProto.Types.AttributeType.Int;
                attribute.I = i;
                break;
            case long l:
                attribute.Type = AttributeProto.Types.AttributeType.Int;
                attribute.I = l;
                break;
            case bool b:
                attribute.Type = AttributeProto.Types.AttributeType.Int;
                attribute.I = b ? 1 : 0;
                break;
            case float f:
                attribute.Type = AttributeProto.Types.AttributeType.Float;
                attribute.F = f;
                break;
            case double d:
                attribute.Type = AttributeProto.Types.AttributeType.Float;
                attribute.F = (float)d;
                break;
            case string s:
                attribute.Type = AttributeProto.Types.AttributeType.String;
                attribute.S = ByteString.CopyFromUtf8(s);
                break;
            case int[] ints:
                attribute.Type = AttributeProto.Types.AttributeType.Ints;
                attribute.Ints.AddRange(ints.Select(v => (long)v));
                break;
            case long[] longs:
                attribute.Type = AttributeProto.Types.AttributeType.Ints;
                attribute.Ints.AddRange(longs);
                break;
            case float[] floats:
                attribute.Type = AttributeProto.Types.AttributeType.Floats;
                attribute.Floats.AddRange(floats);
                break;
            case string[] strings:
                attribute.Type = AttributeProto.Types.AttributeType.Strings;
                attribute.Strings.AddRange(strings.Select(ByteString.CopyFromUtf8));
                break;
            case TensorProto tensor:
                attribute.Type = AttributeProto.Types.AttributeType.Tensor;
                attribute.T = tensor;
                break;
            default:
                throw new ArgumentException(
                    $"Attribute '{name}' has a value of type {value.GetType().Name}; use int, long, bool, float, string, int[], long[], float[], string[] or a TensorProto.",
                    nameof(value));
        }
        return attribute;
    }
}
