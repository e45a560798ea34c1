using Edge.Bundles.Json;
using Edge.Bundles.Validation;

namespace Edge.Bundles.Manifest;

/// <summary>The rules that tie manifest sections together (each section's own values are checked as it is read).</summary>
internal static class ManifestRules
{
    public static void Check(BundleManifest m, ProblemList problems)
    {
        CheckGeometry(m, problems);
        CheckClassKeys(m, problems);
        CheckScoring(m, problems);
        CheckCalibration(m, problems);
        CheckFiles(m, problems);
        CheckGolden(m, problems);
    }

    private static void CheckGeometry(BundleManifest m, ProblemList problems)
    {
        for (var i = 0; i < m.Architecture.DownsampleFactors.Count; i++)
        {
            var factor = m.Architecture.DownsampleFactors[i];
            if (m.Input.Width % factor != 0 || m.Input.Height % factor != 0)
            {
                problems.Add(
                    JsonPaths.Index("$.architecture.downsampleFactors", i),
                    $"{factor} does not divide the input size {m.Input.Width}x{m.Input.Height}");
            }
        }
    }

    private static void CheckClassKeys(BundleManifest m, ProblemList problems)
    {
        var classes = m.ClassNames.ToHashSet(StringComparer.Ordinal);
        void Keys(IEnumerable<string>? keys, string path)
        {
            foreach (var key in keys ?? [])
            {
                if (!classes.Contains(key))
                {
                    problems.Add(JsonPaths.Key(path, key), "is not one of classNames");
                }
            }
        }
        Keys(m.Thresholds?.PerClass?.Keys, "$.thresholds.perClass");
        Keys(m.Validation?.PerClass.Keys, "$.validation.perClass");
        Keys(m.TrainingData.ClassCounts.Keys, "$.trainingData.classCounts");
    }

    private static void CheckScoring(BundleManifest m, ProblemList problems)
    {
        if (m.Scoring.Method == ScoringMethod.BudgetXRecon && m.Architecture.PlainVq)
        {
            problems.Add("$.scoring.method", "\"budget-x-recon\" needs the budget prior, which a plain VQ model (architecture.plainVq) does not have");
        }
    }

    private static void CheckCalibration(BundleManifest m, ProblemList problems)
    {
        if (m.Calibration is not null && m.Thresholds is null)
        {
            problems.Add("$.calibration", "records the images of a calibration, but the manifest has no thresholds");
        }
    }

    private static void CheckFiles(BundleManifest m, ProblemList problems)
    {
        foreach (var name in m.Files.Keys)
        {
            var path = JsonPaths.Key("$.files", name);
            if (BundleFileNames.IsReserved(name))
            {
                problems.Add(path, "is reserved for the manifest and its signature and cannot be listed");
            }
            else if (!BundleFileNames.IsValidFileName(name))
            {
                problems.Add(path, "is not a valid bundle file name (letters, digits, '.', '_', '-'; no folders; not starting with '.')");
            }
        }
        var required = m.RequiredGraphs.Select(BundleFileNames.GraphFile).ToHashSet(StringComparer.Ordinal);
        foreach (var graph in required.Order(StringComparer.Ordinal))
        {
            if (!m.Files.ContainsKey(graph))
            {
                problems.Add(JsonPaths.Key("$.files", graph), "is required but not listed");
            }
        }
        foreach (var name in m.Files.Keys.Where(n => n.EndsWith(BundleFileNames.GraphExtension, StringComparison.Ordinal)))
        {
            if (!required.Contains(name))
            {
                problems.Add(JsonPaths.Key("$.files", name), "is not a graph this bundle's architecture uses");
            }
        }
    }

    private static void CheckGolden(BundleManifest m, ProblemList problems)
    {
        var g = m.Golden;
        void Listed(string file, string path)
        {
            if (!m.Files.ContainsKey(file))
            {
                problems.Add(path, $"names \"{file}\", which is not listed in files");
            }
            if (!file.EndsWith(".npy", StringComparison.Ordinal))
            {
                problems.Add(path, $"names \"{file}\", which is not an .npy tensor file");
            }
        }
        Listed(g.Input, "$.golden.input");
        var graphs = m.RequiredGraphs.Select(BundleFileNames.GraphName).ToHashSet(StringComparer.Ordinal);
        if (g.Outputs.Count == 0)
        {
            problems.Add("$.golden.outputs", "must list the expected outputs of at least one graph");
        }
        foreach (var (graph, outputs) in g.Outputs)
        {
            var graphPath = JsonPaths.Key("$.golden.outputs", graph);
            if (!graphs.Contains(graph))
            {
                problems.Add(graphPath, $"is not a graph of this bundle ({string.Join(", ", graphs.Order(StringComparer.Ordinal))})");
            }
            foreach (var (output, file) in outputs)
            {
                Listed(file, JsonPaths.Key(graphPath, output));
            }
        }
    }
}
