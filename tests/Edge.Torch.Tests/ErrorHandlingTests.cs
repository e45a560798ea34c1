using Edge.Torch;

namespace Edge.Torch.Tests;

public class ErrorHandlingTests
{
    [Fact]
    public void Mismatched_matmul_shapes_raise_libtorchs_message_and_the_process_goes_on()
    {
        using var a = Tensor.Ones([2, 3]);
        using var b = Tensor.Ones([4, 5]);
        var error = Assert.Throws<TorchException>(() => a.MatMul(b));
        Assert.Equal("MatMul", error.Operation);
        Assert.Contains("mat1 and mat2 shapes cannot be multiplied (2x3 and 4x5)", error.NativeMessage, StringComparison.Ordinal);
        // The failure left nothing behind: the next call works and reports no stale error.
        using var c = a.MatMul(a.Transpose(0, 1));
        Assert.Equal([3f, 3f, 3f, 3f], c.ToFloatArray());
    }

    [Fact]
    public void Mismatched_broadcast_raises_with_both_sizes_named()
    {
        using var a = Tensor.Ones([2, 3]);
        using var b = Tensor.Ones([4]);
        var error = Assert.Throws<TorchException>(() => a + b);
        Assert.Contains("The size of tensor a (3) must match the size of tensor b (4)", error.NativeMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_device_type_raises_libtorchs_parser_message()
    {
        var error = Assert.Throws<TorchException>(() => Device.Parse("tpu"));
        Assert.Contains("device type at start of device string: tpu", error.NativeMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Cuda_device_that_does_not_exist_is_refused_with_its_name()
    {
        var error = Assert.Throws<TorchException>(() => Device.Parse("cuda:7"));
        Assert.Contains("cuda:7", error.NativeMessage, StringComparison.Ordinal);
        Assert.Contains("CUDA", error.NativeMessage, StringComparison.Ordinal);
        var creation = Assert.Throws<TorchException>(() => Tensor.Zeros([2], device: Device.Cuda(7)));
        Assert.Contains("cuda:7", creation.NativeMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Cpu_and_existing_devices_parse()
    {
        Assert.Equal(new Device(DeviceType.Cpu), Device.Parse("cpu"));
        Assert.Equal("cpu", Device.Parse("cpu").ToString());
        Assert.Equal(LibTorch.CudaDeviceCount > 0, LibTorch.CudaIsAvailable);
    }

    [Fact]
    public void Wrong_dtype_for_an_index_raises_instead_of_crashing()
    {
        using var x = Tensor.Ones([3, 2]);
        using var floatIndex = Tensor.FromArray([0f, 1f], [2]);
        var error = Assert.Throws<TorchException>(() => x.IndexSelect(0, floatIndex));
        Assert.Contains("index", error.NativeMessage, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Out_of_range_index_raises_instead_of_crashing()
    {
        using var x = Tensor.Ones([3, 2]);
        using var index = Tensor.FromArray([0L, 9L], [2]);
        Assert.Throws<TorchException>(() => x.IndexSelect(0, index));
        Assert.Throws<TorchException>(() => x.Select(0, 5));
    }

    [Fact]
    public void Impossible_allocation_raises_out_of_memory_instead_of_aborting()
    {
        var error = Assert.Throws<TorchException>(() => Tensor.Empty([1L << 40, 1L << 20]));
        Assert.False(string.IsNullOrWhiteSpace(error.NativeMessage));
    }

    [Fact]
    public void Backward_on_a_tensor_without_graph_is_explained()
    {
        using var x = Tensor.Ones([1]);
        var error = Assert.Throws<TorchException>(() => x.Backward());
        Assert.Contains("does not require grad", error.NativeMessage, StringComparison.Ordinal);
    }
}
