using Edge.Bundles.Files;

namespace Edge.Trainer.Export;

/// <param name="Bundle">The written bundle, opened and verified.</param>
/// <param name="WorstDifference">Largest absolute difference between ONNX Runtime and libtorch over every graph output.</param>
public sealed record ExportResult(Bundle Bundle, double WorstDifference);
