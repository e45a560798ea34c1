using Edge.Torch;
using Edge.Torch.Modules;

namespace Edge.Torch.Tests;

public class ModuleTests
{
    [Fact]
    public void Parameters_and_buffers_are_named_like_pytorch_state_dict_keys()
    {
        using var net = new TinyConvNet();
        Assert.Equal(
            ["features.0.weight", "features.0.bias", "features.1.weight", "features.1.bias", "features.4.weight", "features.4.bias",
             "features.5.weight", "features.5.bias", "head.weight", "head.bias"],
            net.NamedParameters().Select(p => p.Key));
        Assert.Equal(["features.5.running_mean", "features.5.running_var", "features.5.num_batches_tracked"], net.NamedBuffers().Select(p => p.Key));
        Assert.Equal(["", "features", "features.0", "features.1", "features.2", "features.3", "features.4", "features.5", "features.6", "features.7", "head"],
            net.NamedModules().Select(m => m.Key));
    }

    [Fact]
    public void Parameter_count_adds_up_every_weight_and_respects_freezing()
    {
        using var net = new TinyConvNet();
        // conv 1->4 3x3 + bias, group norm 4+4, conv 4->8 3x3 + bias, batch norm 8+8, linear 8->2 + bias.
        const long expected = (4 * 9 + 4) + 8 + (8 * 4 * 9 + 8) + 16 + (2 * 8 + 2);
        Assert.Equal(expected, net.ParameterCount());
        net.Head.Weight.RequiresGrad = false;
        Assert.Equal(expected - 16, net.ParameterCount(trainableOnly: true));
    }

    [Fact]
    public void Train_and_eval_reach_every_submodule()
    {
        using var net = new TinyConvNet();
        Assert.All(net.NamedModules(), m => Assert.True(m.Value.IsTraining));
        net.Eval();
        Assert.All(net.NamedModules(), m => Assert.False(m.Value.IsTraining));
        net.Train();
        Assert.True(net.Head.IsTraining);
    }

    [Fact]
    public void Batch_norm_updates_running_statistics_only_in_training_mode()
    {
        using var scope = LibTorch.NewDisposeScope();
        using var norm = new BatchNorm2d(2);
        LibTorch.ManualSeed(1);
        var x = Tensor.Randn([4, 2, 3, 3]) * 3 + 5;
        norm.Forward(x);
        var batchMean = x.Mean([0, 2, 3]).ToFloatArray();
        Expect.Close(batchMean.Select(m => 0.1 * m).ToArray(), norm.RunningMean!.ToFloatArray());
        Assert.Equal(1L, norm.BatchesTracked!.ItemInt64());
        norm.Eval();
        var before = norm.RunningMean.ToFloatArray();
        var evaluated = norm.Forward(x);
        Assert.Equal(before, norm.RunningMean.ToFloatArray());
        var expected = (x - norm.RunningMean.Reshape(1, 2, 1, 1)) / (norm.RunningVar!.Reshape(1, 2, 1, 1) + 1e-5).Sqrt();
        Expect.Close(expected.ToFloatArray().Select(v => (double)v).ToArray(), evaluated.ToFloatArray(), 1e-4);
    }

    [Fact]
    public void Layers_compute_the_same_as_the_functional_ops_with_their_weights()
    {
        using var scope = LibTorch.NewDisposeScope();
        using var conv = new Conv2d(2, 3, [3, 1], stride: [2], padding: [1, 0]);
        using var transposed = new ConvTranspose3d(3, 2, 2, stride: 2);
        using var linear = new Linear(5, 4);
        var x = Tensor.Randn([1, 2, 6, 5]);
        Assert.Equal(Functional.Convolution(x, conv.Weight, conv.Bias, [2, 2], [1, 0], [1, 1]).ToFloatArray(), conv.Forward(x).ToFloatArray());
        Assert.Equal([3L, 2L, 3L, 1L], conv.Weight.Shape);
        var cube = Tensor.Randn([1, 3, 2, 2, 2]);
        Assert.Equal(Functional.ConvTranspose3d(cube, transposed.Weight, transposed.Bias, stride: 2).ToFloatArray(), transposed.Forward(cube).ToFloatArray());
        Assert.Equal([3L, 2L, 2L, 2L, 2L], transposed.Weight.Shape);
        var v = Tensor.Randn([3, 5]);
        Assert.Equal(Functional.Linear(v, linear.Weight, linear.Bias).ToFloatArray(), linear.Forward(v).ToFloatArray());
    }

