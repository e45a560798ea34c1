using Edge.Agent.Snapshots;
using Edge.Imaging;
using Edge.Testing;

namespace Edge.Agent.Tests.Snapshots;

public sealed class SnapshotStoreTests
{
    private static Image Frame(byte value)
    {
        var frame = new Image(64, 48, PixelLayout.Rgb);
        frame.Pixels.AsSpan().Fill(value);
        return frame;
    }

    [Fact]
    public void A_snapshot_is_a_jpeg_of_the_frame_size_and_the_heatmap_colours_where_the_map_is_high()
    {
        using var folder = new TempFolder();
        var store = new SnapshotStore(folder.Path, 10_000_000, 90, heatmapHigh: 1f);
        var map = new float[8 * 8];
        map[7 * 8 + 7] = 5f; // bottom-right cell

        var path = store.PathFor("line1", new DateTime(2026, 12, 4, 0, 1, 2, 345, DateTimeKind.Utc), 17);
        store.Write(path, Frame(100).AsView(), map, 8, 8);

        Assert.Equal(Path.Combine(folder.Path, "line1", "20261204T000102.345Z-00000017.jpg"), path);
        var picture = ImageCodec.Load(path, PixelLayout.Rgb);
        Assert.Equal((64, 48), (picture.Width, picture.Height));
        var corner = picture.Row(46).Slice(62 * 3, 3).ToArray();
        var elsewhere = picture.Row(2).Slice(2 * 3, 3).ToArray();
        Assert.NotEqual(corner, elsewhere);
        Assert.False(File.Exists(path + ".tmp"));
    }

    [Fact]
    public void Over_the_quota_the_oldest_snapshots_go_first_counting_those_of_an_earlier_run()
    {
        using var folder = new TempFolder();
        var map = new float[4];
        var first = new SnapshotStore(folder.Path, 1_000_000, 90, 1f);
        var times = Enumerable.Range(0, 4).Select(i => new DateTime(2026, 12, 4, 0, 0, i, DateTimeKind.Utc)).ToArray();
        var paths = times.Select((t, i) => first.PathFor(i % 2 == 0 ? "a" : "b", t, i)).ToArray();
        foreach (var path in paths[..3])
        {
            first.Write(path, Frame(50).AsView(), map, 2, 2);
        }
        var size = new FileInfo(paths[0]).Length;

        // A new run with room for a little over two pictures: the oldest of the earlier run goes at once.
        var second = new SnapshotStore(folder.Path, size * 2 + size / 2, 90, 1f);
        Assert.False(File.Exists(paths[0]));
        Assert.True(File.Exists(paths[1]) && File.Exists(paths[2]));
        second.Write(paths[3], Frame(50).AsView(), map, 2, 2);

        Assert.False(File.Exists(paths[1]));
        Assert.True(File.Exists(paths[2]) && File.Exists(paths[3]));
        Assert.InRange(second.TotalBytes, 1, size * 2 + size / 2);
    }
}
