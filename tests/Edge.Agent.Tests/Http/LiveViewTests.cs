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
    public void A_camera_without_a_frame_has_no_picture_and_recent_alarms_keep_the_newest_first()
    {
        var live = new LiveView();

        Assert.Null(live.LatestJpeg("nothing"));
        for (var i = 0; i < LiveView.RecentAlarmCount + 5; i++)
        {
            live.Alarm(new AlarmEvent(Guid.NewGuid(), AlarmEventKind.Start, "c", DateTime.UnixEpoch.AddSeconds(i), i, 1, i, DateTime.UnixEpoch, default, null, "1.0.0"));
        }

        Assert.Equal(LiveView.RecentAlarmCount, live.RecentAlarms.Count);
        Assert.Equal(LiveView.RecentAlarmCount + 4, live.RecentAlarms[0].Score);
    }
}
