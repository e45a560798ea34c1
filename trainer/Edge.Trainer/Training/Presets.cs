using Edge.Trainer.Model;

namespace Edge.Trainer.Training;

/// <summary>Named training set-ups: tiny (minutes on 2 CPU cores), small, and the paper's 256x256 settings for a GPU.</summary>
public static class Presets
{
    public static IReadOnlyList<string> Names { get; } = ["tiny", "small", "paper"];

    public static TrainingOptions Get(string name) => name switch
    {
        "tiny" => new TrainingOptions
        {
            Model = new PvqaeConfig { ImageSize = 64, BaseWidth = 16, EmbeddingDim = 32, CodebookSize = 64, RoutingHidden = 32, PriorWidth = 32 },
            BatchSize = 8, Steps = 600, PriorSteps = 300, MaxMinutes = 8,
        },
        "small" => new TrainingOptions
        {
            Model = new PvqaeConfig { ImageSize = 128, BaseWidth = 32, EmbeddingDim = 64, CodebookSize = 256, RoutingHidden = 64, PriorWidth = 64, Attention = true },
            BatchSize = 16, Steps = 4000, PriorSteps = 1500, MaxMinutes = 60,
        },
        "paper" => new TrainingOptions
        {
            Model = new PvqaeConfig { ImageSize = 256, BaseWidth = 64, EmbeddingDim = 64, CodebookSize = 512, RoutingHidden = 128, PriorWidth = 128, PriorHeads = 8, Attention = true, AttentionHeads = 8 },
            BatchSize = 32, Steps = 50_000, PriorSteps = 10_000, MaxMinutes = 24 * 60, LearningRate = 1e-3,
        },
        _ => throw new ArgumentException($"Unknown preset '{name}'; choose {string.Join(", ", Names)}."),
    };
}
