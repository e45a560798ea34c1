using System.Diagnostics;
using System.Globalization;
using Edge.Testing;

namespace Edge.Benchmarks.Soak;

/// <summary>
/// The real agent process (the <c>edge-agent.dll</c> built beside the benchmarks) on the soak's config, its log
/// written to <c>agent.log</c>; its memory read from <c>/proc/&lt;pid&gt;/status</c> and its <c>/metrics</c>.
/// </summary>
internal sealed class SoakAgent : IDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly HttpClient _http;

    private SoakAgent(Process process, StreamWriter log, int httpPort)
    {
        _process = process;
        _log = log;
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}"), Timeout = TimeSpan.FromSeconds(10) };
    }

    public static SoakAgent Start(string config, string logPath, int httpPort)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "edge-agent.dll"));
        foreach (var argument in new[] { "run", "--config", config })
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var name in new[] { "NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID", "JOURNAL_STREAM" })
        {
            start.Environment.Remove(name);
        }
        var log = new StreamWriter(logPath) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start the agent");
        void Write(string? line)
        {
            if (line is not null)
            {
                lock (log)
                {
                    log.WriteLine(line);
                }
            }
        }
        process.OutputDataReceived += (_, e) => Write(e.Data);
        process.ErrorDataReceived += (_, e) => Write(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new SoakAgent(process, log, httpPort);
    }

    public bool HasExited => _process.HasExited;

    /// <summary>
    /// From <c>/proc/&lt;pid&gt;/status</c>, in bytes: the resident set (VmRSS, what the kernel counts, native allocations
    /// included) and its anonymous part (RssAnon: heaps, arenas; the rest is mapped files such as the libraries' code,
    /// which grows while more of it is first used and is no leak).
    /// </summary>
    public (long Resident, long Anonymous) ResidentBytes()
    {
        var status = File.ReadLines($"/proc/{_process.Id}/status").ToList();
        long Field(string name)
        {
            var line = status.First(l => l.StartsWith(name + ":", StringComparison.Ordinal));
            return long.Parse(line[(name.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
        }
        return (Field("VmRSS"), Field("RssAnon"));
    }

    /// <summary>The samples of <c>/metrics</c> by name with labels (<c>edge_camera_frames_total{camera="line1"}</c>); empty while it does not answer.</summary>
    public IReadOnlyDictionary<string, double> Metrics()
    {
        try
        {
            var text = _http.GetStringAsync(new Uri("/metrics", UriKind.Relative)).GetAwaiter().GetResult();
            return text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith('#'))
                .Select(l => (Name: l[..l.LastIndexOf(' ')], Value: l[(l.LastIndexOf(' ') + 1)..]))
                .ToDictionary(s => s.Name, s => double.Parse(s.Value, CultureInfo.InvariantCulture), StringComparer.Ordinal);
        }
        catch (HttpRequestException)
        {
            return new Dictionary<string, double>();
        }
    }

    /// <summary>SIGTERM, as systemd stops it, and the exit code.</summary>
    public int Stop(TimeSpan timeout)
    {
        ExternalTool.Run("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]);
        if (!_process.WaitForExit(timeout))
        {
            _process.Kill();
        }
        _process.WaitForExit();
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }
        _process.Dispose();
        _http.Dispose();
        lock (_log)
        {
            _log.Dispose();
        }
    }
}
