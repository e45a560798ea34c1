using System.Globalization;

namespace Edge.Torch.Optim;

/// <summary>
/// Updates parameters from their gradients. Its state (moments, step counts) is exposed by name so a
/// <see cref="Checkpoint"/> can save it and training can resume exactly. Owns its state tensors.
/// </summary>
public abstract class Optimizer : IDisposable
{
    private readonly List<ParameterGroup> groups;
    private bool disposed;

    protected Optimizer(IEnumerable<ParameterGroup> groups, double learningRate, double weightDecay)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentOutOfRangeException.ThrowIfNegative(learningRate);
        this.groups = groups.ToList();
        if (this.groups.Count == 0 || this.groups.All(g => g.Parameters.Count == 0))
        {
            throw new ArgumentException("the optimizer was given no parameters", nameof(groups));
        }
        foreach (var group in this.groups)
        {
            group.Initialise(learningRate, weightDecay);
        }
        var names = this.groups.SelectMany(g => g.Parameters).GroupBy(p => p.Key, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (names != null)
        {
            throw new ArgumentException($"parameter name '{names.Key}' appears twice; names key the optimizer state", nameof(groups));
        }
    }

    public IReadOnlyList<ParameterGroup> Groups => groups;

    /// <summary>How many times <see cref="Step"/> has run (what learning-rate schedules follow).</summary>
    public long StepCount { get; protected set; }

    /// <summary>Every parameter of every group, by name.</summary>
    public IEnumerable<KeyValuePair<string, Tensor>> NamedParameters() => groups.SelectMany(g => g.Parameters);

    /// <summary>Applies one update to every parameter that has a gradient.</summary>
    public abstract void Step();

    public void ZeroGrad(bool setToNone = true)
    {
        foreach (var (_, parameter) in NamedParameters())
        {
            parameter.ZeroGrad(setToNone);
        }
    }

    /// <summary>The optimizer's state tensors by name (saved by <see cref="Checkpoint"/>).</summary>
    public abstract IEnumerable<KeyValuePair<string, Tensor>> NamedState();

    /// <summary>Restores state saved from <see cref="NamedState"/> and <see cref="Settings"/>.</summary>
    public virtual void LoadState(IReadOnlyDictionary<string, Tensor> state, IReadOnlyDictionary<string, string> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        StepCount = long.Parse(Setting(settings, "step"), CultureInfo.InvariantCulture);
        for (var i = 0; i < groups.Count; i++)
        {
            groups[i].LearningRate = double.Parse(Setting(settings, $"group{i}.lr"), CultureInfo.InvariantCulture);
        }
    }

    /// <summary>Step count, per-group learning rates and hyper-parameters as strings (checkpoint metadata).</summary>
    public virtual IReadOnlyDictionary<string, string> Settings()
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["type"] = GetType().Name,
            ["step"] = StepCount.ToString(CultureInfo.InvariantCulture),
        };
        for (var i = 0; i < groups.Count; i++)
        {
            settings[$"group{i}.lr"] = groups[i].LearningRate.ToString("R", CultureInfo.InvariantCulture);
            settings[$"group{i}.weight_decay"] = groups[i].WeightDecay.ToString("R", CultureInfo.InvariantCulture);
        }
        return settings;
    }

    public void Dispose()
    {
        if (!disposed)
        {
            disposed = true;
            Dispose(true);
            GC.SuppressFinalize(this);
        }
    }

    protected abstract void Dispose(bool disposing);

    protected static string Setting(IReadOnlyDictionary<string, string> settings, string key) =>
        settings.TryGetValue(key, out var value) ? value : throw new InvalidDataException($"optimizer state lacks '{key}'");
}
