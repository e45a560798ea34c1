using Edge.Bundles.Tensors;
using Edge.Bundles.Tests.Support;
using Edge.Testing;

namespace Edge.Bundles.Tests.Tensors;

public class NpyFileTests
{
    [Fact]
    public void A_tensor_survives_a_round_trip_with_shape_type_and_values()
    {
        using var temp = new TempFolder();
        var values = Enumerable.Range(0, 2 * 3 * 5).Select(i => (i * 0.37f) - 3).ToArray();
        NpyFile.Write(temp.File("t.npy"), NpyArray.FromFloat32(values, 2, 3, 5));

        var read = NpyFile.Read(temp.File("t.npy"));

        Assert.Equal(NpyElementType.Float32, read.ElementType);
        Assert.Equal([2, 3, 5], read.Shape);
        Assert.Equal(values, read.AsFloat32().ToArray());
        Assert.Equal(0, (new FileInfo(temp.File("t.npy")).Length - read.Bytes.Length) % 64);
    }

    [Fact]
    public void Numpy_reads_what_we_write()
    {
        using var temp = new TempFolder();
        NpyFile.Write(temp.File("f.npy"), NpyArray.FromFloat32([1.5f, -2.25f, 3, 4, 5, 6], 1, 2, 3));
        NpyFile.Write(temp.File("i.npy"), NpyArray.FromInt64([7, -8, 9_000_000_000], 3));
        NpyFile.Write(temp.File("s.npy"), NpyArray.FromFloat32([2.5f]));

        var output = Python.Run(
            "import numpy as np, sys\n" +
            "f = np.load(sys.argv[1]); i = np.load(sys.argv[2]); s = np.load(sys.argv[3])\n" +
            "print(f.dtype, f.shape, repr(float(f[0, 1, 2])), repr(float(f.sum())), i.dtype, int(i[2]), s.shape, float(s))",
            temp.File("f.npy"), temp.File("i.npy"), temp.File("s.npy"));

        Assert.Equal("float32 (1, 2, 3) 6.0 17.25 int64 9000000000 () 2.5", output);
    }

    [Fact]
    public void We_read_what_numpy_writes_in_every_supported_type()
    {
        using var temp = new TempFolder();
        Python.Run(
            "import numpy as np, sys, os\n" +
            "d = sys.argv[1]\n" +
            "np.save(os.path.join(d, 'f4.npy'), np.arange(24, dtype=np.float32).reshape(2, 3, 4) / 8)\n" +
            "np.save(os.path.join(d, 'f8.npy'), np.array([0.1, 0.2]))\n" +
            "np.save(os.path.join(d, 'i8.npy'), np.array([[1, -2], [3, 4]], dtype=np.int64))\n" +
            "np.save(os.path.join(d, 'i4.npy'), np.array([5], dtype=np.int32))\n" +
            "np.save(os.path.join(d, 'u1.npy'), np.array([0, 255], dtype=np.uint8))\n" +
            "np.save(os.path.join(d, 'fortran.npy'), np.asfortranarray(np.ones((2, 3), dtype=np.float32)))\n",
            temp.Path);

        var f4 = NpyFile.Read(temp.File("f4.npy"));
        Assert.Equal([2, 3, 4], f4.Shape);
        Assert.Equal(23 / 8f, f4.AsFloat32()[23]);
        Assert.Equal([0.1, 0.2], NpyFile.Read(temp.File("f8.npy")).AsFloat64().ToArray());
        Assert.Equal([1L, -2, 3, 4], NpyFile.Read(temp.File("i8.npy")).AsInt64().ToArray());
        Assert.Equal([5], NpyFile.Read(temp.File("i4.npy")).AsInt32().ToArray());
        Assert.Equal([0, 255], NpyFile.Read(temp.File("u1.npy")).AsUInt8().ToArray());
        var fortran = Assert.Throws<InvalidDataException>(() => NpyFile.Read(temp.File("fortran.npy")));
        Assert.Contains("Fortran", fortran.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Damaged_files_and_wrong_types_are_refused_with_a_reason()
    {
        using var temp = new TempFolder();
        File.WriteAllBytes(temp.File("bad.npy"), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
        Assert.Contains("magic", Assert.Throws<InvalidDataException>(() => NpyFile.Read(temp.File("bad.npy"))).Message, StringComparison.Ordinal);

        NpyFile.Write(temp.File("t.npy"), NpyArray.FromFloat32([1, 2, 3, 4], 4));
        var bytes = File.ReadAllBytes(temp.File("t.npy"));
        File.WriteAllBytes(temp.File("short.npy"), bytes[..^4]);
        Assert.Contains("ends before", Assert.Throws<InvalidDataException>(() => NpyFile.Read(temp.File("short.npy"))).Message, StringComparison.Ordinal);

        var tensor = NpyFile.Read(temp.File("t.npy"));
        Assert.Throws<InvalidOperationException>(() => tensor.AsInt64().ToArray());
        Assert.Throws<ArgumentException>(() => NpyArray.FromFloat32([1, 2, 3], 2, 2));
    }
}
