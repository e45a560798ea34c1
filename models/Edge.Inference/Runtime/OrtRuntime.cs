using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.ML.OnnxRuntime;

namespace Edge.Inference.Runtime;

/// <summary>
/// The process-wide ONNX Runtime environment, created once, with ORT's own log routed to Microsoft.Extensions.Logging
/// and its telemetry off. The first <see cref="Initialize"/> wins (ORT has one environment per process); later calls
/// return the same one.
/// </summary>
public static class OrtRuntime
{
    /// <summary>
    /// Read by ONNX Runtime when it starts: "1" keeps its telemetry (a device id and an event queue under
    /// <c>~/.cache/Microsoft/DeveloperTools/.onnxruntime/</c>, uploaded to Microsoft) from starting at all.
    /// <see cref="OrtEnv.DisableTelemetryEvents"/> alone comes too late: the files exist by then.
    /// </summary>
    public const string DisableTelemetryVariable = "ORT_DISABLE_TELEMETRY";

    private static readonly Lock Gate = new();
    private static ILogger _logger = NullLogger.Instance;
    private static DOrtLoggingFunction? _callback; // kept alive: ORT calls it from native threads

    public static bool IsInitialized { get; private set; }

    /// <summary>Configures the native library (see <see cref="OrtNativeLibrary"/>) and creates the environment.</summary>
    public static OrtEnv Initialize(ILogger? logger = null, string? nativeLibrary = null, LogLevel minimumLevel = LogLevel.Warning)
    {
        lock (Gate)
        {
            if (IsInitialized)
            {
                OrtNativeLibrary.Configure(nativeLibrary);
                return OrtEnv.Instance();
            }
            // Before the native library loads: a factory appliance sends nothing unasked, and no Edge tool wants it.
            Interop.Interop.Libc.Setenv(DisableTelemetryVariable, "1");
            OrtNativeLibrary.Configure(nativeLibrary);
            _logger = logger ?? NullLogger.Instance;
            if (OrtEnv.IsCreated)
            {
                // Something used ORT's managed API directly first and it made its default environment: adopt it,
                // since there can be only one; its log does not reach ours.
                IsInitialized = true;
                _logger.LogWarning("ONNX Runtime's environment was created outside Edge.Inference; its log is not routed to this logger and its telemetry may have started");
                OrtEnv.Instance().DisableTelemetryEvents();
                return OrtEnv.Instance();
            }
            _callback = Forward;
            var options = new EnvironmentCreationOptions
            {
                logId = "edge",
                logLevel = ToOrt(minimumLevel),
                loggingFunction = _callback,
            };
            try
            {
                var environment = OrtEnv.CreateInstanceWithOptions(ref options);
                environment.DisableTelemetryEvents();
                IsInitialized = true;
                _logger.LogInformation("ONNX Runtime {Version} loaded from {Library}; providers in this build: {Providers}",
                    environment.GetVersionString(), OrtNativeLibrary.ConfiguredPath ?? "the packaged library",
                    string.Join(", ", environment.GetAvailableProviders()));
                return environment;
            }
            catch (OnnxRuntimeException e)
            {
                throw InferenceException.From(e, "Creating the ONNX Runtime environment failed");
            }
        }
    }

    /// <summary>Execution providers compiled into the loaded ONNX Runtime, e.g. CPUExecutionProvider.</summary>
    public static IReadOnlyList<string> AvailableProviders => Initialize().GetAvailableProviders();

    /// <summary>Whether the loaded ONNX Runtime has <paramref name="provider"/> compiled in.</summary>
    public static bool IsAvailable(Sessions.ExecutionProvider provider) => AvailableProviders.Contains(Sessions.ProviderSelection.NativeName(provider));

    private static void Forward(IntPtr param, OrtLoggingLevel severity, string category, string logId, string codeLocation, string message) =>
        _logger.Log(ToMicrosoft(severity), "onnxruntime [{Category}] {Message}", category, message);

    private static LogLevel ToMicrosoft(OrtLoggingLevel level) => level switch
    {
        OrtLoggingLevel.ORT_LOGGING_LEVEL_VERBOSE => LogLevel.Trace,
        OrtLoggingLevel.ORT_LOGGING_LEVEL_INFO => LogLevel.Information,
        OrtLoggingLevel.ORT_LOGGING_LEVEL_WARNING => LogLevel.Warning,
        OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR => LogLevel.Error,
        _ => LogLevel.Critical,
    };

    private static OrtLoggingLevel ToOrt(LogLevel level) => level switch
    {
        LogLevel.Trace or LogLevel.Debug => OrtLoggingLevel.ORT_LOGGING_LEVEL_VERBOSE,
        LogLevel.Information => OrtLoggingLevel.ORT_LOGGING_LEVEL_INFO,
        LogLevel.Warning => OrtLoggingLevel.ORT_LOGGING_LEVEL_WARNING,
        LogLevel.Error => OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR,
        _ => OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL,
    };
}
