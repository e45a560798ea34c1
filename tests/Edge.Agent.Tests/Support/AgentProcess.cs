using System.Diagnostics;
using System.Globalization;
using Edge.Testing;

namespace Edge.Agent.Tests.Support;

/// <summary>
/// The built agent (edge-agent.dll, copied next to the tests) run as a real process with <c>dotnet</c>,
/// its output collected line by line; stopped with a real SIGTERM or killed with SIGKILL.
/// </summary>
public sealed class AgentProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];
    private readonly List<string> _errors = [];
    private readonly Lock _gate = new();

    private AgentProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Collect(_output, e.Data);
        _process.ErrorDataReceived += (_, e) => Collect(_errors, e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public static string AgentDll => Path.Combine(AppContext.BaseDirectory, "edge-agent.dll");

    public int Id => _process.Id;

    public IReadOnlyList<string> Output => Snapshot(_output);

    public IReadOnlyList<string> Errors => Snapshot(_errors);

    public static AgentProcess Start(IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(AgentDll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        // The test runner's own systemd variables must not leak into the agent.
        foreach (var name in new[] { "NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID", "JOURNAL_STREAM" })
        {
            start.Environment.Remove(name);
        }
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        return new AgentProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start."));
    }

    /// <summary>Runs the agent to completion; returns exit code, stdout and stderr.</summary>
    public static (int ExitCode, string Output, string Errors) Run(params string[] arguments)
    {
        using var agent = Start(arguments);
        var code = agent.WaitForExit(TimeSpan.FromSeconds(60));
        return (code, string.Join("\n", agent.Output), string.Join("\n", agent.Errors));
    }

    /// <summary>Sends SIGTERM, as systemd does on stop.</summary>
    public void Terminate() => ExternalTool.Run("kill", ["-TERM", Id.ToString(CultureInfo.InvariantCulture)]);

    /// <summary>SIGKILL: the agent gets no chance to clean up (a crash, the OOM killer, a power cut of the process).</summary>
    public void KillHard()
    {
        _process.Kill();
        _process.WaitForExit();
    }

    public bool HasExited => _process.HasExited;

    public int WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
        {
            _process.Kill();
            throw new TimeoutException($"edge-agent did not exit in {timeout.TotalSeconds} s; stderr:\n{string.Join("\n", Errors)}");
        }
        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>Waits for a line of stdout that satisfies <paramref name="match"/> to have been printed (any number of times).</summary>
    public IReadOnlyList<string> WaitForOutput(Func<IReadOnlyList<string>, bool> done, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!done(Output))
        {
            if (clock.Elapsed > timeout || _process.HasExited)
            {
                Thread.Sleep(100);
                if (done(Output))
                {
                    break;
                }
                throw new TimeoutException($"edge-agent output not as expected; stdout:\n{string.Join("\n", Output)}\nstderr:\n{string.Join("\n", Errors)}");
            }
            Thread.Sleep(20);
        }
        return Output;
    }

    /// <summary>
    /// Waits until each of <paramref name="agents"/> could have said "online" on <paramref name="status"/>. One that exits
    /// first fails the wait with its log: a refused start says why there in one line, while the broker only sees no one connect.
    /// </summary>
    public static void WaitOnline(MosquittoSubscription status, TimeSpan timeout, params AgentProcess[] agents)
    {
        ArgumentNullException.ThrowIfNull(status);
        bool AllOnline(IReadOnlyList<MosquittoMessage> messages) => messages.Count(m => m.Payload == "online") >= agents.Length;
        var messages = status.WaitUntil(m => AllOnline(m) || agents.Any(a => a.HasExited), timeout);
        if (!AllOnline(messages) && agents.FirstOrDefault(a => a.HasExited) is { } exited)
        {
            throw new InvalidOperationException(
                $"edge-agent exited with {exited.WaitForExit(TimeSpan.Zero)} before it was online; stderr:\n{string.Join("\n", exited.Errors.TakeLast(30))}");
        }
    }

    /// <summary>Waits for the agent's stderr (its log) to satisfy <paramref name="done"/>.</summary>
    public IReadOnlyList<string> WaitForErrors(Func<IReadOnlyList<string>, bool> done, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!done(Errors))
        {
            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"edge-agent log not as expected:\n{string.Join("\n", Errors)}");
            }
            Thread.Sleep(20);
        }
        return Errors;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }
        _process.Dispose();
    }

    private void Collect(List<string> lines, string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_gate)
        {
            lines.Add(line);
        }
    }

    private IReadOnlyList<string> Snapshot(List<string> lines)
    {
        lock (_gate)
        {
            return lines.ToList();
        }
    }
}
