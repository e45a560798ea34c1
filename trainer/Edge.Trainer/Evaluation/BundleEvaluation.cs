using Edge.Bundles.Files;
using Edge.Bundles.Manifest;
using Edge.Detection;
using Edge.Inference.Sessions;
using Edge.Trainer.Export;

namespace Edge.Trainer.Evaluation;

/// <summary>Opens a bundle for evaluation, optionally under another scoring method than its manifest's (ablations).</summary>
public static class BundleEvaluation
{
    public static BundleModel Open(string folder, ScoringMethod? scoring)
    {
        var bundle = Bundle.Open(folder);
        var settings = new SessionSettings { WarmUp = false };
        if (scoring is not { } method || method == bundle.Manifest.Scoring.Method)
        {
            return BundleModel.Load(bundle, settings);
        }
        return BundleModel.Load(bundle, BundleExporter.DefaultScoring(method, bundle.Manifest.Input.Width), settings);
    }
}
