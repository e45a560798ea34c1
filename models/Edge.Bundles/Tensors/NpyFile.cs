using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Edge.Bundles.Tensors;

/// <summary>
/// Reads and writes numpy's .npy format (numpy.lib.format): the magic <c>\x93NUMPY</c>, a version (1.0 written;
/// 1.0, 2.0 and 3.0 read), the little-endian length of a header that is a Python dict literal
/// <c>{'descr': '&lt;f4', 'fortran_order': False, 'shape': (1, 3, 8, 8), }</c> padded with spaces and a newline
/// so the data starts at a multiple of 64 bytes, then the raw C-order data. <c>numpy.load</c> reads what this writes.
/// </summary>
public static partial class NpyFile
{
    private static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];
    private const int MaxHeaderBytes = 1 << 16;

    public static void Write(string path, NpyArray array)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
        Write(stream, array);
    }

    public static void Write(Stream stream, NpyArray array)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(array);
        var shape = array.Shape.Count switch
        {
            0 => "()",
            1 => $"({array.Shape[0]},)",
            _ => "(" + string.Join(", ", array.Shape) + ")",
        };
        var dict = $"{{'descr': '{Descr(array.ElementType)}', 'fortran_order': False, 'shape': {shape}, }}";
        var unpadded = Magic.Length + 2 + 2 + dict.Length + 1;
        var header = dict + new string(' ', (64 - (unpadded % 64)) % 64) + "\n";
        Span<byte> prefix = stackalloc byte[10];
        Magic.CopyTo(prefix);
        prefix[6] = 1;
        prefix[7] = 0;
        BinaryPrimitives.WriteUInt16LittleEndian(prefix[8..], checked((ushort)header.Length));
        stream.Write(prefix);
        stream.Write(Encoding.ASCII.GetBytes(header));
        stream.Write(array.Bytes);
    }

    public static NpyArray Read(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        try
        {
            return Read(stream);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"'{path}': {e.Message}", e);
        }
    }

    /// <exception cref="InvalidDataException">Not an .npy file, or one with an unsupported type or order.</exception>
    public static NpyArray Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Span<byte> prefix = stackalloc byte[8];
        stream.ReadExactly(prefix);
        if (!prefix[..6].SequenceEqual(Magic))
        {
            throw new InvalidDataException("not an .npy file (the magic bytes are missing)");
        }
        var major = prefix[6];
        int headerLength;
        Span<byte> lengthBytes = stackalloc byte[4];
        switch (major)
        {
            case 1:
                stream.ReadExactly(lengthBytes[..2]);
                headerLength = BinaryPrimitives.ReadUInt16LittleEndian(lengthBytes);
                break;
            case 2 or 3:
                stream.ReadExactly(lengthBytes);
                var length = BinaryPrimitives.ReadUInt32LittleEndian(lengthBytes);
                headerLength = length <= MaxHeaderBytes ? (int)length : throw new InvalidDataException($"header of {length} bytes is too long");
                break;
            default:
                throw new InvalidDataException($"format version {major}.{prefix[7]} is not supported");
        }
        var headerBytes = new byte[headerLength];
        stream.ReadExactly(headerBytes);
        var header = (major == 3 ? Encoding.UTF8 : Encoding.Latin1).GetString(headerBytes);
        var (type, shape) = ParseHeader(header);
        long count = 1;
        foreach (var dim in shape)
        {
            count = checked(count * dim);
        }
        var bytes = checked(count * NpyArray.ElementSize(type));
        if (bytes > Array.MaxLength)
        {
            throw new InvalidDataException($"the tensor of {bytes} bytes is too large");
        }
        var data = new byte[bytes];
        try
        {
            stream.ReadExactly(data);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException($"the file ends before the {bytes} data bytes its header announces", e);
        }
        return new NpyArray(type, shape, data);
    }

    private static (NpyElementType Type, int[] Shape) ParseHeader(string header)
    {
        var descr = DescrPattern().Match(header);
        var fortran = FortranPattern().Match(header);
        var shape = ShapePattern().Match(header);
        if (!descr.Success || !fortran.Success || !shape.Success)
        {
            throw new InvalidDataException($"the header {header.Trim()} lacks 'descr', 'fortran_order' or 'shape'");
        }
        if (fortran.Groups[1].Value == "True")
        {
            throw new InvalidDataException("Fortran-order arrays are not supported; save with numpy's default C order");
        }
        var type = descr.Groups[1].Value switch
        {
            "<f4" => NpyElementType.Float32,
            "<f8" => NpyElementType.Float64,
            "<i4" => NpyElementType.Int32,
            "<i8" => NpyElementType.Int64,
            "|u1" => NpyElementType.UInt8,
            var other => throw new InvalidDataException($"element type '{other}' is not supported (<f4, <f8, <i4, <i8, |u1)"),
        };
        var dims = shape.Groups[1].Value
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => int.TryParse(d, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : throw new InvalidDataException($"shape entry '{d}' is not a size"))
            .ToArray();
        return (type, dims);
    }

    private static string Descr(NpyElementType type) => type switch
    {
        NpyElementType.Float32 => "<f4",
        NpyElementType.Float64 => "<f8",
        NpyElementType.Int32 => "<i4",
        NpyElementType.Int64 => "<i8",
        NpyElementType.UInt8 => "|u1",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown element type."),
    };

    [GeneratedRegex(@"'descr'\s*:\s*'([^']*)'")]
    private static partial Regex DescrPattern();

    [GeneratedRegex(@"'fortran_order'\s*:\s*(True|False)")]
    private static partial Regex FortranPattern();

    [GeneratedRegex(@"'shape'\s*:\s*\(([^)]*)\)")]
    private static partial Regex ShapePattern();
}
