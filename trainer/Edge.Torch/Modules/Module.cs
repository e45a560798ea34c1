using Edge.Torch.Serialization;

namespace Edge.Torch.Modules;

/// <summary>
/// A trainable component: named parameters, named buffers (state that is saved but not trained, such as
/// running statistics) and named submodules, with a train/eval mode. Names join with dots
/// ("encoder.conv1.weight") exactly as PyTorch's state_dict keys, so weights can be exported or compared
/// by name. A module owns its tensors: disposing it disposes them.
/// </summary>
public abstract class Module : IDisposable
{
    private readonly List<KeyValuePair<string, Tensor>> parameters = [];
    private readonly List<KeyValuePair<string, Tensor>> buffers = [];
    private readonly List<KeyValuePair<string, Module>> children = [];
    private bool disposed;

    /// <summary>Whether the module is in training mode (dropout active, batch statistics used and updated).</summary>
    public bool IsTraining { get; private set; } = true;

    /// <summary>Parameters of this module and, with <paramref name="recurse"/>, of all submodules, in registration order.</summary>
    public IEnumerable<KeyValuePair<string, Tensor>> NamedParameters(bool recurse = true) => Named(m => m.parameters, recurse);

    public IEnumerable<KeyValuePair<string, Tensor>> NamedBuffers(bool recurse = true) => Named(m => m.buffers, recurse);

    public IReadOnlyList<Tensor> Parameters() => NamedParameters().Select(p => p.Value).ToList();

    /// <summary>Direct submodules.</summary>
    public IEnumerable<KeyValuePair<string, Module>> NamedChildren() => children;

    /// <summary>This module (named "") and every submodule, depth first.</summary>
    public IEnumerable<KeyValuePair<string, Module>> NamedModules()
    {
        yield return new(string.Empty, this);
        foreach (var (name, child) in children)
        {
            foreach (var (inner, module) in child.NamedModules())
            {
                yield return new(Join(name, inner), module);
            }
        }
    }

    /// <summary>Parameters then buffers, with their full names: what <see cref="Save"/> writes.</summary>
    public IEnumerable<KeyValuePair<string, Tensor>> NamedState() => NamedParameters().Concat(NamedBuffers());

    /// <summary>Number of parameter elements (only those that require grad with <paramref name="trainableOnly"/>).</summary>
    public long ParameterCount(bool trainableOnly = false) =>
        NamedParameters().Where(p => !trainableOnly || p.Value.RequiresGrad).Sum(p => p.Value.NumElements);

    /// <summary>Sets training mode on this module and every submodule.</summary>
    public Module Train(bool training = true)
    {
        foreach (var (_, module) in NamedModules())
        {
            module.IsTraining = training;
        }
        return this;
    }

    public Module Eval() => Train(false);

    /// <summary>Drops (or zeroes) the gradients of every parameter.</summary>
    public void ZeroGrad(bool setToNone = true)
    {
        foreach (var (_, parameter) in NamedParameters())
        {
            parameter.ZeroGrad(setToNone);
        }
    }

    /// <summary>Moves every parameter and buffer to <paramref name="device"/>, keeping their identity (optimizers stay valid).</summary>
    public Module To(Device device) => Convert(t => t.To(device), _ => true);

    /// <summary>Converts the floating-point parameters and buffers to <paramref name="type"/> (e.g. float64 for gradient checks).</summary>
    public Module To(ScalarType type)
    {
        if (!type.IsFloatingPoint())
        {
            throw new ArgumentException($"modules convert to floating-point types only, not {type}", nameof(type));
        }
        return Convert(t => t.To(type), t => t.DType.IsFloatingPoint());
    }

