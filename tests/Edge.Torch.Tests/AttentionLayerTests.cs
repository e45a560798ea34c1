using Edge.Torch;
using Edge.Torch.Modules;

namespace Edge.Torch.Tests;

public class AttentionLayerTests
{
    [Fact]
    public void Attention_uses_pytorchs_parameter_names_and_shapes()
    {
        using var attention = new MultiheadAttention(8, 2);
        Assert.Equal(["in_proj_weight", "in_proj_bias", "out_proj.weight", "out_proj.bias"], attention.NamedParameters().Select(p => p.Key));
        Assert.Equal([24L, 8L], attention.InProjWeight.Shape);
        Assert.Equal(24 * 8 + 24 + 64 + 8, attention.ParameterCount());
    }

    [Fact]
    public void Single_head_attention_matches_projections_softmax_and_output_by_hand()
    {
        using var scope = LibTorch.NewDisposeScope();
        using var attention = new MultiheadAttention(4, 1);
        attention.To(ScalarType.Float64);
        var x = Tensor.Randn([2, 3, 4], ScalarType.Float64);
        var w = attention.InProjWeight;
        var b = attention.InProjBias!;
        var q = Functional.Linear(x, w.Narrow(0, 0, 4), b.Narrow(0, 0, 4));
        var k = Functional.Linear(x, w.Narrow(0, 4, 4), b.Narrow(0, 4, 4));
        var v = Functional.Linear(x, w.Narrow(0, 8, 4), b.Narrow(0, 8, 4));
        var weights = Functional.Softmax(q.MatMul(k.Transpose(1, 2)) / 2.0, -1);
        var expected = attention.OutProj.Forward(weights.MatMul(v));
        Expect.Close(expected.ToDoubleArray(), attention.Forward(x).ToDoubleArray(), 1e-12);
    }

    [Fact]
    public void Masked_keys_do_not_influence_the_output()
    {
        using var scope = LibTorch.NewDisposeScope();
        using var attention = new MultiheadAttention(6, 3);
        var query = Tensor.Randn([1, 2, 6]);
        var keys = Tensor.Randn([1, 4, 6]);
        var changed = Tensor.Cat([keys.Narrow(1, 0, 3), Tensor.Randn([1, 1, 6]) * 10], 1);
        var padding = Tensor.FromArray([false, false, false, true], [1, 4]);
        var a = attention.Forward(query, keys, keys, keyPaddingMask: padding).ToFloatArray();
        var b = attention.Forward(query, changed, changed, keyPaddingMask: padding).ToFloatArray();
        Expect.Close(a.Select(f => (double)f).ToArray(), b, 1e-5);
        var unmasked = attention.Forward(query, changed, changed).ToFloatArray();
        Assert.NotEqual(a, unmasked);
        var blocked = Tensor.FromArray([false, false, false, true, false, false, false, true], [2, 4]);
        Expect.Close(a.Select(f => (double)f).ToArray(), attention.Forward(query, changed, changed, attentionMask: blocked).ToFloatArray(), 1e-5);
    }

    [Fact]
    public void Causal_attention_output_does_not_depend_on_later_positions()
    {
        using var scope = LibTorch.NewDisposeScope();
        using var attention = new MultiheadAttention(4, 2);
        var x = Tensor.Randn([1, 3, 4]);
        var altered = Tensor.Cat([x.Narrow(1, 0, 2), Tensor.Randn([1, 1, 4])], 1);
        var first = attention.Forward(x, x, x, isCausal: true).Narrow(1, 0, 2).ToFloatArray();
        var second = attention.Forward(altered, altered, altered, isCausal: true).Narrow(1, 0, 2).ToFloatArray();
        Expect.Close(first.Select(f => (double)f).ToArray(), second, 1e-5);
    }

    [Fact]
    public void Attention_layer_input_gradient_matches_finite_differences()
    {
        using var attention = new MultiheadAttention(4, 2);
        attention.To(ScalarType.Float64);
        using var x = GradCheck.Random(5, [1, 3, 4]);
        GradCheck.Check(t => attention.Forward(t[0]), [x]);
    }
}
