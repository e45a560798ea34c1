using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Edge.Testing;
using Edge.Torch;
using Edge.Torch.Modules;
using Edge.Torch.Serialization;

namespace Edge.Torch.Tests;

public class StateFileTests
{
    [Fact]
    public void Saved_module_loads_into_a_fresh_one_and_computes_the_same()
    {
        using var folder = new TempFolder();
        using var scope = LibTorch.NewDisposeScope();
        LibTorch.ManualSeed(1);
        using var original = new TinyConvNet();
        var x = Tensor.Randn([2, 1, 8, 8]);
        original.Forward(x);
        original.Eval();
        var expected = original.Forward(x).ToFloatArray();
        original.Save(folder.File("net.safetensors"));

        LibTorch.ManualSeed(2);
        using var copy = new TinyConvNet();
        copy.Eval();
        Assert.NotEqual(expected, copy.Forward(x).ToFloatArray());
        copy.Load(folder.File("net.safetensors"));
        Assert.Equal(expected, copy.Forward(x).ToFloatArray());
        Assert.Equal(original.NamedBuffers().Select(b => b.Value.ToDoubleArray()), copy.NamedBuffers().Select(b => b.Value.ToDoubleArray()));
    }

    [Fact]
    public void File_header_records_names_dtypes_shapes_and_byte_ranges()
    {
        using var folder = new TempFolder();
        using var scope = LibTorch.NewDisposeScope();
        var path = folder.File("state.safetensors");
        StateFile.Write(path, [new("a", Tensor.FromArray([1f, 2f, 3f, 4f, 5f, 6f], [2, 3])), new("b.count", Tensor.FromArray([7L], [1]))],
            new Dictionary<string, string> { ["note"] = "hello" });
        var bytes = File.ReadAllBytes(path);
        var headerLength = (int)BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        Assert.Equal(0, headerLength % 8);
        using var header = JsonDocument.Parse(Encoding.UTF8.GetString(bytes, 8, headerLength));
        var a = header.RootElement.GetProperty("a");
        Assert.Equal("F32", a.GetProperty("dtype").GetString());
        Assert.Equal([2L, 3L], a.GetProperty("shape").EnumerateArray().Select(e => e.GetInt64()));
        Assert.Equal([0L, 24L], a.GetProperty("data_offsets").EnumerateArray().Select(e => e.GetInt64()));
        Assert.Equal("I64", header.RootElement.GetProperty("b.count").GetProperty("dtype").GetString());
        Assert.Equal("hello", header.RootElement.GetProperty("__metadata__").GetProperty("note").GetString());
        Assert.Equal(8 + headerLength + 24 + 8, bytes.Length);
        Assert.Equal(3f, BitConverter.ToSingle(bytes, 8 + headerLength + 8));
        Assert.Equal(7L, BitConverter.ToInt64(bytes, 8 + headerLength + 24));

        using var contents = StateFile.Read(path);
        Assert.Equal(["a", "b.count"], contents.Names);
        Assert.Equal([1f, 2f, 3f, 4f, 5f, 6f], contents.Tensors["a"].ToFloatArray());
        Assert.Equal("hello", contents.Metadata["note"]);
    }

    [Fact]
    public void Metadata_alone_comes_from_the_header_without_reading_the_tensor_data()
    {
        using var folder = new TempFolder();
        using var scope = LibTorch.NewDisposeScope();
        var path = folder.File("state.safetensors");
        StateFile.Write(path, [new("a", Tensor.FromArray([1f, 2f, 3f], [3]))], new Dictionary<string, string> { ["step"] = "7" });
        var headerLength = (int)BinaryPrimitives.ReadUInt64LittleEndian(File.ReadAllBytes(path));
        using (var stream = new FileStream(path, FileMode.Open))
        {
            stream.SetLength(8 + headerLength); // drop the data
        }

        Assert.Equal(new Dictionary<string, string> { ["step"] = "7" }, StateFile.ReadMetadata(path));
        Assert.Throws<InvalidDataException>(() => StateFile.Read(path).Dispose());
    }

    [Fact]
    public void Loading_refuses_missing_names_and_wrong_shapes_with_the_name_in_the_message()
    {
        using var folder = new TempFolder();
        using var scope = LibTorch.NewDisposeScope();
        using var small = new Linear(3, 2);
        small.Save(folder.File("small.safetensors"));
        using var wide = new Linear(4, 2);
        var shape = Assert.Throws<InvalidDataException>(() => wide.Load(folder.File("small.safetensors")));
        Assert.Contains("'weight'", shape.Message, StringComparison.Ordinal);
        using var noBias = new Linear(3, 2, bias: false);
        var names = Assert.Throws<InvalidDataException>(() => noBias.Load(folder.File("small.safetensors")));
        Assert.Contains("unexpected [bias]", names.Message, StringComparison.Ordinal);
        noBias.Load(folder.File("small.safetensors"), strict: false);
        Assert.Equal(small.Weight.ToFloatArray(), noBias.Weight.ToFloatArray());
    }

    [Fact]
    public void Corrupt_files_are_rejected_with_a_clear_message()
    {
        using var folder = new TempFolder();
        File.WriteAllBytes(folder.File("junk"), [0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0, 1, 2, 3]);
        Assert.Throws<InvalidDataException>(() => StateFile.Read(folder.File("junk")));
        var header = "{\"x\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,8]}}"u8.ToArray();
        var bytes = new byte[8 + header.Length + 8];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, (ulong)header.Length);
        header.CopyTo(bytes, 8);
        File.WriteAllBytes(folder.File("short"), bytes);
        var error = Assert.Throws<InvalidDataException>(() => StateFile.Read(folder.File("short")));
        Assert.Contains("needs 16 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pytorch_reads_the_saved_weights_with_the_same_values()
    {
        using var folder = new TempFolder();
        using var net = new TinyConvNet();
        var path = folder.File("net.safetensors");
        net.Save(path);
        // The reader documented in STATE_FORMAT.md, run by the system Python with Debian's torch.
        var script = """
            import json, struct, sys, torch
            DT = {"F32": torch.float32, "I64": torch.int64}
            data = open(sys.argv[1], "rb").read()
            n = struct.unpack("<Q", data[:8])[0]
            header = json.loads(data[8:8 + n])
            body = data[8 + n:]
            for k, v in header.items():
                b, e = v["data_offsets"]
                t = torch.frombuffer(bytearray(body[b:e]), dtype=DT[v["dtype"]]).reshape(v["shape"])
                print(k, list(t.shape), repr(float(t.double().sum())))
            """;
        File.WriteAllText(folder.File("read.py"), script);
        var start = new ProcessStartInfo("/usr/bin/python3", [folder.File("read.py"), path]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, errors);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var state = net.NamedState().ToList();
        Assert.Equal(state.Count, lines.Length);
        for (var i = 0; i < state.Count; i++)
        {
            var parts = lines[i].Split(' ', 2);
            Assert.Equal(state[i].Key, parts[0]);
            var sum = double.Parse(parts[1][(parts[1].LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
            Expect.Close(state[i].Value.ToDoubleArray().Sum(), sum, 1e-9);
        }
    }
}
