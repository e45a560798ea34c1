using Edge.Imaging;
using Edge.Scoring.Maps;

namespace Edge.Detection.Frames;

/// <summary>
/// How the frames of one size are scored, made by <see cref="FrameScorer"/> when the frame size changes: the part of the
/// frame the map covers (the crop, or the whole frame), the frame-level map with its ROI mask and image scorer, and how
/// the model fills that map. <see cref="WholeFrameLayout"/>: the region resized into the model's input, one tile, a map
/// of the input's size. <see cref="Tiling.TiledLayout"/>: native-resolution tiles, a map of the region's size times the
/// bundle's tiling scale (rescaled-frame pixels). Everything it needs is allocated here; running it allocates nothing.
/// </summary>
internal abstract class FrameLayout
{
    protected FrameLayout(
        int frameWidth, int frameHeight, PixelRect region, int mapWidth, int mapHeight, IReadOnlyList<RoiPolygon> roi, (float Sigma, double? Quantile) imageScore)
    {
        FrameWidth = frameWidth;
        FrameHeight = frameHeight;
        MapWidth = mapWidth;
        MapHeight = mapHeight;
        Map = new float[mapWidth * mapHeight];
        Roi = new RoiMask(roi, frameWidth, frameHeight, region, mapWidth, mapHeight);
        ImageScorer = new ImageScorer(mapWidth, mapHeight, imageScore.Sigma, imageScore.Quantile);
    }

    public int FrameWidth { get; }

    public int FrameHeight { get; }

    /// <summary>The frame region under the map, in frame pixels.</summary>
    public PixelRect Region => Roi.Region;

    public int MapWidth { get; }

    public int MapHeight { get; }

    /// <summary>The frame-level map: raw after <see cref="Run"/>, masked and smoothed once the scorer has scored it.</summary>
    public float[] Map { get; }

    public RoiMask Roi { get; }

    public ImageScorer ImageScorer { get; }

    /// <summary>How many model inputs the detector this layout runs with takes per call.</summary>
    public abstract int BatchSize { get; }

    /// <summary>
    /// Runs the model over the frame's region into <see cref="Map"/>: the raw frame-level map, before the ROI and the
    /// smoothing. <paramref name="observeInput"/>, when given, sees each model input's slot right after its run.
    /// </summary>
    public abstract void Run(ImageView frame, Detector detector, int classId, Action<Detector, int>? observeInput);

    /// <summary>The region's input and reconstruction on [0, 1] at the map's size (for reports); runs the frame again and allocates.</summary>
    public abstract FramePictures Pictures(ImageView frame, Detector detector, int classId);
}
