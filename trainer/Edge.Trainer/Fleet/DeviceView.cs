using System.Text.Json;
using Edge.Fleet;

namespace Edge.Trainer.Fleet;

/// <summary>What the broker's topics say about one device: status, model state and its latest health message.</summary>
public sealed class DeviceView(string site, string device)
{
    public string Site { get; } = site;

    public string Device { get; } = device;

    /// <summary><c>online</c>, <c>offline</c>, or null when the device never announced itself.</summary>
    public string? Status { get; set; }

    public ModelState? Model { get; set; }

    public JsonElement? Health { get; set; }

    public string? ModelVersion => Model?.Active ?? HealthString("modelVersion");

    public double? Fps => Health is { } h && h.TryGetProperty("fps", out var fps) && fps.ValueKind == JsonValueKind.Number ? fps.GetDouble() : null;

    public string? ExecutionProvider => HealthString("executionProvider");

    private string? HealthString(string key) =>
        Health is { } h && h.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