    /// <summary>
    /// Copies values from <paramref name="state"/> into this module's parameters and buffers by name.
    /// Shapes and dtypes must match exactly. With <paramref name="strict"/>, missing and unexpected names are errors.
    /// </summary>
    public void LoadState(IReadOnlyDictionary<string, Tensor> state, bool strict = true)
    {
        ArgumentNullException.ThrowIfNull(state);
        var own = NamedState().ToList();
        if (strict)
        {
            var missing = own.Select(p => p.Key).Where(k => !state.ContainsKey(k)).ToList();
            var unexpected = state.Keys.Except(own.Select(p => p.Key)).ToList();
            if (missing.Count > 0 || unexpected.Count > 0)
            {
                throw new InvalidDataException(
                    $"state does not match the module: missing [{string.Join(", ", missing)}], unexpected [{string.Join(", ", unexpected)}]");
            }
        }
        using var noGrad = LibTorch.NoGrad();
        foreach (var (name, target) in own)
        {
            if (!state.TryGetValue(name, out var source))
            {
                continue;
            }
            if (!source.Shape.SequenceEqual(target.Shape) || source.DType != target.DType)
            {
                throw new InvalidDataException(
                    $"'{name}': the state has {source.DType} [{string.Join(", ", source.Shape)}], the module {target.DType} [{string.Join(", ", target.Shape)}]");
            }
            target.CopyFromInPlace(source);
        }
    }

    /// <summary>Writes parameters and buffers to a state file (safetensors layout, see Serialization/STATE_FORMAT.md).</summary>
    public void Save(string path, IReadOnlyDictionary<string, string>? metadata = null) => StateFile.Write(path, NamedState(), metadata);

    /// <summary>Reads a state file written by <see cref="Save"/> into this module (see <see cref="LoadState"/>).</summary>
    public void Load(string path, bool strict = true)
    {
        using var contents = StateFile.Read(path);
        LoadState(contents.Tensors, strict);
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Registers a trainable tensor under <paramref name="name"/>; the module takes ownership.</summary>
    protected Tensor RegisterParameter(string name, Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        CheckName(name);
        tensor.DetachFromDisposeScope();
        if (!tensor.RequiresGrad)
        {
            tensor.RequiresGrad = true;
        }
        parameters.Add(new(name, tensor));
        return tensor;
    }

    /// <summary>Registers saved, untrained state under <paramref name="name"/>; the module takes ownership.</summary>
    protected Tensor RegisterBuffer(string name, Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        CheckName(name);
        tensor.DetachFromDisposeScope();
        buffers.Add(new(name, tensor));
        return tensor;
    }

    protected T RegisterModule<T>(string name, T module)
        where T : Module
    {
        ArgumentNullException.ThrowIfNull(module);
        CheckName(name);
        children.Add(new(name, module));
        return module;
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposed || !disposing)
        {
            return;
        }
        disposed = true;
        foreach (var (_, tensor) in parameters.Concat(buffers))
        {
            tensor.Dispose();
        }
        foreach (var (_, child) in children)
        {
            child.Dispose();
        }
    }

    private static string Join(string prefix, string name) => prefix.Length == 0 ? name : name.Length == 0 ? prefix : $"{prefix}.{name}";

    private IEnumerable<KeyValuePair<string, Tensor>> Named(Func<Module, List<KeyValuePair<string, Tensor>>> select, bool recurse)
    {
        foreach (var (prefix, module) in recurse ? NamedModules() : [new(string.Empty, this)])
        {
            foreach (var (name, tensor) in select(module))
            {
                yield return new(Join(prefix, name), tensor);
            }
        }
    }

    private void CheckName(string name)
    {
        if (string.IsNullOrEmpty(name) || name.Contains('.', StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{name}' is not a valid name (non-empty, no dots)", nameof(name));
        }
        if (parameters.Any(p => p.Key == name) || buffers.Any(b => b.Key == name) || children.Any(c => c.Key == name))
        {
            throw new ArgumentException($"'{name}' is already registered on {GetType().Name}", nameof(name));
        }
    }

    private Module Convert(Func<Tensor, Tensor> convert, Func<Tensor, bool> applies)
    {
        using var noGrad = LibTorch.NoGrad();
        foreach (var (_, tensor) in NamedState())
        {
            if (!applies(tensor))
            {
                continue;
            }
            tensor.ZeroGrad();
            using var converted = convert(tensor);
            tensor.SetData(converted);
        }
        return this;
    }
}
