using Edge.Torch;

namespace Edge.Torch.Tests;

public class TensorBasicsTests
{
    [Fact]
    public void Float_data_round_trips_with_its_shape()
    {
        using var t = Tensor.FromArray([1f, 2f, 3f, 4f, 5f, 6f], [2, 3]);
        Assert.Equal([2L, 3L], t.Shape);
        Assert.Equal(2, t.Dim);
        Assert.Equal(6, t.NumElements);
        Assert.Equal(ScalarType.Float32, t.DType);
        Assert.Equal(Device.Cpu, t.Device with { Index = -1 });
        Assert.Equal([1f, 2f, 3f, 4f, 5f, 6f], t.ToFloatArray());
    }

    [Fact]
    public void Double_and_int64_data_round_trip()
    {
        using var d = Tensor.FromArray([0.1, -2.5], [2]);
        using var l = Tensor.FromArray([7L, -3L, 1L << 40], [3]);
        Assert.Equal(ScalarType.Float64, d.DType);
        Assert.Equal([0.1, -2.5], d.ToDoubleArray());
        Assert.Equal(ScalarType.Int64, l.DType);
        Assert.Equal([7L, -3L, 1L << 40], l.ToInt64Array());
    }

    [Fact]
    public void Item_reads_a_single_value()
    {
        using var t = Tensor.Scalar(2.5);
        Assert.Empty(t.Shape);
        Assert.Equal(2.5, t.Item());
        using var i = Tensor.FromArray([42L], [1]);
        Assert.Equal(42L, i.ItemInt64());
    }

    [Fact]
    public void Data_of_the_wrong_length_for_the_shape_is_refused()
    {
        var error = Assert.Throws<TorchException>(() => Tensor.FromArray([1f, 2f, 3f], [2, 2]));
        Assert.Contains("needs 16 bytes, got 12", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constant_factories_fill_every_element()
    {
        using var zeros = Tensor.Zeros([2, 2]);
        using var ones = Tensor.Ones([3], ScalarType.Float64);
        using var full = Tensor.Full([2], 7.5);
        using var like = full.FullLike(-1);
        Assert.All(zeros.ToFloatArray(), v => Assert.Equal(0f, v));
        Assert.Equal([1.0, 1.0, 1.0], ones.ToDoubleArray());
        Assert.Equal([7.5f, 7.5f], full.ToFloatArray());
        Assert.Equal([-1f, -1f], like.ToFloatArray());
    }

    [Fact]
    public void Ranges_follow_start_end_and_step()
    {
        using var a = Tensor.Arange(0, 10, 3);
        using var l = Tensor.Linspace(0, 1, 5);
        using var eye = Tensor.Eye(2);
        Assert.Equal([0L, 3L, 6L, 9L], a.ToInt64Array());
        Assert.Equal([0f, 0.25f, 0.5f, 0.75f, 1f], l.ToFloatArray());
        Assert.Equal([1f, 0f, 0f, 1f], eye.ToFloatArray());
    }

    [Fact]
    public void Same_seed_gives_the_same_random_draws()
    {
        LibTorch.ManualSeed(123);
        using var a = Tensor.Randn([50]);
        LibTorch.ManualSeed(123);
        using var b = Tensor.Randn([50]);
        using var c = Tensor.Randn([50]);
        Assert.Equal(a.ToFloatArray(), b.ToFloatArray());
        Assert.NotEqual(b.ToFloatArray(), c.ToFloatArray());
    }

    [Fact]
    public void Random_draws_have_the_requested_distribution()
    {
        LibTorch.ManualSeed(7);
        using var u = Tensor.Uniform([20000], -2, 3);
        using var n = Tensor.Normal([20000], 5, 2);
        using var ints = Tensor.RandInt(3, 6, [1000]);
        var uv = u.ToFloatArray();
        Assert.All(uv, v => Assert.InRange(v, -2f, 3f));
        Assert.Equal(0.5, uv.Average(), 1);
        var nv = n.ToFloatArray().Select(v => (double)v).ToArray();
        var mean = nv.Average();
        var std = Math.Sqrt(nv.Select(v => (v - mean) * (v - mean)).Average());
        Assert.Equal(5, mean, 1);
        Assert.Equal(2, std, 1);
        Assert.Equal([3L, 4L, 5L], ints.ToInt64Array().Distinct().Order().ToArray());
    }

    [Fact]
    public void Rng_state_restores_the_sequence()
    {
        LibTorch.ManualSeed(5);
        using var state = LibTorch.GetRngState();
        using var first = Tensor.Rand([10]);
        LibTorch.SetRngState(state);
        using var again = Tensor.Rand([10]);
        Assert.Equal(first.ToFloatArray(), again.ToFloatArray());
    }

    [Fact]
    public void Dtype_conversion_changes_the_element_type()
    {
        using var f = Tensor.FromArray([1.7f, -2.2f], [2]);
        using var l = f.To(ScalarType.Int64);
        using var d = f.Double();
        Assert.Equal([1L, -2L], l.ToInt64Array());
        Assert.Equal(ScalarType.Float64, d.DType);
        Assert.Equal(1.7, d.ToDoubleArray()[0], 6);
    }

    [Fact]
    public void Bytes_round_trip_in_the_tensors_own_dtype()
    {
        using var t = Tensor.FromArray([1.5, -3.25], [2, 1]);
        var bytes = t.ToBytes();
        Assert.Equal(16, bytes.Length);
        Assert.Equal(1.5, BitConverter.ToDouble(bytes, 0));
        using var back = Tensor.FromBytes(bytes, ScalarType.Float64, [2, 1]);
        Assert.Equal([1.5, -3.25], back.ToDoubleArray());
    }

    [Fact]
    public void Disposed_tensor_refuses_further_use()
    {
        var t = Tensor.Zeros([1]);
        t.Dispose();
        Assert.True(t.IsDisposed);
        Assert.Throws<ObjectDisposedException>(() => t.ToFloatArray());
        t.Dispose();
    }

    [Fact]
    public void In_place_writes_change_the_tensor_itself()
    {
        using var t = Tensor.Zeros([3]);
        using var src = Tensor.FromArray([1f, 2f, 3f], [3]);
        t.CopyFromInPlace(src).MulInPlace(2).AddInPlace(src, alpha: -1);
        Assert.Equal([1f, 2f, 3f], t.ToFloatArray());
        t.FillInPlace(4);
        Assert.Equal([4f, 4f, 4f], t.ToFloatArray());
    }

    [Fact]
    public void Version_and_threads_are_reported()
    {
        Assert.Matches(@"^\d+\.\d+", LibTorch.Version);
        var before = LibTorch.NumThreads;
        LibTorch.NumThreads = 1;
        Assert.Equal(1, LibTorch.NumThreads);
        LibTorch.NumThreads = before;
    }
}
