using System.Diagnostics;
using Edge.Agent.Alarms;
using Edge.Detection;
using Edge.Imaging;
using Edge.Imaging.Heatmaps;

namespace Edge.Agent.Http;

/// <summary>
/// What the local page shows: each camera's latest frame with its defect map and score, its normalized score over the
/// last <see cref="HistoryWindow"/>, and the recent alarms. Pipeline workers offer frames; a copy (and a history point)
/// is kept at most every <see cref="Interval"/>, so the page costs the pipeline one copy every half second, not one
/// per frame. JPEGs are made only when the page asks. Thread-safe.
/// </summary>
public sealed class LiveView
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    public static readonly TimeSpan HistoryWindow = TimeSpan.FromMinutes(5);

    private static readonly int HistoryCapacity = (int)(HistoryWindow / Interval) + 1;

    private readonly Dictionary<string, CameraView> _cameras = new(StringComparer.Ordinal);
    private readonly AlarmLog _alarms = new();
    private readonly Lock _gate = new();

    /// <summary>Keeps a copy of the frame and its map when the last copy of this camera is older than <see cref="Interval"/>.</summary>
    public void Offer(string camera, ImageView frame, ReadOnlySpan<float> map, int mapWidth, int mapHeight, double score, double threshold)
    {
        var view = ViewOf(camera);
        lock (view)
        {
            if (view.Copied != 0 && Stopwatch.GetElapsedTime(view.Copied) < Interval)
            {
                return;
            }
            if (view.Frame is null || view.Frame.Width != frame.Width || view.Frame.Height != frame.Height)
            {
                view.Frame = new Image(frame.Width, frame.Height, PixelLayout.Rgb);
                view.Picture = new Image(frame.Width, frame.Height, PixelLayout.Rgb);
            }
            CopyAsRgb(frame, view.Frame);
            if (view.Map.Length != map.Length)
            {
                view.Map = new float[map.Length];
            }
            map.CopyTo(view.Map);
            view.MapWidth = mapWidth;
            view.MapHeight = mapHeight;
            view.Score = score;
            view.Threshold = threshold;
            view.Copied = Stopwatch.GetTimestamp();
            view.TimeUtc = DateTime.UtcNow;
            view.History.Add(new ScorePoint(view.TimeUtc, NormalizedScore.Of(score, threshold), view.Alarming));
        }
    }

    /// <summary>Takes an alarm message of the camera; its picture is drawn with the size of the camera's latest frame.</summary>
    public void Alarm(AlarmEvent alarm)
    {
        ArgumentNullException.ThrowIfNull(alarm);
        var view = ViewOf(alarm.Camera);
        int width, height;
        lock (view)
        {
            view.Alarming = alarm.Kind != AlarmEventKind.End;
            (width, height) = (view.Frame?.Width ?? 0, view.Frame?.Height ?? 0);
        }
        lock (_gate)
        {
            _alarms.Add(alarm, width, height);
        }
    }

    /// <summary>Page <paramref name="page"/> (from 1) of the recent alarms of <paramref name="camera"/> (all when null), newest first.</summary>
    public AlarmLogPage Alarms(string? camera, int page, int pageSize)
    {
        lock (_gate)
        {
            return _alarms.Page(camera, page, pageSize);
        }
    }

    public AlarmEntry? FindAlarm(Guid id)
    {
        lock (_gate)
        {
            return _alarms.Find(id);
        }
    }

    /// <summary>Whether an alarm of the camera is open (its latest alarm message was a start or an update).</summary>
    public bool Alarming(string camera)
    {
        return Read(camera, false, view => view.Alarming);
    }

    /// <summary>The camera's normalized scores over the last <see cref="HistoryWindow"/>, oldest first; empty before its first frame.</summary>
    public ScorePoint[] History(string camera)
    {
        return Read(camera, [], view => view.History.Since(DateTime.UtcNow - HistoryWindow));
    }

    /// <summary>Latest score, threshold and time per camera that has offered a frame.</summary>
    public IReadOnlyDictionary<string, (double Score, double Threshold, DateTime TimeUtc)> Scores
    {
        get
        {
            lock (_gate)
            {
                return _cameras.Where(c => c.Value.Frame is not null).ToDictionary(
                    c => c.Key, c => { lock (c.Value) { return (c.Value.Score, c.Value.Threshold, c.Value.TimeUtc); } }, StringComparer.Ordinal);
            }
        }
    }

    /// <summary>The camera's latest frame with its heatmap (full colour at the threshold), as JPEG; null before its first frame.</summary>
    public byte[]? LatestJpeg(string camera) => Read(camera, null, view =>
    {
        if (view.Frame is null || view.Picture is null)
        {
            return null;
        }
        var overlay = new HeatmapOverlay(new HeatmapStyle { Low = 0, High = (float)Math.Max(view.Threshold, 1e-12), Opacity = 0.45f });
        overlay.Render(view.Map, view.MapWidth, view.MapHeight, view.Frame.AsView(), view.Picture);
        return ImageCodec.Encode(view.Picture.AsView(), ImageFormat.Jpeg, 85);
    });

    /// <summary>What <paramref name="read"/> takes from the camera's view under its lock; <paramref name="none"/> for a camera never seen.</summary>
    private T Read<T>(string camera, T none, Func<CameraView, T> read)
    {
        CameraView? view;
        lock (_gate)
        {
            _cameras.TryGetValue(camera, out view);
        }
        if (view is null)
        {
            return none;
        }
        lock (view)
        {
            return read(view);
        }
    }

    private CameraView ViewOf(string camera)
    {
        lock (_gate)
        {
            if (!_cameras.TryGetValue(camera, out var view))
            {
                view = _cameras[camera] = new CameraView();
            }
            return view;
        }
    }

    private static void CopyAsRgb(ImageView frame, Image destination)
    {
        if (frame.Layout == PixelLayout.Rgb)
        {
            for (var y = 0; y < frame.Height; y++)
            {
                frame.Row(y)[..(frame.Width * 3)].CopyTo(destination.Row(y));
            }
            return;
        }
        var channels = (int)frame.Layout;
        for (var y = 0; y < frame.Height; y++)
        {
            var source = frame.Row(y);
            var target = destination.Row(y);
            for (var x = 0; x < frame.Width; x++)
            {
                // Grey frames fill all three channels; colour frames with alpha drop it.
                var pixel = source.Slice(x * channels, channels);
                target[x * 3] = pixel[0];
                target[x * 3 + 1] = pixel[channels >= 3 ? 1 : 0];
                target[x * 3 + 2] = pixel[channels >= 3 ? 2 : 0];
            }
        }
    }

    private sealed class CameraView
    {
        public Image? Frame;
        public Image? Picture;
        public float[] Map = [];
        public int MapWidth;
        public int MapHeight;
        public double Score;
        public double Threshold;
        public long Copied;
        public DateTime TimeUtc;
        public bool Alarming;
        public readonly ScoreHistory History = new(HistoryCapacity);
    }
}
