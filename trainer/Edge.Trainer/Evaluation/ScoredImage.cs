using Edge.Trainer.Data;

namespace Edge.Trainer.Evaluation;

/// <summary>
/// One test image scored through the bundle: its image score, its frame-level defect map and its ground-truth mask at
/// that map's size (the model's input for a whole-image bundle; the image's size times the tiling scale for a tiled one).
/// </summary>
/// <param name="Map">Defect map, <paramref name="MapWidth"/> x <paramref name="MapHeight"/> row-major; kept so pixel metrics and the report can use it.</param>
/// <param name="Mask">Ground truth as 0/1 at the map's size; all 0 for normal images and images without a mask.</param>
public sealed record ScoredImage(DatasetSample Sample, float Score, float[] Map, float[] Mask, int MapWidth, int MapHeight);
