using Edge.Torch;
using Edge.Torch.Optim;
using Edge.Torch.Optim.Schedules;

namespace Edge.Torch.Tests;

public class OptimizerTests
{
    private static KeyValuePair<string, Tensor> Named(string name, Tensor tensor) => new(name, tensor);

    private static readonly double[] Start = [1.0, -2.0, 0.5];

    // Gradients fed at steps 1..4 through loss = sum(g * p).
    private static readonly double[][] Gradients = [[0.3, -1.0, 2.0], [0.1, 0.5, -0.4], [-0.2, 0.2, 0.0], [1.5, -0.7, 0.3]];

    /// <summary>Adam / AdamW written out in doubles, following the algorithm in torch.optim's documentation.</summary>
    private static double[] ReferenceAdam(double lr, double beta1, double beta2, double eps, double decay, bool decoupled)
    {
        var p = (double[])Start.Clone();
        var m = new double[p.Length];
        var v = new double[p.Length];
        for (var t = 1; t <= Gradients.Length; t++)
        {
            for (var i = 0; i < p.Length; i++)
            {
                var g = Gradients[t - 1][i];
                if (decoupled)
                {
                    p[i] *= 1 - lr * decay;
                }
                else
                {
                    g += decay * p[i];
                }
                m[i] = beta1 * m[i] + (1 - beta1) * g;
                v[i] = beta2 * v[i] + (1 - beta2) * g * g;
                var mHat = m[i] / (1 - Math.Pow(beta1, t));
                var vHat = v[i] / (1 - Math.Pow(beta2, t));
                p[i] -= lr * mHat / (Math.Sqrt(vHat) + eps);
            }
        }
        return p;
    }

    private static double[] RunOptimizer(Func<Tensor, Optimizer> create)
    {
        using var parameter = Tensor.FromArray(Start, [3], requiresGrad: true);
        using var optimizer = create(parameter);
        foreach (var gradient in Gradients)
        {
            using var scope = LibTorch.NewDisposeScope();
            optimizer.ZeroGrad();
            (parameter * Tensor.FromArray(gradient, [3])).Sum().Backward();
            optimizer.Step();
        }
        Assert.Equal(Gradients.Length, optimizer.StepCount);
        return parameter.ToDoubleArray();
    }

    [Fact]
    public void Adam_matches_the_reference_algorithm()
    {
        var actual = RunOptimizer(p => new Adam([Named("p", p)], learningRate: 0.1));
        Expect.Close(ReferenceAdam(0.1, 0.9, 0.999, 1e-8, 0, decoupled: false), actual, 1e-12);
    }

    [Fact]
    public void Adam_with_weight_decay_adds_it_to_the_gradient()
    {
        var actual = RunOptimizer(p => new Adam([Named("p", p)], learningRate: 0.05, beta1: 0.8, beta2: 0.99, weightDecay: 0.3));
        Expect.Close(ReferenceAdam(0.05, 0.8, 0.99, 1e-8, 0.3, decoupled: false), actual, 1e-12);
    }

    [Fact]
    public void AdamW_decays_the_weights_directly()
    {
        var actual = RunOptimizer(p => new AdamW([Named("p", p)], learningRate: 0.05, weightDecay: 0.3));
        Expect.Close(ReferenceAdam(0.05, 0.9, 0.999, 1e-8, 0.3, decoupled: true), actual, 1e-12);
        Assert.NotEqual(ReferenceAdam(0.05, 0.9, 0.999, 1e-8, 0.3, decoupled: false)[0], actual[0], 6);
    }

    [Fact]
    public void Parameter_groups_use_their_own_learning_rate_and_decay()
    {
        using var scope = LibTorch.NewDisposeScope();
        var a = Tensor.FromArray([1.0], [1], requiresGrad: true);
        var b = Tensor.FromArray([1.0], [1], requiresGrad: true);
        using var optimizer = new AdamW([new ParameterGroup([Named("a", a)]), new ParameterGroup([Named("b", b)], learningRate: 0.01, weightDecay: 0)],
            learningRate: 0.1, weightDecay: 0.5);
        (a * 2 + b * 2).Sum().Backward();
        optimizer.Step();
        // First Adam step moves by lr (m̂ / √v̂ = 1); AdamW first scales by 1 - lr · decay.
        Expect.Close(1 * (1 - 0.1 * 0.5) - 0.1, a.Item(), 1e-7);
        Expect.Close(1 - 0.01, b.Item(), 1e-7);
    }

