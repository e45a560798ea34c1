using Edge.Imaging;
using Edge.Imaging.Preprocessing;
using Edge.Scoring.Maps;

namespace Edge.Detection.Frames;

/// <summary>
/// The one path from an image to a score, used by the agent's cameras, <c>edge-agent score</c>, the trainer's
/// evaluate and calibrate, and the benchmark alike: a decoded frame of any size, plus the caller's settings (crop, regions
/// of interest, product class, a configured threshold), in; the image score, the threshold in force, the verdict and the
/// defect's box out. Per frame:
/// <list type="number">
/// <item>the frame's layout (made once per frame size): the crop, the model-input tiles covering it, the ROI mask on the
/// frame-level map;</item>
/// <item>per tile: preprocess (resize + normalize) into the encoder's input, the bundle's graphs and the manifest's
/// scoring method (<see cref="Detector"/>), and the tile's raw map placed into the frame-level map;</item>
/// <item>on the frame-level map: the ROI mask, then the smoothing, then the image score by the manifest's rule
/// (<see cref="ImageScorer"/>);</item>
/// <item>the threshold of the class (<see cref="ScoringThresholds"/>): the verdict, and the box of the pixels over the
/// pixel threshold (<see cref="DefectBox"/>).</item>
/// </list>
/// Everything is allocated in the constructor, and the layout when the frame size changes: scoring a stream of frames of
/// one size allocates nothing. Not thread-safe: one scorer per thread (it owns its detector's bindings).
/// </summary>
public sealed class FrameScorer : IDisposable
{
    private readonly FrameScorerSettings _settings;
    private readonly Detector _detector;
    private readonly FramePreprocessor _preprocessor;
    private readonly ImageScorer _imageScorer;
    private readonly float[] _map;
    private readonly int _classId;
    private FrameLayout? _layout;

    /// <exception cref="ArgumentException">The settings' product class is not one of the bundle's.</exception>
    /// <exception cref="InvalidDataException">The bundle is tiled (input.tiling), which this build does not score yet.</exception>
    public FrameScorer(BundleModel model, FrameScorerSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        Model = model;
        if (model.Manifest.Input.Tiling is { } tiling)
        {
            // Scoring a tiled bundle by squeezing the whole frame into one tile would give confident, wrong maps.
            throw new InvalidDataException(FormattableString.Invariant(
                $"The bundle is tiled (input.tiling: stride {tiling.Stride}, scale {tiling.Scale}); this build scores whole images only, so it refuses the bundle rather than score frames at the wrong scale. Export the run without tiling, or use a build that scores tiles."));
        }
        _settings = settings ?? new FrameScorerSettings();
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
        // The frame-level map: today the model's input size over the crop (one tile fills it).
        MapWidth = model.InputSize;
        MapHeight = model.InputSize;
        _map = new float[MapWidth * MapHeight];
        var (sigma, quantile) = ScoringOptions.ImageScore(model.Manifest);
        _imageScorer = new ImageScorer(MapWidth, MapHeight, sigma, quantile);
        _preprocessor = new FramePreprocessor(model.Preprocessing);
        _detector = model.CreateDetector();
    }

    public BundleModel Model { get; }

    /// <summary>The product class scored as: the prior's class token and the thresholds' class.</summary>
    public string ClassName { get; }

    public ScoringThresholds Thresholds { get; }

    public int MapWidth { get; }

    public int MapHeight { get; }

    /// <summary>The latest frame's map (smoothed, 0 outside the ROI), <see cref="MapWidth"/> x <see cref="MapHeight"/>, over <see cref="Region"/>.</summary>
    public ReadOnlySpan<float> Map => _map;

    /// <summary>The part of the latest frame the map covers, in frame pixels (the crop, or the whole frame).</summary>
    public PixelRect Region => _layout?.Roi.Region ?? default;

    /// <summary>The detector, showing the latest tile's input and reconstruction (for reports).</summary>
    public Detector Detector => _detector;

    /// <summary>Scores one frame.</summary>
    /// <exception cref="InvalidOperationException">The crop reaches past the frame.</exception>
    public FrameScore Score(ImageView frame)
    {
        var layout = LayoutFor(frame.Width, frame.Height);
        foreach (var tile in layout.Tiles)
        {
            // Batching the tiles into one run of the graphs goes here, once a frame has several.
            _preprocessor.Run(frame, tile.Source, _detector.Input);
            _detector.Detect(_classId);
            Place(_detector.Map, tile.Target);
        }
        var score = _imageScorer.Score(_map, layout.Roi.Inside);
        var box = DefectBox.Find(_map, layout.Roi, Thresholds.Pixel ?? double.PositiveInfinity);
        var threshold = Thresholds.Image;
        return new FrameScore(score, threshold, threshold is { } t ? score > t : null, box);
    }

    public void Dispose() => _detector.Dispose();

    /// <summary>
    /// The layout of a frame size: where the model looks and which map pixels count. THE TILING SEAM: today one tile,
    /// the crop resized to the model's input, filling the whole frame-level map. Native-resolution tiling (the manifest's
    /// <c>input.tiling</c>: stride, scale) makes the tiles here from a TileGrid over the crop, sizes the frame-level map
    /// to the crop (times the scale) instead of the model's input, and <see cref="Place"/> becomes the TileBlender's
    /// blend of overlapping tiles; the ROI, smoothing, score and box after it stay as they are.
    /// </summary>
    private FrameLayout LayoutFor(int width, int height)
    {
        if (_layout is { } known && known.Width == width && known.Height == height)
        {
            return known;
        }
        var region = RegionOf(width, height);
        ModelTile[] tiles = [new ModelTile(region, new PixelRect(0, 0, MapWidth, MapHeight))];
        _layout = new FrameLayout(width, height, tiles, new RoiMask(_settings.Roi, width, height, region, MapWidth, MapHeight));
        return _layout;
    }

    /// <summary>Puts a tile's raw map (the model's input size) on its target rectangle of the frame-level map.</summary>
    private void Place(ReadOnlySpan<float> tileMap, PixelRect target)
    {
        var side = Model.InputSize;
        if (target.Width != side || target.Height != side)
        {
            throw new NotSupportedException($"a tile's map is placed at the model's input size ({side}), not {target.Width}x{target.Height}");
        }
        for (var y = 0; y < side; y++)
        {
            tileMap.Slice(y * side, side).CopyTo(_map.AsSpan((target.Y + y) * MapWidth + target.X, side));
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

    private sealed record FrameLayout(int Width, int Height, ModelTile[] Tiles, RoiMask Roi);
}
