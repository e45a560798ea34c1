using System.Runtime.InteropServices;

namespace Edge.Trainer.Commands;

/// <summary>
/// Turns the first SIGINT (Ctrl-C) or SIGTERM into a cancellation, so that a long command can stop at a safe point and
/// save its work; a second signal gets the default handling and ends the process at once.
/// </summary>
internal sealed class TerminationSignals : IDisposable
{
    private readonly CancellationTokenSource _cancel = new();
    private readonly PosixSignalRegistration[] _registrations;
    private int _received;

    public TerminationSignals()
    {
        _registrations = [PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle), PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle)];
    }

    public CancellationToken Token => _cancel.Token;

    /// <summary>The first signal that arrived, if any.</summary>
    public PosixSignal? Received => Volatile.Read(ref _received) is var s and not 0 ? (PosixSignal)s : null;

    /// <summary>What a shell reports for a process ended by the signal: 128 + its number (130 for SIGINT, 143 for SIGTERM).</summary>
    public int ExitCode => Received == PosixSignal.SIGTERM ? 143 : 130;

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }
        _cancel.Dispose();
    }

    private void Handle(PosixSignalContext context)
    {
        if (Interlocked.CompareExchange(ref _received, (int)context.Signal, 0) == 0)
        {
            context.Cancel = true;
            _cancel.Cancel();
        }
    }
}
