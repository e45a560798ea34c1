using Edge.Agent.Alarms;
using Edge.Agent.Http;
using Edge.Imaging;

namespace Edge.Agent.Tests.Http;

public sealed class LiveViewTests
{
    [Fact]
    public void The_latest_frame_comes_back_as_a_jpeg_of_the_frame_size_with_the_heatmap_where_the_map_is_high()
    {
        var live = new LiveView();
        var frame = new Image(40, 20, PixelLayout.Gray);
        frame.Pixels.AsSpan().Fill(128);
        var map = new float[16];
        map[0] = 10f; // top-left cell of a 4 x 4 map: far over the threshold of 1

        live.Offer("line1", frame.AsView(), map, 4, 4, score: 10, threshold: 1);
        var picture = ImageCodec.Decode(live.LatestJpeg("line1")!, PixelLayout.Rgb);

        Assert.Equal((40, 20), (picture.Width, picture.Height));
        var hot = picture.Row(1).Slice(3, 3).ToArray();
        var cold = picture.Row(18).Slice(36 * 3, 3).ToArray();
        Assert.True(Math.Abs(hot[0] - hot[2]) > 40, $"no heat colour at the hot cell: {string.Join(",", hot)}");
        Assert.Equal(10, live.Scores["line1"].Score);
        Assert.NotEqual(hot, cold);
    }

    [Fact]
    public void A_camera_without_a_frame_has_no_picture_and_alarms_come_one_row_per_alarm_newest_first_paged_and_by_camera()
    {
        var live = new LiveView();

        Assert.Null(live.LatestJpeg("nothing"));
        for (var i = 0; i < 25; i++)
        {
            var id = Guid.NewGuid();
            var camera = i % 2 == 0 ? "even" : "odd";
            live.Alarm(Alarm(id, AlarmEventKind.Start, camera, i, score: 2));
            live.Alarm(Alarm(id, AlarmEventKind.Update, camera, i, score: 3));
        }
        var first = live.Alarms(null, 1, 10);
        var lastOfEven = live.Alarms("even", 99, 10);

        Assert.Equal((25, 1, 3), (first.Total, first.Page, first.PageCount));
        Assert.Equal(10, first.Alarms.Count);
        Assert.Equal(DateTime.UnixEpoch.AddSeconds(24), first.Alarms[0].Latest.StartedUtc);
        Assert.All(first.Alarms, a => Assert.Equal(AlarmEventKind.Update, a.Latest.Kind));
        Assert.Equal((13, 2), (lastOfEven.Total, lastOfEven.Page));
        Assert.Equal(3, lastOfEven.Alarms.Count);
        Assert.All(lastOfEven.Alarms, a => Assert.Equal("even", a.Latest.Camera));
    }

    [Fact]
    public void An_alarm_keeps_the_picture_of_its_last_written_snapshot_when_it_ends()
    {
        var live = new LiveView();
        var id = Guid.NewGuid();

        live.Alarm(Alarm(id, AlarmEventKind.Start, "line1", 0, score: 2) with { Snapshot = "/s/written.jpg" });
        live.Alarm(Alarm(id, AlarmEventKind.End, "line1", 0, score: 0.5) with { Snapshot = "/s/never-written.jpg" });

        var alarm = live.FindAlarm(id)!;
        Assert.False(alarm.Open);
        Assert.Equal("/s/written.jpg", alarm.Snapshot);
        Assert.False(live.Alarming("line1"));
    }

    [Fact]
    public void The_history_keeps_normalized_scores_and_marks_the_points_while_an_alarm_is_open()
    {
        var live = new LiveView();
        var frame = new Image(8, 8, PixelLayout.Gray);

        live.Offer("line1", frame.AsView(), new float[4], 2, 2, score: 0.5, threshold: 2);
        live.Alarm(Alarm(Guid.NewGuid(), AlarmEventKind.Start, "line1", 0, score: 3));
        Thread.Sleep(LiveView.Interval + TimeSpan.FromMilliseconds(50));
        live.Offer("line1", frame.AsView(), new float[4], 2, 2, score: 3, threshold: 2);
        live.Offer("line1", frame.AsView(), new float[4], 2, 2, score: 99, threshold: 2); // within the interval: not kept

        var history = live.History("line1");
        Assert.Equal([(0.25, false), (1.5, true)], history.Select(p => (p.Normalized, p.Alarming)));
        Assert.True(live.Alarming("line1"));
        Assert.Empty(live.History("other"));
    }

    private static AlarmEvent Alarm(Guid id, AlarmEventKind kind, string camera, int second, double score) =>
        new(id, kind, camera, DateTime.UnixEpoch.AddSeconds(second), score, 1, score, DateTime.UnixEpoch.AddSeconds(second), default, null, "1.0.0");
}
