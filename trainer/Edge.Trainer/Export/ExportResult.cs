using Edge.Bundles.Files;
using Edge.Detection;

namespace Edge.Trainer.Export;

/// <param name="Bundle">The written bundle, opened and verified.</param>
/// <param name="Check">The golden check of the bundle in ONNX Runtime against libtorch (passed): worst difference, accepted near-ties.</param>
/// <param name="GoldenSeed">Seed of the chosen golden input (<see cref="GoldenTensors"/>).</param>
/// <param name="GoldenNearTies">Latent cells of the golden input whose two nearest codes are near-tied (in libtorch's latents).</param>
/// <param name="GoldenMargin">The golden input's smallest nearest-to-second code gap, in units of the parity allowance.</param>
public sealed record ExportResult(Bundle Bundle, GoldenCheckResult Check, int GoldenSeed, int GoldenNearTies, double GoldenMargin)
{
    /// <summary>Largest absolute difference between ONNX Runtime and libtorch over every compared output.</summary>
    public double WorstDifference => Check.WorstDifference;
}