    [Fact]
    public void Parameters_without_gradient_are_left_alone_and_start_their_own_step_count_later()
    {
        using var scope = LibTorch.NewDisposeScope();
        var a = Tensor.FromArray([1.0], [1], requiresGrad: true);
        var b = Tensor.FromArray([1.0], [1], requiresGrad: true);
        using var optimizer = new Adam([Named("a", a), Named("b", b)], learningRate: 0.1);
        (a * 3).Sum().Backward();
        optimizer.Step();
        Assert.Equal(1.0, b.Item());
        optimizer.ZeroGrad();
        (b * 3).Sum().Backward();
        optimizer.Step();
        // b's first update is a first Adam step (bias-corrected as step 1): exactly lr.
        Expect.Close(0.9, b.Item(), 1e-7);
        Assert.Equal(["exp_avg/a", "exp_avg_sq/a", "exp_avg/b", "exp_avg_sq/b"], optimizer.NamedState().Select(s => s.Key));
    }

    [Fact]
    public void Gradient_clipping_scales_all_gradients_to_the_maximum_norm()
    {
        using var scope = LibTorch.NewDisposeScope();
        var a = Tensor.FromArray([0.0, 0.0], [2], requiresGrad: true);
        var b = Tensor.FromArray([0.0], [1], requiresGrad: true);
        (a * Tensor.FromArray([3.0, 0.0], [2])).Sum().Backward();
        (b * 4.0).Sum().Backward();
        var norm = GradientClipping.ClipByNorm([a, b], 1.0);
        Expect.Close(5.0, norm, 1e-12);
        Expect.Close([0.6, 0.0], a.Grad!.ToDoubleArray(), 1e-6);
        Expect.Close([0.8], b.Grad!.ToDoubleArray(), 1e-6);
        var unchanged = GradientClipping.ClipByNorm([a, b], 10.0);
        Expect.Close(1.0, unchanged, 1e-6);
        Expect.Close([0.8], b.Grad!.ToDoubleArray(), 1e-6);
    }

    [Fact]
    public void Warmup_cosine_schedule_rises_linearly_then_follows_a_half_cosine()
    {
        var schedule = new WarmupCosineSchedule(warmupSteps: 4, totalSteps: 14, minFactor: 0.1);
        Expect.Close([0.25, 0.5, 0.75, 1.0], Enumerable.Range(0, 4).Select(s => schedule.Factor(s)).ToArray(), 1e-12);
        Expect.Close(1.0, schedule.Factor(4), 1e-12);
        Expect.Close(0.1 + 0.9 * 0.5, schedule.Factor(9), 1e-12);
        Expect.Close(0.1, schedule.Factor(14), 1e-12);
        Expect.Close(0.1, schedule.Factor(100), 1e-12);
    }

    [Fact]
    public void Linear_and_constant_schedules_follow_their_lines()
    {
        var linear = new WarmupLinearSchedule(warmupSteps: 2, totalSteps: 12, endFactor: 0);
        Expect.Close([0.5, 1.0, 1.0, 0.5, 0.0, 0.0], new long[] { 0, 1, 2, 7, 12, 20 }.Select(linear.Factor).ToArray(), 1e-12);
        var constant = new WarmupConstantSchedule(3);
        Expect.Close([1 / 3.0, 2 / 3.0, 1.0, 1.0], new long[] { 0, 1, 2, 50 }.Select(constant.Factor).ToArray(), 1e-12);
    }

    [Fact]
    public void Scheduler_sets_group_learning_rates_from_the_step_count()
    {
        using var scope = LibTorch.NewDisposeScope();
        var p = Tensor.FromArray([1.0], [1], requiresGrad: true);
        using var optimizer = new Adam([Named("p", p)], learningRate: 0.2);
        var scheduler = new LearningRateScheduler(optimizer, new WarmupConstantSchedule(4));
        Assert.Equal(0.25, scheduler.Apply());
        Expect.Close(0.05, optimizer.Groups[0].LearningRate, 1e-12);
        (p * 2).Sum().Backward();
        optimizer.Step();
        Expect.Close(1 - 0.05, p.Item(), 1e-7);
        scheduler.Apply();
        Expect.Close(0.1, optimizer.Groups[0].LearningRate, 1e-12);
        Assert.Equal(0.2, optimizer.Groups[0].InitialLearningRate);
    }

    [Fact]
    public void Duplicate_parameter_names_are_refused()
    {
        using var scope = LibTorch.NewDisposeScope();
        var p = Tensor.Zeros([1], requiresGrad: true);
        var error = Assert.Throws<ArgumentException>(() => new Adam([Named("w", p), Named("w", p)]));
        Assert.Contains("'w'", error.Message, StringComparison.Ordinal);
    }
}
