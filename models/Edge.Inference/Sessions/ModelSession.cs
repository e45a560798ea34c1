using Edge.Inference.Runtime;
using Edge.Onnx;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Edge.Inference.Sessions;

/// <summary>
/// One loaded model on the chosen execution provider. Thread-safe: several threads may run it at once, each
/// through its own <see cref="InferenceBinding"/> (a binding is not shared between threads).
/// </summary>
public sealed class ModelSession : IDisposable
{
    private readonly InferenceSession _session;

    private ModelSession(InferenceSession session, string path, ExecutionProvider provider, SessionSettings settings)
    {
        _session = session;
        Path = path;
        Provider = provider;
        Settings = settings;
        Inputs = session.InputMetadata.Select(m => Describe(m.Key, m.Value)).ToList();
        Outputs = session.OutputMetadata.Select(m => Describe(m.Key, m.Value)).ToList();
    }

    public string Path { get; }

    /// <summary>The execution provider the session runs on (the first available of the configured ones).</summary>
    public ExecutionProvider Provider { get; }

    public SessionSettings Settings { get; }

    public IReadOnlyList<TensorDescription> Inputs { get; }

    public IReadOnlyList<TensorDescription> Outputs { get; }

    internal InferenceSession Native => _session;

    /// <summary>Loads <paramref name="path"/>; a missing or invalid file gives an <see cref="InferenceException"/> with ORT's message.</summary>
    public static ModelSession Open(string path, SessionSettings? settings = null, ILogger? logger = null)
    {
        settings ??= new SessionSettings();
        settings.Validate();
        logger ??= NullLogger.Instance;
        if (!File.Exists(path))
        {
            throw new InferenceException(InferenceErrorCode.NoSuchFile, $"The model file '{path}' does not exist.");
        }
        var environment = OrtRuntime.Initialize(logger);
        using var options = new SessionOptions
        {
            IntraOpNumThreads = settings.IntraOpThreads,
            InterOpNumThreads = settings.InterOpThreads,
            GraphOptimizationLevel = settings.Optimization,
        };
        if (settings.OptimizedModelPath is { } optimized)
        {
            options.OptimizedModelFilePath = optimized;
        }
        var provider = ProviderSelection.Apply(options, settings, environment.GetAvailableProviders(), logger);
        InferenceSession native;
        try
        {
            native = new InferenceSession(path, options);
        }
        catch (OnnxRuntimeException e)
        {
            throw InferenceException.From(e, $"Loading the model '{path}' failed");
        }
        ModelSession? session = null;
        try
        {
            session = new ModelSession(native, path, provider, settings);
            logger.LogInformation("Loaded {Model} on {Provider}: inputs {Inputs}; outputs {Outputs}",
                path, provider, string.Join("; ", session.Inputs), string.Join("; ", session.Outputs));
            if (settings.WarmUp)
            {
                using var binding = session.CreateBinding();
                binding.Run();
            }
            return session;
        }
        catch
        {
            // Half-built: release what was taken before passing the error on.
            if (session is not null)
            {
                session.Dispose();
            }
            else
            {
                native.Dispose();
            }
            throw;
        }
    }

    /// <summary>A binding with its own pinned input and output buffers; symbolic dimensions take <paramref name="symbolicDimension"/>.</summary>
    public InferenceBinding CreateBinding(long? symbolicDimension = null) =>
        new(this, symbolicDimension ?? Settings.SymbolicDimension);

    public void Dispose() => _session.Dispose();

    private static TensorDescription Describe(string name, NodeMetadata metadata)
    {
        var symbols = metadata.SymbolicDimensions ?? [];
        var shape = metadata.Dimensions.Select(d => (long)d).ToArray();
        return new TensorDescription(name, ToElementType(metadata.ElementDataType), shape,
            shape.Select((_, i) => i < symbols.Length && !string.IsNullOrEmpty(symbols[i]) ? symbols[i] : null).ToArray());
    }

    private static ElementType ToElementType(TensorElementType type) => type switch
    {
        TensorElementType.Float => ElementType.Float,
        TensorElementType.Int64 => ElementType.Int64,
        TensorElementType.Int32 => ElementType.Int32,
        TensorElementType.UInt8 => ElementType.UInt8,
        TensorElementType.Int8 => ElementType.Int8,
        TensorElementType.Bool => ElementType.Bool,
        TensorElementType.Float16 => ElementType.Float16,
        TensorElementType.Double => ElementType.Double,
        _ => ElementType.Undefined,
    };
}
