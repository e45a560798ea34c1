using System.Text.Json;
using Edge.Bundles.Json;

namespace Edge.Bundles.Manifest;

/// <summary>Settings of the budget term S_budget = -log p_hat[chosen level].</summary>
public sealed record BudgetScoringSpec
{
    /// <summary>Probabilities are clamped to at least this before the log, so one impossible cell cannot give infinity.</summary>
    public double ProbabilityFloor { get; init; } = 1e-6;

    internal static BudgetScoringSpec Read(JsonObjectReader r) => new()
    {
        ProbabilityFloor = r.Number("probabilityFloor", 1e-30, 0.5),
    };

    internal void Write(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteNumber("probabilityFloor", ProbabilityFloor);
        w.WriteEndObject();
    }
}
