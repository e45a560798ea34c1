using System.Diagnostics;

namespace Edge.Testing;

/// <summary>
/// A real Mosquitto broker (/usr/sbin/mosquitto) on a free loopback port with a generated configuration
/// (anonymous clients, persistence in a temp folder so that persistent client sessions survive a restart).
/// It can be stopped (SIGTERM: it saves its sessions) and started again on the same port.
/// </summary>
public sealed class MosquittoBroker : IDisposable
{
    public const string Program = "/usr/sbin/mosquitto";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(10);

    private readonly TempFolder _folder = new("edge-mosquitto-");
    private readonly string _configPath;
    private Process? _process;

    // "user" keeps mosquitto as the current user: started as root it would switch to "mosquitto" and then
    // fail to write its log and its persistence file in our temp folder.
    private MosquittoBroker(string listenerOptions, bool allowAnonymous)
    {
        Port = FreePort.Pick();
        _configPath = _folder.File("mosquitto.conf");
        File.WriteAllText(_configPath, $"""
            listener {Port} 127.0.0.1
            {listenerOptions}
            allow_anonymous {(allowAnonymous ? "true" : "false")}
            user {Environment.UserName}
            persistence true
            persistence_location {_folder.Path}/
            log_dest file {_folder.File("mosquitto.log")}
            log_type all
            """);
    }

    public int Port { get; }

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>The broker's own log, for failure messages.</summary>
    public string Log => File.Exists(_folder.File("mosquitto.log")) ? File.ReadAllText(_folder.File("mosquitto.log")) : "";

    /// <param name="listenerOptions">mosquitto.conf lines for the listener (cafile, certfile, require_certificate ...).</param>
    /// <param name="allowAnonymous">False to require a user name (with a password_file in the options).</param>
    public static MosquittoBroker Start(string listenerOptions = "", bool allowAnonymous = true)
    {
        if (!File.Exists(Program))
        {
            throw new InvalidOperationException($"{Program} is missing: apt-get install mosquitto (or run make setup).");
        }
        var broker = new MosquittoBroker(listenerOptions, allowAnonymous);
        try
        {
            broker.StartAgain();
        }
        catch
        {
            broker.Dispose();
            throw;
        }
        return broker;
    }

    /// <summary>Starts the broker (again) on the same port and waits until it accepts connections.</summary>
    public void StartAgain()
    {
        if (IsRunning)
        {
            throw new InvalidOperationException("The broker is already running.");
        }
        _process?.Dispose();
        var start = new ProcessStartInfo(Program) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(_configPath);
        _process = Process.Start(start) ?? throw new InvalidOperationException("mosquitto did not start.");
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
        var deadline = Stopwatch.StartNew();
        while (!FreePort.IsListening(Port))
        {
            if (_process.HasExited || deadline.Elapsed > StartTimeout)
            {
                throw new InvalidOperationException($"mosquitto did not listen on {Port}: {Log}");
            }
            Thread.Sleep(20);
        }
    }

    /// <summary>Stops the broker with SIGTERM (it saves persistent sessions) and waits for it to exit.</summary>
    public void Stop()
    {
        if (_process is not { HasExited: false } process)
        {
            return;
        }
        ExternalTool.Run("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        if (!process.WaitForExit(TimeSpan.FromSeconds(10)))
        {
            process.Kill();
            process.WaitForExit();
        }
    }

    /// <summary>
    /// Subscribes with <c>mosquitto_sub</c>. A persistent subscription (clean session off, QoS 1) is registered
    /// before this returns, so it receives every message published afterwards, across broker restarts.
    /// </summary>
    public MosquittoSubscription Subscribe(string topicFilter, bool persistent = true) =>
        MosquittoSubscription.Start(Port, topicFilter, persistent);

    public void Dispose()
    {
        try
        {
            if (_process is { HasExited: false })
            {
                _process.Kill();
                _process.WaitForExit();
            }
        }
        finally
        {
            _process?.Dispose();
            _folder.Dispose();
        }
    }
}
