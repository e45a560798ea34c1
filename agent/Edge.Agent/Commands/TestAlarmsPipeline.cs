using Edge.Agent.Alarms;
using Edge.Agent.Outbox;
using Edge.Agent.Pipeline;
using Microsoft.Extensions.Hosting;

namespace Edge.Agent.Commands;

/// <summary>
/// A pipeline of synthetic scored frames for <c>test-alarms</c>: each alarm is one frame far over
/// threshold (start) and one far under (end), through the real alarm logic, outbox and dispatcher.
/// Prints <c>&lt;id&gt; &lt;event&gt;</c> once each message is on disk, then waits for the outbox to empty
/// and stops the agent.
/// </summary>
internal sealed class TestAlarmsPipeline : IFramePipeline
{
    private static readonly TimeSpan EmptyPoll = TimeSpan.FromMilliseconds(50);

    private readonly AlarmPublisher _publisher;
    private readonly SqliteOutbox _outbox;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly TestAlarmsOptions _options;

    public TestAlarmsPipeline(AlarmPublisher publisher, SqliteOutbox outbox, IHostApplicationLifetime lifetime, TestAlarmsOptions options)
    {
        _publisher = publisher;
        _outbox = outbox;
        _lifetime = lifetime;
        _options = options;
    }

    public async Task RunAsync(PipelineProgress progress, CancellationToken stoppingToken)
    {
        progress.ReportState("sending test alarms");
        progress.ReportReady();
        var time = DateTime.UtcNow;
        var box = new AlarmBox(0, 0, 1, 1);
        for (var i = 0; i < _options.Count; i++)
        {
            foreach (var score in new[] { 1.0, 0.0 })
            {
                time = DateTime.UtcNow > time ? DateTime.UtcNow : time.AddMilliseconds(1);
                var alarm = _publisher.Publish(new ScoredFrame(_options.Camera, time, score, 0.5, box, null, "test-alarms"));
                if (alarm is not null)
                {
                    await Console.Out.WriteLineAsync($"{alarm.Id:D} {AlarmJson.EventName(alarm.Kind)}").ConfigureAwait(false);
                    await Console.Out.FlushAsync(stoppingToken).ConfigureAwait(false);
                }
                progress.Heartbeat();
            }
            if (_options.Interval > TimeSpan.Zero)
            {
                await Task.Delay(_options.Interval, stoppingToken).ConfigureAwait(false);
            }
        }
        while (_outbox.Count > 0)
        {
            progress.Heartbeat();
            await Task.Delay(EmptyPoll, stoppingToken).ConfigureAwait(false);
        }
        _lifetime.StopApplication();
    }
}
