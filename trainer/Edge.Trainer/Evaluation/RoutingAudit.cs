using Edge.Detection;
using Edge.Trainer.Model;
using Edge.Trainer.Training;

namespace Edge.Trainer.Evaluation;

/// <summary>
/// What the exported model does with normal test images, for the evaluation report: whether its routing follows
/// content (the level shares of the plainest and richest quarter of coarsest cells by Haar context richness, as
/// <c>fit</c> prints them for the training images), how sure the budget prior is (mean entropy per cell, nats) and how
/// often the prior's likeliest level is the level the input chose. Fed by <see cref="Observe"/>, one model input (an
/// image, or a tile) at a time.
/// </summary>
public sealed class RoutingAudit
{
    private readonly List<float> _richness = [];
    private readonly List<long> _levels = [];
    private double _priorEntropy;
    private int _priorAgreements;
    private int _priorCells;
    private int _levelCount;

    /// <summary>Reads input <paramref name="item"/>'s routing, richness and prior after <paramref name="detector"/> ran it.</summary>
    public void Observe(Detector detector, int item)
    {
        ArgumentNullException.ThrowIfNull(detector);
        if (detector.Model.Manifest.Architecture.PlainVq)
        {
            return;
        }
        _levelCount = detector.Levels;
        var chosen = detector.ChosenLevelsOf(item);
        _richness.AddRange(ContextRichness.Compute(detector.Image01Of(item), detector.Model.Channels, detector.Model.InputSize, detector.RoutingGrid));
        foreach (var level in chosen)
        {
            _levels.Add(level);
        }
        var prior = detector.PriorProbabilitiesOf(item);
        if (prior.IsEmpty)
        {
            return;
        }
        // The detector already took the prior's likeliest level per cell (the reconstruction is made with it).
        var likeliest = detector.PriorLevelsOf(item);
        for (var cell = 0; cell < chosen.Length; cell++)
        {
            foreach (var p in prior.Slice(cell * _levelCount, _levelCount))
            {
                if (p > 0)
                {
                    _priorEntropy -= p * Math.Log(p);
                }
            }
            _priorAgreements += likeliest[cell] == chosen[cell] ? 1 : 0;
            _priorCells++;
        }
    }

    /// <summary>The figures over everything observed; null for a plain VQ-VAE or before any input was observed.</summary>
    public RoutingFigures? Result() => _levels.Count == 0
        ? null
        : new RoutingFigures(
            RoutingStatistics.Compute(_richness, _levels, _levelCount),
            _priorCells == 0 ? null : _priorEntropy / _priorCells,
            _priorCells == 0 ? null : (double)_priorAgreements / _priorCells);
}

/// <summary>A <see cref="RoutingAudit"/>'s figures; the prior's are null when the bundle scores without it.</summary>
public sealed record RoutingFigures(RoutingStatistics Routing, double? PriorEntropy, double? PriorAgreement);
