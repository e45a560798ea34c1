using System.Globalization;
using Edge.Imaging;
using Edge.Imaging.Heatmaps;

namespace Edge.Agent.Snapshots;

/// <summary>
/// Alarm snapshots under <c>&lt;stateDirectory&gt;/snapshots/&lt;camera&gt;/</c>: the frame with its defect map blended over it,
/// as JPEG, named by capture time so names sort by age. Written to a temporary name and renamed, so a reader never
/// sees half a picture. All snapshots together stay within the quota: the oldest are deleted first, counting those
/// left by earlier runs. Thread-safe.
/// </summary>
public sealed class SnapshotStore
{
    private const string Extension = ".jpg";

    private readonly string _folder;
    private readonly long _quotaBytes;
    private readonly int _quality;
    private readonly Lock _gate = new();
    private readonly SortedDictionary<string, long> _files = new(StringComparer.Ordinal);
    private readonly HeatmapOverlay _overlay;
    private long _totalBytes;

    /// <param name="heatmapHigh">Map value drawn at full colour (the pixel threshold is a good choice).</param>
    public SnapshotStore(string folder, long quotaBytes, int jpegQuality, float heatmapHigh)
    {
        _folder = folder;
        _quotaBytes = quotaBytes;
        _quality = jpegQuality;
        _overlay = new HeatmapOverlay(new HeatmapStyle { Low = 0, High = Math.Max(heatmapHigh, 1e-12f), Opacity = 0.5f });
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.EnumerateFiles(folder, "*" + Extension, SearchOption.AllDirectories))
        {
            _files[SortKey(file)] = new FileInfo(file).Length;
            _totalBytes += _files[SortKey(file)];
        }
        lock (_gate)
        {
            Evict();
        }
    }

    public long TotalBytes
    {
        get
        {
            lock (_gate)
            {
                return _totalBytes;
            }
        }
    }

    /// <summary>The path a snapshot of this camera's frame taken at <paramref name="timeUtc"/> gets.</summary>
    public string PathFor(string camera, DateTime timeUtc, long sequence) => Path.Combine(
        _folder, camera, string.Create(CultureInfo.InvariantCulture, $"{timeUtc:yyyyMMdd'T'HHmmss'.'fff'Z'}-{sequence:D8}{Extension}"));

    /// <summary>Writes the frame with <paramref name="map"/> (row-major, <paramref name="mapWidth"/> x <paramref name="mapHeight"/>) over it to <paramref name="path"/>.</summary>
    public void Write(string path, ImageView frame, ReadOnlySpan<float> map, int mapWidth, int mapHeight)
    {
        var picture = new Image(frame.Width, frame.Height, PixelLayout.Rgb);
        lock (_gate)
        {
            // The overlay keeps sampling tables between calls: one caller at a time.
            _overlay.Render(map, mapWidth, mapHeight, frame, picture);
        }
        var jpeg = ImageCodec.Encode(picture.AsView(), ImageFormat.Jpeg, _quality);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".tmp";
        File.WriteAllBytes(temporary, jpeg);
        File.Move(temporary, path, overwrite: true);
        lock (_gate)
        {
            var key = SortKey(path);
            if (_files.TryGetValue(key, out var old))
            {
                _totalBytes -= old;
            }
            _files[key] = jpeg.Length;
            _totalBytes += jpeg.Length;
            Evict();
        }
    }

    // Sorted by file name across cameras: names start with the capture time.
    private string SortKey(string path) => Path.GetFileName(path) + "|" + Path.GetRelativePath(_folder, path);

    private void Evict()
    {
        while (_totalBytes > _quotaBytes && _files.Count > 0)
        {
            var (key, size) = _files.First();
            _files.Remove(key);
            _totalBytes -= size;
            File.Delete(Path.Combine(_folder, key[(key.IndexOf('|', StringComparison.Ordinal) + 1)..]));
        }
    }
}
