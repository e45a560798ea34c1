using Edge.Torch;

namespace Edge.Torch.Tests;

public class AutogradTests
{
    [Fact]
    public void Backward_fills_grad_with_the_derivative()
    {
        using var scope = LibTorch.NewDisposeScope();
        var x = Tensor.FromArray([1.0, -2.0, 0.5], [3], requiresGrad: true);
        Assert.True(x.RequiresGrad);
        Assert.True(x.IsLeaf);
        var y = (x * x + 3 * x).Sum();
        Assert.False(y.IsLeaf);
        y.Backward();
        Assert.Equal([5.0, -1.0, 4.0], x.Grad!.ToDoubleArray());
    }

    [Fact]
    public void Gradients_accumulate_until_zeroed()
    {
        using var scope = LibTorch.NewDisposeScope();
        var x = Tensor.FromArray([2.0], [1], requiresGrad: true);
        (x * 3).Sum().Backward();
        (x * 3).Sum().Backward();
        Assert.Equal([6.0], x.Grad!.ToDoubleArray());
        x.ZeroGrad(setToNone: false);
        Assert.Equal([0.0], x.Grad!.ToDoubleArray());
        x.ZeroGrad();
        Assert.Null(x.Grad);
    }

    [Fact]
    public void Detach_cuts_the_graph()
    {
        using var scope = LibTorch.NewDisposeScope();
        var x = Tensor.FromArray([2.0], [1], requiresGrad: true);
        var d = x.Detach();
        Assert.False(d.RequiresGrad);
        (x * d).Sum().Backward();
        Assert.Equal([2.0], x.Grad!.ToDoubleArray());
    }

    [Fact]
    public void Backward_of_a_non_scalar_takes_the_output_gradient()
    {
        using var scope = LibTorch.NewDisposeScope();
        var x = Tensor.FromArray([1.0, 2.0], [2], requiresGrad: true);
        var y = x * x;
        var middle = x * 1;
        middle.RetainGrad();
        y.Backward(Tensor.FromArray([10.0, 100.0], [2]));
        Assert.Equal([20.0, 400.0], x.Grad!.ToDoubleArray());
        (middle * 5).Sum().Backward();
        Assert.Equal([5.0, 5.0], middle.Grad!.ToDoubleArray());
    }

    [Fact]
    public void Autograd_grad_returns_gradients_without_touching_grad_and_supports_second_derivatives()
    {
        using var scope = LibTorch.NewDisposeScope();
        var x = Tensor.FromArray([1.0, 2.0], [2], requiresGrad: true);
        var y = x.Pow(3).Sum();
        var first = Autograd.Grad([y], [x], createGraph: true)[0]!;
        Assert.Equal([3.0, 12.0], first.ToDoubleArray());
        Assert.Null(x.Grad);
        var second = Autograd.Grad([first.Sum()], [x])[0]!;
        Assert.Equal([6.0, 12.0], second.ToDoubleArray());
        var unused = Tensor.Ones([1], ScalarType.Float64, requiresGrad: true);
        var results = Autograd.Grad([(x * 2).Sum()], [x, unused], allowUnused: true);
        Assert.Null(results[1]);
    }

    [Fact]
    public void Set_grad_replaces_the_gradient()
    {
        using var scope = LibTorch.NewDisposeScope();
        var x = Tensor.Zeros([2], requiresGrad: true);
        x.SetGrad(Tensor.FromArray([1f, 2f], [2]));
        Assert.Equal([1f, 2f], x.Grad!.ToFloatArray());
        x.SetGrad(null);
        Assert.Null(x.Grad);
    }
}
