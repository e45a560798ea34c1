using Edge.Agent.Alarms;
using Edge.Agent.Cameras.Frames;
using Edge.Agent.Cameras.Sources.Folder;
using Edge.Agent.Configuration;
using Edge.Agent.Health;
using Edge.Agent.Mqtt;
using Edge.Agent.Outbox;
using Edge.Agent.Pipeline;
using Edge.Agent.Snapshots;
using Edge.Agent.Tests.Support;
using Edge.Bundles.Files;
using Edge.Bundles.Manifest;
using Edge.Detection;
using Edge.Imaging;
using Edge.Testing;

namespace Edge.Agent.Tests.Pipeline;

[Collection(TrainedBundleCollection.Name)]
public sealed class CameraScorerTests(TrainedBundle bundle)
{
    [Fact]
    public void Each_camera_alarms_at_the_threshold_of_its_own_class_and_a_configured_threshold_still_wins()
    {
        using var folder = new TempFolder();
        var path = bundle.CalibratedCopy(folder);
        var calibrated = Bundle.Open(path);
        // Between the two scenes' scores for grain, over both for weave.
        var grainThreshold = bundle.Threshold;
        var weaveThreshold = bundle.DefectScore * 4 + 1;
        calibrated.ReplaceManifest(calibrated.Manifest with
        {
            Thresholds = calibrated.Manifest.Thresholds! with
            {
                PerClass = new Dictionary<string, ClassThresholds>
                {
                    ["grain"] = new() { Image = grainThreshold, Pixel = grainThreshold },
                    ["weave"] = new() { Image = weaveThreshold, Pixel = weaveThreshold },
                },
            },
        });
        using var model = new ActiveModel(BundleModel.Open(path), calibrated.Manifest.Thresholds!.Image, calibrated.Manifest.Thresholds.Pixel);
        using var outbox = new SqliteOutbox(folder.File("outbox.db"), 1000);
        var rules = new AlarmConfig { DebounceK = 1, DebounceN = 1, Hold = TimeSpan.Zero, Cooldown = TimeSpan.Zero, Hysteresis = 0 };
        var alarms = new AlarmPublisher(outbox, new MqttTopics("site", "box"), rules);
        CameraConfig Camera(string name, string productClass, double? threshold = null) =>
            new() { Name = name, Source = new FolderSourceSettings(folder.Path), ProductClass = productClass, Threshold = threshold };
        using var grain = new CameraScorer(Camera("line1", "grain"), model, rules, alarms, new HealthMetrics(), snapshots: null);
        using var weave = new CameraScorer(Camera("line2", "weave"), model, rules, alarms, new HealthMetrics(), snapshots: null);
        using var overridden = new CameraScorer(Camera("line3", "weave", threshold: 0), model, rules, alarms, new HealthMetrics(), snapshots: null);
        var defect = Frame(bundle.DefectImage);

        var onGrain = grain.Score(defect);
        var onWeave = weave.Score(defect);
        var onOverridden = overridden.Score(defect);

        Assert.Equal(grainThreshold, grain.Threshold);
        Assert.Equal(weaveThreshold, weave.Threshold);
        Assert.Equal(0, overridden.Threshold);
        Assert.Equal(bundle.DefectScore, grain.LastScore, 5);
        Assert.Equal(AlarmEventKind.Start, onGrain?.Kind);
        Assert.Equal(grainThreshold, onGrain!.Threshold);
        Assert.Null(onWeave);
        Assert.Equal(AlarmEventKind.Start, onOverridden?.Kind);
    }

    [Fact]
    public void A_camera_scores_a_tiled_bundle_over_its_crop_and_its_snapshot_carries_the_non_square_map()
    {
        using var folder = new TempFolder();
        var path = bundle.TiledCopy(folder);
        var manifest = Bundle.Open(path).Manifest;
        using var model = new ActiveModel(BundleModel.Open(path), manifest.Thresholds!.Image, manifest.Thresholds.Pixel);
        using var outbox = new SqliteOutbox(folder.File("outbox.db"), 1000);
        var rules = new AlarmConfig { DebounceK = 1, DebounceN = 1, Hold = TimeSpan.Zero, Cooldown = TimeSpan.Zero, Hysteresis = 0 };
        var alarms = new AlarmPublisher(outbox, new MqttTopics("site", "box"), rules);
        var snapshots = new SnapshotStore(folder.File("snapshots"), 10_000_000, 90, heatmapHigh: 1f);
        var camera = new CameraConfig
        {
            Name = "line1", Source = new FolderSourceSettings(folder.Path), Threshold = 0, Crop = new Imaging.PixelRect(8, 4, 64, 40),
        };
        using var scorer = new CameraScorer(camera, model, rules, alarms, new HealthMetrics(), snapshots);
        var frame = Frame(bundle.RepeatedScene(80, 48));

        var alarm = scorer.Score(frame);

        // The 64x40 crop: 3 x 2 tiles, a 64x40 map; any score is over a threshold of 0.
        Assert.Equal(AlarmEventKind.Start, alarm?.Kind);
        Assert.True(scorer.LastScore > 0);
        var snapshot = ImageCodec.Load(alarm!.Snapshot!);
        Assert.Equal((80, 48), (snapshot.Width, snapshot.Height));
    }

    [Fact]
    public void A_camera_whose_crop_is_smaller_than_a_tiled_bundle_s_tile_does_not_start_and_says_why_in_one_line()
    {
        using var folder = new TempFolder();
        var path = bundle.TiledCopy(folder);
        var manifest = Bundle.Open(path).Manifest;
        using var model = new ActiveModel(BundleModel.Open(path), manifest.Thresholds!.Image, manifest.Thresholds.Pixel);
        using var outbox = new SqliteOutbox(folder.File("outbox.db"), 1000);
        var rules = new AlarmConfig();
        var alarms = new AlarmPublisher(outbox, new MqttTopics("site", "box"), rules);
        var camera = new CameraConfig { Name = "line2", Source = new FolderSourceSettings(folder.Path), Crop = new Imaging.PixelRect(0, 0, 48, 24) };

        var error = Assert.Throws<Edge.Agent.Commands.StartupException>(() => new CameraScorer(camera, model, rules, alarms, new HealthMetrics(), snapshots: null));

        Assert.Equal("camera line2: crop [0, 0, 48, 24]: A 48x24 frame at tiling scale 1 is 48x24, smaller than the 32x32 tile; use a larger scale (at least 1.333) or a larger camera crop.", error.Message);
    }

    private static CameraFrame Frame(string file) => Frame(ImageCodec.Load(file, PixelLayout.Rgb));

    private static CameraFrame Frame(Image image)
    {
        var frame = new CameraFrame(image.Width * image.Height * 3);
        frame.Prepare(new FrameGeometry(image.Width, image.Height, FramePixelFormat.Rgb24));
        image.Pixels.AsSpan(0, image.Width * image.Height * 3).CopyTo(frame.Pixels);
        frame.TimestampUtc = DateTime.UtcNow;
        return frame;
    }
}
