using System.Threading.Channels;

namespace Edge.Agent.Outbox;

/// <summary>An auto-reset signal for one waiter: many <see cref="Set"/> calls before a wait wake it once.</summary>
internal sealed class WakeSignal
{
    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    public void Set() => _channel.Writer.TryWrite(true);

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        await _channel.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
    }
}
