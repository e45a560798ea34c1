using System.Globalization;
using Edge.Torch.Native;

namespace Edge.Torch.Optim;

/// <summary>
/// Adam (torch.optim.Adam, no amsgrad): weight decay adds decay · p to the gradient. The update runs in
/// one native call per group and step. State is created for a parameter the first time it has a gradient.
/// </summary>
public class Adam : Optimizer
{
    private readonly Dictionary<string, AdamState> states = new(StringComparer.Ordinal);

    public Adam(IEnumerable<KeyValuePair<string, Tensor>> parameters, double learningRate = 1e-3, double beta1 = 0.9, double beta2 = 0.999,
        double eps = 1e-8, double weightDecay = 0)
        : this([new ParameterGroup(parameters)], learningRate, beta1, beta2, eps, weightDecay)
    {
    }

    public Adam(IEnumerable<ParameterGroup> groups, double learningRate = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8,
        double weightDecay = 0)
        : base(groups, learningRate, weightDecay)
    {
        if (beta1 is < 0 or >= 1 || beta2 is < 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(beta1), $"betas must be in [0, 1), got {beta1} and {beta2}");
        }
        Beta1 = beta1;
        Beta2 = beta2;
        Eps = eps;
    }

    public double Beta1 { get; }

    public double Beta2 { get; }

    public double Eps { get; }

    /// <summary>True for AdamW: decay multiplies the weights by (1 - lr · decay) instead of entering the gradient.</summary>
    protected virtual bool DecoupledWeightDecay => false;

    public override unsafe void Step()
    {
        foreach (var group in Groups)
        {
            // Parameters are updated in batches of equal step count (usually one batch).
            var batches = new SortedDictionary<long, List<(Tensor Parameter, AdamState State)>>();
            foreach (var (name, parameter) in group.Parameters)
            {
                if (!parameter.HasGrad)
                {
                    continue;
                }
                var state = StateFor(name, parameter);
                state.Step++;
                if (!batches.TryGetValue(state.Step, out var batch))
                {
                    batches[state.Step] = batch = [];
                }
                batch.Add((parameter, state));
            }
            foreach (var (step, batch) in batches)
            {
                using var parameters = new PinnedHandles(batch.Select(b => b.Parameter).ToList());
                using var expAvgs = new PinnedHandles(batch.Select(b => b.State.ExpAvg).ToList());
                using var expAvgSqs = new PinnedHandles(batch.Select(b => b.State.ExpAvgSq).ToList());
                fixed (nint* p = parameters.Pointers)
                fixed (nint* m = expAvgs.Pointers)
                fixed (nint* v = expAvgSqs.Pointers)
                {
                    NativeResult.Check(Interop.Shim.edge_adam_step(p, m, v, batch.Count, step, group.LearningRate, Beta1, Beta2, Eps,
                        group.WeightDecay, DecoupledWeightDecay ? 1 : 0));
                }
            }
        }
        StepCount++;
    }

    public override IEnumerable<KeyValuePair<string, Tensor>> NamedState()
    {
        foreach (var (name, _) in NamedParameters())
        {
            if (states.TryGetValue(name, out var state))
            {
                yield return new($"exp_avg/{name}", state.ExpAvg);
                yield return new($"exp_avg_sq/{name}", state.ExpAvgSq);
            }
        }
    }

    public override IReadOnlyDictionary<string, string> Settings()
    {
        var settings = new Dictionary<string, string>(base.Settings(), StringComparer.Ordinal)
        {
            ["beta1"] = Beta1.ToString("R", CultureInfo.InvariantCulture),
            ["beta2"] = Beta2.ToString("R", CultureInfo.InvariantCulture),
            ["eps"] = Eps.ToString("R", CultureInfo.InvariantCulture),
        };
        foreach (var (name, state) in states)
        {
            settings[$"param_step/{name}"] = state.Step.ToString(CultureInfo.InvariantCulture);
        }
        return settings;
    }

    public override void LoadState(IReadOnlyDictionary<string, Tensor> state, IReadOnlyDictionary<string, string> settings)
    {
        ArgumentNullException.ThrowIfNull(state);
        base.LoadState(state, settings);
        ClearStates();
        foreach (var (name, parameter) in NamedParameters())
        {
            var hasAvg = state.TryGetValue($"exp_avg/{name}", out var expAvg);
            var hasAvgSq = state.TryGetValue($"exp_avg_sq/{name}", out var expAvgSq);
            if (!hasAvg && !hasAvgSq)
            {
                continue;
            }
            if (!hasAvg || !hasAvgSq || !expAvg!.Shape.SequenceEqual(parameter.Shape) || !expAvgSq!.Shape.SequenceEqual(parameter.Shape))
            {
                throw new InvalidDataException($"optimizer state for '{name}' is incomplete or does not match the parameter's shape");
            }
            var step = long.Parse(Setting(settings, $"param_step/{name}"), CultureInfo.InvariantCulture);
            using var noGrad = LibTorch.NoGrad();
            states[name] = new AdamState(expAvg.To(parameter.DType, parameter.Device), expAvgSq.To(parameter.DType, parameter.Device), step);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            ClearStates();
        }
    }

    private AdamState StateFor(string name, Tensor parameter)
    {
        if (!states.TryGetValue(name, out var state))
        {
            using var noGrad = LibTorch.NoGrad();
            state = new AdamState(parameter.ZerosLike(), parameter.ZerosLike(), 0);
            states[name] = state;
        }
        return state;
    }

    private void ClearStates()
    {
        foreach (var state in states.Values)
        {
            state.Dispose();
        }
        states.Clear();
    }
}
