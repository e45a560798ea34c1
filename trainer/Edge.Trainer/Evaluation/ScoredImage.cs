using Edge.Trainer.Data;

namespace Edge.Trainer.Evaluation;

/// <summary>One test image scored through the bundle: its image score, its defect map and ground-truth mask at the model's size.</summary>
/// <param name="Map">Defect map, size x size; kept so pixel metrics and the report can use it.</param>
/// <param name="Mask">Ground truth as 0/1, size x size; all 0 for normal images and images without a mask.</param>
public sealed record ScoredImage(DatasetSample Sample, float Score, float[] Map, float[] Mask);
