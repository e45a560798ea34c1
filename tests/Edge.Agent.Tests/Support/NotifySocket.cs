using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using Edge.Testing;

namespace Edge.Agent.Tests.Support;

/// <summary>
/// A real Unix datagram socket bound by the test where systemd's would be, collecting every message
/// sent to it (one datagram = one message) as exact text.
/// </summary>
public sealed class NotifySocket : IDisposable
{
    private readonly TempFolder _folder = new("edge-notify-");
    private readonly Socket _socket = new(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
    private readonly List<(string Message, TimeSpan At)> _messages = [];
    private readonly Lock _gate = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Thread _receiver;

    /// <param name="abstractName">Bind in Linux's abstract namespace (no file), as systemd's "@name" sockets are.</param>
    public NotifySocket(bool abstractName = false)
    {
        var name = "edge-test-notify-" + Guid.NewGuid().ToString("N")[..12];
        Path = abstractName ? "@" + name : _folder.File("notify.sock");
        _socket.Bind(new UnixDomainSocketEndPoint(abstractName ? "\0" + name : Path));
        _receiver = new Thread(Receive) { IsBackground = true, Name = "notify socket" };
        _receiver.Start();
    }

    /// <summary>The value for NOTIFY_SOCKET.</summary>
    public string Path { get; }

    public IReadOnlyList<string> Messages
    {
        get
        {
            lock (_gate)
            {
                return _messages.Select(m => m.Message).ToList();
            }
        }
    }

    /// <summary>Messages with the time they arrived (since this socket was made).</summary>
    public IReadOnlyList<(string Message, TimeSpan At)> TimedMessages
    {
        get
        {
            lock (_gate)
            {
                return _messages.ToList();
            }
        }
    }

    public IReadOnlyList<string> WaitFor(Func<IReadOnlyList<string>, bool> done, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!done(Messages))
        {
            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"Notify socket got only: {string.Join(" | ", Messages.Select(m => m.Replace("\n", "\\n", StringComparison.Ordinal)))}");
            }
            Thread.Sleep(10);
        }
        return Messages;
    }

    public void Dispose()
    {
        _socket.Dispose();
        _receiver.Join(TimeSpan.FromSeconds(2));
        _folder.Dispose();
    }

    private void Receive()
    {
        var buffer = new byte[4096];
        try
        {
            while (true)
            {
                var count = _socket.Receive(buffer);
                lock (_gate)
                {
                    _messages.Add((Encoding.UTF8.GetString(buffer, 0, count), _clock.Elapsed));
                }
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Disposed.
        }
    }
}
