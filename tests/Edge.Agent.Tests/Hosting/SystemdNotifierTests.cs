using Edge.Agent.Hosting;
using Edge.Agent.Pipeline;
using Edge.Agent.Tests.Support;

namespace Edge.Agent.Tests.Hosting;

public class SystemdNotifierTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Messages_arrive_as_exact_datagrams_on_a_path_or_abstract_socket(bool abstractName)
    {
        using var socket = new NotifySocket(abstractName);
        using var notifier = new SystemdNotifier(socket.Path);

        Assert.True(notifier.Notify("READY=1"));
        Assert.True(notifier.Notify("STATUS=running, 12.5 fps"));
        Assert.True(notifier.Notify("STOPPING=1"));

        Assert.Equal(["READY=1", "STATUS=running, 12.5 fps", "STOPPING=1"], socket.WaitFor(m => m.Count == 3, Patience));
    }

    [Fact]
    public void Without_notify_socket_the_notifier_is_disabled_and_sends_nothing()
    {
        using var notifier = new SystemdNotifier(null);

        Assert.False(notifier.IsEnabled);
        Assert.False(notifier.Notify("READY=1"));
    }

    [Fact]
    public void A_socket_no_one_listens_on_does_not_throw()
    {
        using var notifier = new SystemdNotifier("/nonexistent/edge-notify.sock");

        Assert.False(notifier.Notify("READY=1"));
    }

    [Fact]
    public void The_watchdog_pings_only_while_the_pipeline_beats_and_stops_when_it_stalls()
    {
        using var socket = new NotifySocket();
        using var notifier = new SystemdNotifier(socket.Path);
        var progress = new PipelineProgress();
        var pinger = new WatchdogPinger(notifier, progress);

        // Ticks stand for the watchdog interval: frames flow during the first three, then the pipeline stalls.
        var pinged = new List<bool>();
        for (var tick = 0; tick < 3; tick++)
        {
            progress.Heartbeat();
            progress.Heartbeat();
            pinged.Add(pinger.Tick());
        }
        for (var tick = 0; tick < 4; tick++)
        {
            pinged.Add(pinger.Tick());
        }
        progress.Heartbeat();
        pinged.Add(pinger.Tick());

        Assert.Equal([true, true, true, false, false, false, false, true], pinged);
        Assert.Equal(Enumerable.Repeat("WATCHDOG=1", 4), socket.WaitFor(m => m.Count == 4, Patience));
        Thread.Sleep(100);
        Assert.Equal(4, socket.Messages.Count);
    }

    [Theory]
    [InlineData("30000000", null, 30_000)]
    [InlineData("200000", "SELF", 200)]
    [InlineData("200000", "1", null)]
    [InlineData("0", null, null)]
    [InlineData("soon", null, null)]
    [InlineData(null, null, null)]
    public void Watchdog_settings_come_from_watchdog_usec_for_this_process_only(string? usec, string? pid, int? expectedMilliseconds)
    {
        var settings = WatchdogSettings.Parse(usec, pid == "SELF" ? "4242" : pid, processId: 4242);

        Assert.Equal(expectedMilliseconds, settings?.Timeout.TotalMilliseconds);
        if (settings is not null)
        {
            Assert.Equal(settings.Timeout / 2, settings.PingInterval);
        }
    }
}
