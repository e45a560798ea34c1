namespace Edge.Trainer.Synthesis;

/// <summary>Textured surfaces (fabric, wood) or discrete parts (washers, plates) on a belt.</summary>
public enum SyntheticKind
{
    Textures,
    Objects,
}