    [Fact]
    public void Default_initialisation_follows_pytorchs_fan_in_bounds()
    {
        LibTorch.ManualSeed(2);
        using var linear = new Linear(64, 256);
        var weights = linear.Weight.ToFloatArray();
        var bound = 1 / Math.Sqrt(64);
        Assert.All(weights, w => Assert.InRange(w, -bound, bound));
        // U(-b, b) has standard deviation b / sqrt(3).
        var std = Math.Sqrt(weights.Select(w => (double)w * w).Average());
        Assert.Equal(bound / Math.Sqrt(3), std, 2);
        using var norm = new GroupNorm(2, 4);
        Assert.All(norm.Weight!.ToFloatArray(), w => Assert.Equal(1f, w));
        Assert.All(norm.Bias!.ToFloatArray(), b => Assert.Equal(0f, b));
    }

    [Fact]
    public void Sequential_runs_layers_in_order_and_simple_layers_reshape_as_documented()
    {
        using var scope = LibTorch.NewDisposeScope();
        using var chain = new Sequential(new Upsample(2), Pooling.AvgPool2d(2), new Flatten(), new Tanh());
        var x = Tensor.FromArray([0.1f, 0.2f, 0.3f, 0.4f], [1, 1, 2, 2]);
        Expect.Close(new[] { 0.1, 0.2, 0.3, 0.4 }.Select(Math.Tanh).ToArray(), chain.Forward(x).ToFloatArray(), 1e-6);
        Assert.Equal([1L, 4L], chain.Forward(x).Shape);
        using var dropout = new Dropout(0.9);
        dropout.Eval();
        Assert.Equal(x.ToFloatArray(), dropout.Forward(x).ToFloatArray());
    }

    [Fact]
    public void Embedding_layer_keeps_the_padding_row_at_zero()
    {
        using var scope = LibTorch.NewDisposeScope();
        using var embedding = new Embedding(4, 3, paddingIndex: 0);
        Assert.Equal([0f, 0f, 0f], embedding.Weight.Select(0, 0).ToFloatArray());
        var looked = embedding.Forward(Tensor.FromArray([2L, 0L], [2]));
        Assert.Equal(embedding.Weight.Select(0, 2).ToFloatArray(), looked.Select(0, 0).ToFloatArray());
    }

    [Fact]
    public void Module_in_float64_passes_a_gradient_check_through_all_its_layers()
    {
        using var block = new Sequential(new Conv2d(2, 4, 3, padding: 1), new GroupNorm(2, 4), new SiLU(), new ConvTranspose2d(4, 2, 2, stride: 2), new LeakyReLU(0.1));
        block.To(ScalarType.Float64);
        Assert.All(block.Parameters(), p => Assert.Equal(ScalarType.Float64, p.DType));
        using var x = GradCheck.Random(3, [1, 2, 3, 3]);
        GradCheck.Check(t => block.Forward(t[0]), [x]);
    }

    [Fact]
    public void Moving_a_module_keeps_its_parameter_objects()
    {
        using var linear = new Linear(2, 2);
        var weight = linear.Weight;
        linear.To(ScalarType.Float64).To(Device.Cpu);
        Assert.Same(weight, linear.Weight);
        Assert.Equal(ScalarType.Float64, weight.DType);
        Assert.True(weight.RequiresGrad);
    }
}
