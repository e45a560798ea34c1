using Edge.Imaging;
using Edge.Imaging.Preprocessing;

namespace Edge.Detection.Frames;

/// <summary>
/// A whole-image bundle's layout: the region (crop, or whole frame) resized into the model's input, one run of the
/// graphs, and its map, the model's input size, is the frame-level map.
/// </summary>
internal sealed class WholeFrameLayout : FrameLayout
{
    private readonly FramePreprocessor _preprocessor;
    private readonly int _channels;

    public WholeFrameLayout(BundleModel model, int frameWidth, int frameHeight, PixelRect region, IReadOnlyList<RoiPolygon> roi, (float Sigma, double? Quantile) imageScore)
        : base(frameWidth, frameHeight, region, model.InputSize, model.InputSize, roi, imageScore)
    {
        _preprocessor = new FramePreprocessor(model.Preprocessing);
        _channels = model.Channels;
    }

    public override int BatchSize => 1;

    public override void Run(ImageView frame, Detector detector, int classId, Action<Detector, int>? observeInput)
    {
        _preprocessor.Run(frame, Region, detector.Input);
        detector.Detect(classId);
        observeInput?.Invoke(detector, 0);
        detector.Map.CopyTo(Map);
    }

    public override FramePictures Pictures(ImageView frame, Detector detector, int classId)
    {
        // Not Run: the scored map stays as the scorer left it.
        _preprocessor.Run(frame, Region, detector.Input);
        detector.Detect(classId);
        return new FramePictures(MapWidth, MapHeight, _channels, detector.Image01.ToArray(), detector.Reconstruction01.ToArray());
    }
}
