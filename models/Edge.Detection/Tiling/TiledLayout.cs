using Edge.Detection.Frames;
using Edge.Imaging;
using Edge.Imaging.Preprocessing;

namespace Edge.Detection.Tiling;

/// <summary>
/// A tiled bundle's layout (BUNDLE.md, "Tiles"): the region (crop, or whole frame) is resized once to the rescaled
/// frame of <see cref="TileGrid"/> (round(W x scale) x round(H x scale)) and normalized, straight into one planar
/// buffer; the tiles are copied out of it into the detector's input slots, up to <see cref="BatchSize"/> per run of the
/// graphs; each tile's raw map is added to a <see cref="TileBlender"/>, and the blended map of the rescaled frame is
/// the frame-level map: one map pixel per rescaled-frame pixel, not resized back to the camera's pixels.
/// </summary>
internal sealed class TiledLayout : FrameLayout
{
    private readonly TileGrid _grid;
    private readonly TileBlender _blender;
    private readonly FramePreprocessor _preprocessor;
    private readonly float[] _scaled;
    private readonly int _channels;

    public TiledLayout(
        BundleModel model, TileGrid grid, int batchSize, int frameWidth, int frameHeight, PixelRect region,
        IReadOnlyList<RoiPolygon> roi, (float Sigma, double? Quantile) imageScore)
        : base(frameWidth, frameHeight, region, grid.ScaledWidth, grid.ScaledHeight, roi, imageScore)
    {
        _grid = grid;
        BatchSize = batchSize;
        _channels = model.Channels;
        _blender = new TileBlender(grid, resizeToFrame: false);
        _preprocessor = new FramePreprocessor(model.Preprocessing with { Width = grid.ScaledWidth, Height = grid.ScaledHeight });
        _scaled = new float[_preprocessor.OutputLength];
    }

    public override int BatchSize { get; }

    public TileGrid Grid => _grid;

    public override void Run(ImageView frame, Detector detector, int classId, Action<Detector, int>? observeInput)
    {
        _blender.Clear();
        RunTiles(frame, detector, classId, pictures: null, observeInput);
        _blender.Finish();
        _blender.ScaledMap.CopyTo(Map);
    }

    public override FramePictures Pictures(ImageView frame, Detector detector, int classId)
    {
        // One blender per channel of each picture; a report's few frames may allocate.
        var inputs = Enumerable.Range(0, _channels).Select(_ => new TileBlender(_grid, resizeToFrame: false)).ToArray();
        var reconstructions = Enumerable.Range(0, _channels).Select(_ => new TileBlender(_grid, resizeToFrame: false)).ToArray();
        RunTiles(frame, detector, classId, (inputs, reconstructions));
        return new FramePictures(MapWidth, MapHeight, _channels, Planar(inputs), Planar(reconstructions));
    }

    /// <summary>
    /// Preprocesses the region once, then runs its tiles batch by batch, each tile's map into the blender, or with
    /// <paramref name="pictures"/> each tile's input and reconstruction into those blenders (one per channel).
    /// </summary>
    private void RunTiles(
        ImageView frame, Detector detector, int classId, (TileBlender[] Inputs, TileBlender[] Reconstructions)? pictures, Action<Detector, int>? observeInput = null)
    {
        var plane = _grid.TileSize * _grid.TileSize;
        _preprocessor.Run(frame, Region, _scaled);
        for (var start = 0; start < _grid.Count; start += BatchSize)
        {
            var count = Math.Min(BatchSize, _grid.Count - start);
            for (var item = 0; item < count; item++)
            {
                CopyTile(start + item, detector.InputOf(item));
            }
            detector.Detect(classId, count);
            for (var item = 0; item < count; item++)
            {
                observeInput?.Invoke(detector, item);
                if (pictures is not { } blenders)
                {
                    _blender.Add(start + item, detector.MapOf(item));
                    continue;
                }
                for (var c = 0; c < _channels; c++)
                {
                    blenders.Inputs[c].Add(start + item, detector.Image01Of(item).Slice(c * plane, plane));
                    blenders.Reconstructions[c].Add(start + item, detector.Reconstruction01Of(item).Slice(c * plane, plane));
                }
            }
        }
    }

    /// <summary>Copies tile <paramref name="index"/>'s window of the rescaled, normalized frame into a detector input slot (CHW).</summary>
    private void CopyTile(int index, Span<float> destination)
    {
        var rect = _grid.Tile(index);
        int t = _grid.TileSize, width = _grid.ScaledWidth, plane = width * _grid.ScaledHeight;
        for (var c = 0; c < _channels; c++)
        {
            for (var y = 0; y < t; y++)
            {
                _scaled.AsSpan(c * plane + (rect.Y + y) * width + rect.X, t).CopyTo(destination.Slice(c * t * t + y * t, t));
            }
        }
    }

    private static float[] Planar(TileBlender[] channels)
    {
        var plane = channels[0].Grid.ScaledWidth * channels[0].Grid.ScaledHeight;
        var result = new float[channels.Length * plane];
        for (var c = 0; c < channels.Length; c++)
        {
            channels[c].Finish();
            channels[c].ScaledMap.CopyTo(result.AsSpan(c * plane, plane));
        }
        return result;
    }
}
