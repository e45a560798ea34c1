namespace Edge.Trainer.Synthesis.Photos;

/// <summary>One photograph a class was cut from: its path, its size as read, the shrink factor and how its tiles were split.</summary>
public sealed record PhotoSource(string Path, int Width, int Height, int Scale, int TrainTiles, int HeldOutTiles);
