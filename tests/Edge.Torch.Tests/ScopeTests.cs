using Edge.Torch;

namespace Edge.Torch.Tests;

public class ScopeTests
{
    [Fact]
    public void Dispose_scope_disposes_temporaries_but_not_what_was_moved_out()
    {
        Tensor kept;
        Tensor temporary;
        Tensor detached;
        using (var scope = LibTorch.NewDisposeScope())
        {
            using var a = Tensor.Ones([2]);
            temporary = a * 2;
            kept = (temporary + 1).MoveToOuterDisposeScope();
            detached = (temporary + 2).DetachFromDisposeScope();
            Assert.Equal(2, scope.Count);
        }
        Assert.True(temporary.IsDisposed);
        Assert.False(kept.IsDisposed);
        Assert.Equal([3f, 3f], kept.ToFloatArray());
        Assert.Equal([4f, 4f], detached.ToFloatArray());
        kept.Dispose();
        detached.Dispose();
    }

    [Fact]
    public void Nested_scopes_hand_moved_tensors_to_the_outer_one()
    {
        Tensor moved;
        using (var outer = LibTorch.NewDisposeScope())
        {
            using (LibTorch.NewDisposeScope())
            {
                moved = Tensor.Ones([1]).MoveToOuterDisposeScope();
            }
            Assert.False(moved.IsDisposed);
            Assert.Same(outer, DisposeScope.Current);
            Assert.Equal(1, outer.Count);
        }
        Assert.True(moved.IsDisposed);
        Assert.Null(DisposeScope.Current);
    }

    [Fact]
    public void No_grad_scope_stops_recording_and_restores_the_mode()
    {
        using var w = Tensor.Ones([2], requiresGrad: true);
        Assert.True(LibTorch.IsGradEnabled);
        using (LibTorch.NoGrad())
        {
            Assert.False(LibTorch.IsGradEnabled);
            using var y = w * 3;
            Assert.False(y.RequiresGrad);
            using (LibTorch.EnableGrad())
            {
                using var z = w * 3;
                Assert.True(z.RequiresGrad);
            }
            Assert.False(LibTorch.IsGradEnabled);
        }
        Assert.True(LibTorch.IsGradEnabled);
    }

    [Fact]
    public void Cpu_autocast_runs_matmul_in_bfloat16_and_restores_float32()
    {
        using var a = Tensor.Ones([4, 4]);
        using (LibTorch.Autocast(Device.Cpu, ScalarType.BFloat16))
        {
            using var product = a.MatMul(a);
            Assert.Equal(ScalarType.BFloat16, product.DType);
            Assert.All(product.ToFloatArray(), v => Assert.Equal(4f, v));
        }
        using var after = a.MatMul(a);
        Assert.Equal(ScalarType.Float32, after.DType);
    }

    [Fact]
    public void Cpu_autocast_with_float16_is_refused_clearly()
    {
        var error = Assert.Throws<TorchException>(() => LibTorch.Autocast(Device.Cpu, ScalarType.Float16));
        Assert.Contains("bfloat16 only", error.NativeMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Cuda_autocast_is_refused_clearly_when_libtorch_has_no_cuda()
    {
        if (LibTorch.CudaIsAvailable)
        {
            // A CUDA build accepts it; the refusal path only exists on CPU-only libtorch.
            using var scope = LibTorch.Autocast(Device.Cuda(0), ScalarType.Float16);
            return;
        }
        var error = Assert.Throws<TorchException>(() => LibTorch.Autocast(Device.Cuda(0), ScalarType.Float16));
        Assert.Contains("no CUDA support", error.NativeMessage, StringComparison.Ordinal);
    }
}
