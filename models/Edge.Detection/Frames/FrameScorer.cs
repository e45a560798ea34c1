using Edge.Bundles.Manifest;
using Edge.Detection.Tiling;
using Edge.Imaging;

namespace Edge.Detection.Frames;

/// <summary>
/// The one path from an image to a score, used by the agent's cameras, <c>edge-agent score</c>, the trainer's
/// evaluate and calibrate, and the benchmark alike: a decoded frame of any size, plus the caller's settings (crop, regions
/// of interest, product class, a configured threshold), in; the image score, the threshold in force, the verdict and the
/// defect's box out. Per frame:
/// <list type="number">
/// <item>the frame's layout (made once per frame size): the crop, how the model covers it, the frame-level map and its
/// ROI mask. A whole-image bundle resizes the crop into the model's input and its map is the input's size
/// (<see cref="WholeFrameLayout"/>); a tiled bundle (<c>input.tiling</c>) rescales the crop by the tiling scale, cuts
/// it into overlapping tiles of the input's size (<see cref="TileGrid"/>), runs them through the graphs in batches and
/// blends their maps (<see cref="TileBlender"/>) into a map of the crop's size times the scale, one map pixel per
/// rescaled-frame pixel (<see cref="TiledLayout"/>);</item>
/// <item>the raw frame-level map from the bundle's graphs and the manifest's scoring method (<see cref="Detector"/>);</item>
/// <item>on the frame-level map: the ROI mask, then the smoothing, then the image score by the manifest's rule
/// (<see cref="Scoring.Maps.ImageScorer"/>);</item>
/// <item>the threshold of the class (<see cref="ScoringThresholds"/>): the verdict, and the box of the pixels over the
/// pixel threshold (<see cref="DefectBox"/>), in frame pixels.</item>
/// </list>
/// Everything is allocated in the constructor, and the layout (with a tiled bundle's detector, whose batch follows the
/// tile count) when the frame size changes: scoring a stream of frames of one size allocates nothing. Not thread-safe:
/// one scorer per thread (it owns its detector's bindings).
/// </summary>
public sealed class FrameScorer : IDisposable
{
    private readonly FrameScorerSettings _settings;
    private readonly (float Sigma, double? Quantile) _imageScore;
    private readonly int _classId;
    private Detector? _detector;
    private FrameLayout? _layout;

    /// <exception cref="ArgumentException">
    /// The settings' product class is not one of the bundle's, or a tiled bundle's configured crop is smaller than a tile.
    /// </exception>
    public FrameScorer(BundleModel model, FrameScorerSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        Model = model;
        _settings = settings ?? new FrameScorerSettings();
        ArgumentOutOfRangeException.ThrowIfLessThan(_settings.MaxTileBatch, 1, "settings.MaxTileBatch");
        var names = model.Manifest.ClassNames;
        try
        {
            _classId = ProductClasses.IndexOf(names, _settings.ProductClass);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException(Prefixed(e.Message), e);
        }
        ClassName = names[_classId];
        Thresholds = ScoringThresholds.For(model.Manifest, ClassName, _settings.ImageThreshold);
        _imageScore = ScoringOptions.ImageScore(model.Manifest);
        Tiling = model.Manifest.Input.Tiling;
        if (Tiling is null)
        {
            _detector = model.CreateDetector();
        }
        else if (_settings.Crop is { } crop && GridOf(crop) is { Error: { } error })
        {
            // A camera's crop is known before its first frame: refuse it at start-up.
            throw new ArgumentException(error);
        }
    }

    public BundleModel Model { get; }

    /// <summary>The product class scored as: the prior's class token and the thresholds' class.</summary>
    public string ClassName { get; }

    public ScoringThresholds Thresholds { get; }

    /// <summary>The bundle's native-resolution tiling; null for a whole-image bundle.</summary>
    public TilingSpec? Tiling { get; }

    /// <summary>
    /// The frame-level map's width: the model's input for a whole-image bundle; for a tiled one, round(region width x
    /// scale) of the latest frame's region (0 before the first frame).
    /// </summary>
    public int MapWidth => _layout?.MapWidth ?? (Tiling is null ? Model.InputSize : 0);

    /// <summary>The frame-level map's height (see <see cref="MapWidth"/>).</summary>
    public int MapHeight => _layout?.MapHeight ?? (Tiling is null ? Model.InputSize : 0);

