using System.Text.Json;

namespace Edge.Trainer.Synthesis.Photos;

/// <summary>What a photo data set's class was cut from (<see cref="PhotoDataset.CropsFile"/>): the photographs and every crop.</summary>
public sealed record PhotoSetRecord(IReadOnlyList<PhotoSource> Sources, IReadOnlyList<PhotoCrop> Crops)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public void Write(string classFolder) =>
        File.WriteAllText(Path.Combine(classFolder, PhotoDataset.CropsFile), JsonSerializer.Serialize(this, Json) + "\n");

    /// <summary>The record a class folder was written with; a missing or unreadable one is an <see cref="InvalidDataException"/>.</summary>
    public static PhotoSetRecord Read(string classFolder)
    {
        var path = Path.Combine(classFolder, PhotoDataset.CropsFile);
        try
        {
            return JsonSerializer.Deserialize<PhotoSetRecord>(File.ReadAllText(path), Json) ?? throw new InvalidDataException($"'{path}' is empty.");
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            throw new InvalidDataException($"Cannot read '{path}': {e.Message}", e);
        }
    }
}
