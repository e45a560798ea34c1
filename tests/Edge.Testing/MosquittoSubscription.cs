using System.Diagnostics;
using System.Globalization;

namespace Edge.Testing;

/// <summary>
/// A running <c>mosquitto_sub -v</c> (a client no one here wrote) collecting what it receives, one
/// message per line. Persistent subscriptions use a client id of their own with clean session off and
/// QoS 1, registered first with <c>-E</c> (subscribe and exit) so that nothing published after
/// <see cref="Start"/> returns can be missed, even while the broker restarts.
/// </summary>
public sealed class MosquittoSubscription : IDisposable
{
    public const string Program = "mosquitto_sub";

    private readonly Process _process;
    private readonly List<MosquittoMessage> _messages = [];
    private readonly Lock _gate = new();

    private MosquittoSubscription(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 } line)
            {
                var space = line.IndexOf(' ', StringComparison.Ordinal);
                var message = space < 0 ? new MosquittoMessage(line, "") : new MosquittoMessage(line[..space], line[(space + 1)..]);
                lock (_gate)
                {
                    _messages.Add(message);
                }
            }
        };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Everything received so far, in arrival order.</summary>
    public IReadOnlyList<MosquittoMessage> Messages
    {
        get
        {
            lock (_gate)
            {
                return _messages.ToList();
            }
        }
    }

    internal static MosquittoSubscription Start(int port, string topicFilter, bool persistent)
    {
        var common = new List<string> { "-h", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture), "-t", topicFilter, "-q", "1" };
        if (persistent)
        {
            var clientId = "edge-test-" + Guid.NewGuid().ToString("N")[..12];
            common.AddRange(["-c", "-i", clientId]);
            ExternalTool.Run(Program, [.. common, "-E"], TimeSpan.FromSeconds(10));
        }
        var start = new ProcessStartInfo(Program) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in common.Append("-v"))
        {
            start.ArgumentList.Add(argument);
        }
        return new MosquittoSubscription(Process.Start(start) ?? throw new InvalidOperationException("mosquitto_sub did not start."));
    }

    /// <summary>Waits until <paramref name="done"/> holds for the messages received; throws with what arrived on timeout.</summary>
    public IReadOnlyList<MosquittoMessage> WaitUntil(Func<IReadOnlyList<MosquittoMessage>, bool> done, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var messages = Messages;
            if (done(messages))
            {
                return messages;
            }
            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException(
                    $"mosquitto_sub did not receive what was expected in {timeout.TotalSeconds} s; it got {messages.Count} message(s):\n"
                    + string.Join("\n", messages.TakeLast(20).Select(m => $"{m.Topic} {m.Payload}")));
            }
            Thread.Sleep(20);
        }
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
}
