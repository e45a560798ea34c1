using System.Text.Json;
using Edge.Agent.Alarms;

namespace Edge.Agent.Tests.Alarms;

public class AlarmJsonTests
{
    [Fact]
    public void An_alarm_message_has_every_key_subscribers_depend_on()
    {
        var id = Guid.Parse("0190a3c2-1111-7222-8333-444455556666");
        var alarm = new AlarmEvent(
            id, AlarmEventKind.Update, "line1", new DateTime(2025, 3, 1, 8, 15, 2, 120, DateTimeKind.Utc), 0.8125, 0.5, 0.8125,
            new DateTime(2025, 3, 1, 8, 15, 1, 0, DateTimeKind.Utc), new AlarmBox(10, 20, 30, 40), "/var/lib/edge-agent/snapshots/a.jpg", "2025.03.01");

        using var json = JsonDocument.Parse(AlarmJson.Serialize(alarm, "plant1", "box1"));
        var root = json.RootElement;

        Assert.Equal(
            ["id", "event", "site", "device", "camera", "time", "score", "threshold", "peakScore", "normalizedScore", "normalizedPeakScore", "startTime", "modelVersion", "box", "snapshot"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("0190a3c2-1111-7222-8333-444455556666", root.GetProperty("id").GetString());
        Assert.Equal("update", root.GetProperty("event").GetString());
        Assert.Equal("plant1", root.GetProperty("site").GetString());
        Assert.Equal("box1", root.GetProperty("device").GetString());
        Assert.Equal("line1", root.GetProperty("camera").GetString());
        Assert.Equal("2025-03-01T08:15:02.120Z", root.GetProperty("time").GetString());
        Assert.Equal(0.8125, root.GetProperty("score").GetDouble());
        Assert.Equal(0.5, root.GetProperty("threshold").GetDouble());
        Assert.Equal("2025-03-01T08:15:01.000Z", root.GetProperty("startTime").GetString());
        Assert.Equal("2025.03.01", root.GetProperty("modelVersion").GetString());
        Assert.Equal([10, 20, 30, 40], root.GetProperty("box").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal("/var/lib/edge-agent/snapshots/a.jpg", root.GetProperty("snapshot").GetString());
    }
}