    /// <summary>The latest frame's map (smoothed, 0 outside the ROI), <see cref="MapWidth"/> x <see cref="MapHeight"/>, over <see cref="Region"/>.</summary>
    public ReadOnlySpan<float> Map => _layout is null ? default : _layout.Map;

    /// <summary>The part of the latest frame the map covers, in frame pixels (the crop, or the whole frame).</summary>
    public PixelRect Region => _layout?.Region ?? default;

    /// <summary>The latest frame's model inputs: 1 for a whole-image bundle, the tile count for a tiled one (0 before a frame).</summary>
    public int TileCount => _layout switch { TiledLayout tiled => tiled.Grid.Count, null => 0, _ => 1 };

    /// <summary>Model inputs per run of the graphs for the latest frame size (see <see cref="FrameScorerSettings.MaxTileBatch"/>).</summary>
    public int BatchSize => _detector?.BatchSize ?? 0;

    /// <summary>
    /// Sees every model input of the frames scored from now on (the whole image, or each tile) right after its run, with
    /// the detector and the input's slot, for reports that read what the model did (routing, the prior); null (the
    /// device's case) calls nothing.
    /// </summary>
    public Action<Detector, int>? InputObserver { get; set; }

    /// <summary>Scores one frame.</summary>
    /// <exception cref="InvalidOperationException">The crop reaches past the frame, or a tiled bundle's frame (or crop) is smaller than a tile.</exception>
    public FrameScore Score(ImageView frame)
    {
        var layout = LayoutFor(frame.Width, frame.Height);
        layout.Run(frame, _detector!, _classId, InputObserver);
        var score = layout.ImageScorer.Score(layout.Map, layout.Roi.Inside);
        var box = DefectBox.Find(layout.Map, layout.Roi, Thresholds.Pixel ?? double.PositiveInfinity);
        var threshold = Thresholds.Image;
        return new FrameScore(score, threshold, threshold is { } t ? score > t : null, box);
    }

    /// <summary>
    /// What the model saw of <paramref name="frame"/> and its reconstruction, at the map's size (for reports: runs the
    /// frame again and allocates; <see cref="Map"/> keeps the latest score's map).
    /// </summary>
    public FramePictures Pictures(ImageView frame) => LayoutFor(frame.Width, frame.Height).Pictures(frame, _detector!, _classId);

    public void Dispose() => _detector?.Dispose();

    /// <summary>The layout of a frame size, made when the size changes (a tiled bundle's detector too, when the batch changes).</summary>
    private FrameLayout LayoutFor(int width, int height)
    {
        if (_layout is { } known && known.FrameWidth == width && known.FrameHeight == height)
        {
            return known;
        }
        var region = RegionOf(width, height);
        if (Tiling is null)
        {
            return _layout = new WholeFrameLayout(Model, width, height, region, _settings.Roi, _imageScore);
        }
        var (grid, error) = GridOf(region);
        if (error is not null)
        {
            throw new InvalidOperationException(error);
        }
        var batch = TileBatch.For(grid!.Count, _settings.MaxTileBatch);
        if (_detector?.BatchSize != batch)
        {
            _detector?.Dispose();
            _detector = null;
            _detector = Model.CreateDetector(batch);
        }
        return _layout = new TiledLayout(Model, grid, batch, width, height, region, _settings.Roi, _imageScore);
    }

    /// <summary>The tiles over a region, or the one-line reason there are none (it is smaller than a tile at the scale).</summary>
    private (TileGrid? Grid, string? Error) GridOf(PixelRect region)
    {
        try
        {
            return (TileGrid.For(Tiling!, Model.InputSize, region.Width, region.Height), null);
        }
        catch (ArgumentException e)
        {
            return (null, Prefixed(_settings.Crop is { } c ? $"crop [{c.X}, {c.Y}, {c.Width}, {c.Height}]: {e.Message}" : e.Message));
        }
    }

    /// <summary>The crop, or the whole frame; a crop reaching past the frame is refused, naming both sizes.</summary>
    private PixelRect RegionOf(int width, int height)
    {
        if (_settings.Crop is not { } crop)
        {
            return new PixelRect(0, 0, width, height);
        }
        if (crop.Right > width || crop.Bottom > height)
        {
            throw new InvalidOperationException(Prefixed($"crop {crop} reaches past the {width}x{height} frame"));
        }
        return crop;
    }

    private string Prefixed(string message) => _settings.Label is { } label ? $"{label}: {message}" : message;
}
