using System.Net.Sockets;
using System.Text;

namespace Edge.Agent.Hosting;

/// <summary>
/// Sends sd_notify messages (<c>READY=1</c>, <c>WATCHDOG=1</c>, <c>STATUS=...</c>, <c>STOPPING=1</c>) as
/// datagrams to the Unix socket named by <c>NOTIFY_SOCKET</c>; a leading '@' names the abstract namespace.
/// Without the variable (not run by systemd) every call does nothing. Safe to call from any thread.
/// </summary>
public sealed class SystemdNotifier : IDisposable
{
    public const string SocketVariable = "NOTIFY_SOCKET";

    private readonly Socket? _socket;
    private readonly UnixDomainSocketEndPoint? _endPoint;
    private readonly Lock _gate = new();

    public SystemdNotifier(string? socketPath)
    {
        if (string.IsNullOrEmpty(socketPath))
        {
            return;
        }
        // .NET takes a leading NUL as Linux's abstract namespace, which systemd writes as '@'.
        _endPoint = new UnixDomainSocketEndPoint(socketPath[0] == '@' ? "\0" + socketPath[1..] : socketPath);
        _socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        SocketPath = socketPath;
    }

    /// <summary>A notifier for <c>$NOTIFY_SOCKET</c>, disabled when the variable is not set.</summary>
    public static SystemdNotifier FromEnvironment() => new(Environment.GetEnvironmentVariable(SocketVariable));

    public bool IsEnabled => _socket is not null;

    public string? SocketPath { get; }

    /// <summary>Sends one message (lines of <c>KEY=value</c>); false when disabled or systemd is not listening.</summary>
    public bool Notify(string state)
    {
        if (_socket is null)
        {
            return false;
        }
        var bytes = Encoding.UTF8.GetBytes(state);
        lock (_gate)
        {
            try
            {
                return _socket.SendTo(bytes, SocketFlags.None, _endPoint!) == bytes.Length;
            }
            catch (SocketException)
            {
                // systemd gone or the socket removed: notifications are advisory, the service goes on.
                return false;
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _socket?.Dispose();
        }
    }
}
