using Edge.Onnx;
using Microsoft.ML.OnnxRuntime;

namespace Edge.Inference.Sessions;

/// <summary>
/// Inputs and outputs of one session, bound once to pinned managed buffers, so that a steady loop of
/// "write inputs, <see cref="Run"/>, read outputs" allocates nothing. The buffers live on the pinned object heap for the
/// binding's whole life: spans from <see cref="Input{T}(string)"/> and <see cref="Output{T}(string)"/> stay valid
/// until <see cref="Dispose"/>, and an output span shows the latest run's values.
/// Not thread-safe: one binding per thread; the session behind it may be shared.
/// </summary>
public sealed class InferenceBinding : IDisposable
{
    private readonly ModelSession _session;
    private readonly OrtIoBinding _binding;
    private readonly RunOptions _runOptions = new();
    private readonly BoundTensor[] _inputs;
    private readonly BoundTensor[] _outputs;
    private readonly Dictionary<string, int> _inputIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _outputIndex = new(StringComparer.Ordinal);

    internal InferenceBinding(ModelSession session, long symbolicDimension)
    {
        _session = session;
        _binding = session.Native.CreateIoBinding();
        try
        {
            _inputs = session.Inputs.Select(d => new BoundTensor(d, d.Resolve(symbolicDimension))).ToArray();
            _outputs = session.Outputs.Select(d => new BoundTensor(d, d.Resolve(symbolicDimension))).ToArray();
            for (var i = 0; i < _inputs.Length; i++)
            {
                _binding.BindInput(_inputs[i].Description.Name, _inputs[i].Value);
                _inputIndex[_inputs[i].Description.Name] = i;
            }
            for (var i = 0; i < _outputs.Length; i++)
            {
                _binding.BindOutput(_outputs[i].Description.Name, _outputs[i].Value);
                _outputIndex[_outputs[i].Description.Name] = i;
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public Span<T> Input<T>(string name) where T : unmanaged => _inputs[IndexOf(_inputIndex, name, "input")].Span<T>();

    public Span<T> Input<T>(int index) where T : unmanaged => _inputs[index].Span<T>();

    public ReadOnlySpan<T> Output<T>(string name) where T : unmanaged => _outputs[IndexOf(_outputIndex, name, "output")].Span<T>();

    public ReadOnlySpan<T> Output<T>(int index) where T : unmanaged => _outputs[index].Span<T>();

    public IReadOnlyList<long> InputShape(string name) => _inputs[IndexOf(_inputIndex, name, "input")].Shape;

    public IReadOnlyList<long> OutputShape(string name) => _outputs[IndexOf(_outputIndex, name, "output")].Shape;

    /// <summary>Runs the model on the current input buffers; the outputs land in the output buffers.</summary>
    public void Run()
    {
        try
        {
            _session.Native.RunWithBinding(_runOptions, _binding);
        }
        catch (OnnxRuntimeException e)
        {
            throw InferenceException.From(e, $"Running '{_session.Path}' failed");
        }
    }

    public void Dispose()
    {
        _binding.Dispose();
        _runOptions.Dispose();
        foreach (var tensor in (_inputs ?? []).Concat(_outputs ?? []))
        {
            tensor.Dispose();
        }
    }

    private int IndexOf(Dictionary<string, int> index, string name, string kind) =>
        index.TryGetValue(name, out var i)
            ? i
            : throw new ArgumentException($"'{_session.Path}' has no {kind} named '{name}' (it has: {string.Join(", ", index.Keys)}).", nameof(name));

    /// <summary>One pinned buffer and the OrtValue that views it (the OrtValue holds the pin until disposed).</summary>
    private sealed class BoundTensor : IDisposable
    {
        private readonly Array _buffer;

        public BoundTensor(TensorDescription description, long[] shape)
        {
            Description = description;
            Shape = shape;
            var count = checked((int)shape.Aggregate(1L, (a, b) => a * b));
            (_buffer, Value) = description.ElementType switch
            {
                ElementType.Float => Make<float>(count, shape),
                ElementType.Int64 => Make<long>(count, shape),
                ElementType.Int32 => Make<int>(count, shape),
                ElementType.UInt8 => Make<byte>(count, shape),
                ElementType.Double => Make<double>(count, shape),
                ElementType.Bool => Make<bool>(count, shape),
                _ => throw new InferenceException(InferenceErrorCode.NotImplemented,
                    $"Tensor '{description.Name}' has element type {description.ElementType}, which bindings do not support."),
            };
        }

        public TensorDescription Description { get; }

        public long[] Shape { get; }

        public OrtValue Value { get; }

        public Span<T> Span<T>() where T : unmanaged => _buffer is T[] typed
            ? typed
            : throw new ArgumentException($"Tensor '{Description.Name}' holds {Description.ElementType}, not {typeof(T).Name}.");

        public void Dispose() => Value.Dispose();

        private static (Array, OrtValue) Make<T>(int count, long[] shape) where T : unmanaged
        {
            var buffer = GC.AllocateArray<T>(count, pinned: true);
            return (buffer, OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, buffer.AsMemory(), shape));
        }
    }
}
