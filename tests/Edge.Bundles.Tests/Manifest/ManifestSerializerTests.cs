using System.Text;
using System.Text.Json.Nodes;
using Edge.Bundles.Manifest;
using Edge.Bundles.Tests.Support;
using Edge.Bundles.Validation;

namespace Edge.Bundles.Tests.Manifest;

public class ManifestSerializerTests
{
    [Fact]
    public void A_manifest_survives_a_round_trip_byte_for_byte_and_value_for_value()
    {
        var original = SampleBundles.ListedManifest();
        var json = ManifestSerializer.Serialize(original);
        var parsed = ManifestSerializer.Parse(json);

        Assert.Equal(json, ManifestSerializer.Serialize(parsed));
        Assert.Equal(original.ModelVersion, parsed.ModelVersion);
        Assert.Equal("build.7", parsed.ModelVersion.Build);
        Assert.Equal(original.CreatedUtc, parsed.CreatedUtc);
        Assert.Equal(original.Input.Mean, parsed.Input.Mean);
        Assert.Equal(original.Architecture.DownsampleFactors, parsed.Architecture.DownsampleFactors);
        Assert.Equal(ScoringMethod.BudgetXRecon, parsed.Scoring.Method);
        Assert.Equal(0.999, parsed.Scoring.Quantile);
        Assert.Equal(0.25, parsed.Thresholds!.PerClass!["carpet"].Pixel);
        Assert.Equal(original.NormalStatistics, parsed.NormalStatistics);
        Assert.Null(parsed.Validation!.PixelAuroc);
        Assert.Equal(0.97, parsed.Validation.PerClass["bottle"].PixelAuroc);
        Assert.Equal(280, parsed.TrainingData.ClassCounts["carpet"]);
        Assert.Equal(original.Files["decoder.onnx"], parsed.Files["decoder.onnx"]);
        Assert.Equal("golden_decoder_x_hat.npy", parsed.Golden.Outputs["decoder"]["x_hat"]);
        Assert.True(parsed.IsCalibrated);
    }

    [Fact]
    public void The_json_uses_camel_case_names_and_the_documented_enum_spellings()
    {
        var json = JsonNode.Parse(ManifestSerializer.Serialize(SampleBundles.ListedManifest()))!;
        Assert.Equal(1, (int)json["formatVersion"]!);
        Assert.Equal("budget-x-recon", (string)json["scoring"]!["method"]!);
        Assert.Equal("quantile", (string)json["scoring"]!["imageScore"]!);
        Assert.Equal("mean", (string)json["scoring"]!["reconstruction"]!["channelReduction"]!);
        Assert.Equal("NCHW", (string)json["input"]!["layout"]!);
        Assert.Equal("2025-03-14T15:09:26.535Z", (string)json["createdUtc"]!);
        Assert.Equal(10, (long)json["files"]!["encoder.onnx"]!["size"]!);
        Assert.Null(json["validation"]!["pixelAuroc"]);
        Assert.True(json["validation"]!.AsObject().ContainsKey("pixelAuroc"));
    }

    [Fact]
    public void Every_problem_is_reported_at_once_with_its_json_path()
    {
        var json = JsonNode.Parse(ManifestSerializer.Serialize(SampleBundles.ListedManifest()))!;
        json["modelVersion"] = "1.0";
        json["input"]!["mean"] = new JsonArray(0.5, 0.5);
        json["input"]!["width"] = "wide";
        json["scoring"]!["method"] = "magic";
        json["architecture"]!.AsObject().Remove("embeddingDim");
        json["tresholds"] = 3;
        json["files"]!["decoder.onnx"]!["sha256"] = "not-hex";
        json["normalStatistics"]!["pixel"]!["quantiles"]!["p99"] = 0.0;

        var error = Assert.Throws<BundleException>(() => ManifestSerializer.Parse(json.ToJsonString()));

        var paths = error.Problems.Select(p => p.Path).ToHashSet();
        string[] expected =
        [
            "$.modelVersion", "$.input.mean", "$.input.width", "$.scoring.method", "$.architecture.embeddingDim",
            "$.tresholds", "$.files['decoder.onnx'].sha256", "$.normalStatistics.pixel.quantiles.p99",
        ];
        Assert.All(expected, path => Assert.Contains(path, paths));
        Assert.Contains("$.input.mean", error.Message, StringComparison.Ordinal);
        Assert.Contains(error.Problems, p => p.Path == "$.tresholds" && p.Message.Contains("not a known property", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_format_version_is_refused_before_anything_else()
    {
        var json = JsonNode.Parse(ManifestSerializer.Serialize(SampleBundles.ListedManifest()))!;
        json["formatVersion"] = 2;
        json["input"] = "garbage";
        var error = Assert.Throws<BundleException>(() => ManifestSerializer.Parse(json.ToJsonString()));
        var problem = Assert.Single(error.Problems);
        Assert.Equal("$.formatVersion", problem.Path);
        Assert.Contains("format version 2 is unknown", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rules_across_sections_are_checked_with_paths()
    {
        var manifest = SampleBundles.ListedManifest() with
        {
            Architecture = SampleBundles.Manifest().Architecture with { PlainVq = true, DownsampleFactors = [4, 8, 48] },
            TrainingData = SampleBundles.Manifest().TrainingData with { ClassCounts = new Dictionary<string, int> { ["bottle"] = 209, ["cable"] = 280 } },
            Golden = SampleBundles.Manifest().Golden with { Input = "missing.npy" },
        };
        var error = Assert.Throws<BundleException>(() => ManifestSerializer.Validate(manifest));
        var paths = error.Problems.Select(p => p.Path).ToHashSet();
        Assert.Contains("$.scoring.method", paths);
        Assert.Contains("$.architecture.downsampleFactors[2]", paths);
        Assert.Contains("$.trainingData.classCounts['cable']", paths);
        Assert.Contains("$.files['budget_prior.onnx']", paths);
        Assert.Contains("$.golden.input", paths);
    }

    [Fact]
    public void The_calibration_images_survive_a_round_trip_and_are_read_strictly()
    {
        var calibrated = SampleBundles.ListedManifest() with
        {
            Calibration = new CalibrationData
            {
                Source = CalibrationSource.Split,
                Fingerprint = new string('a', 64),
                ImageCount = 2,
                Split = new CalibrationSplit { Share = 0.3, Seed = 7, Images = ["bottle/test/good/000.png", "bottle/test/hole/001.png"] },
            },
        };
        var parsed = ManifestSerializer.Parse(ManifestSerializer.Serialize(calibrated));
        Assert.Equal(CalibrationSource.Split, parsed.Calibration!.Source);
        Assert.Equal(0.3, parsed.Calibration.Split!.Share);
        Assert.Equal(7, parsed.Calibration.Split.Seed);
        Assert.Equal(["bottle/test/good/000.png", "bottle/test/hole/001.png"], parsed.Calibration.Split.Images);

        var json = JsonNode.Parse(ManifestSerializer.Serialize(calibrated))!;
        Assert.Equal("split", (string)json["calibration"]!["source"]!);
        json["calibration"]!["imageCount"] = 3;
        json["calibration"]!["split"]!["share"] = 1;
        json["calibration"]!["split"]!["images"]![1] = "../elsewhere/001.png";
        json["calibration"]!["split"]!["sead"] = 7;
        var error = Assert.Throws<BundleException>(() => ManifestSerializer.Parse(json.ToJsonString()));
        Assert.Equal(
            ["$.calibration.imageCount", "$.calibration.split.images[1]", "$.calibration.split.sead", "$.calibration.split.share"],
            error.Problems.Select(p => p.Path).Order(StringComparer.Ordinal));

        var folderWithSplit = JsonNode.Parse(ManifestSerializer.Serialize(calibrated))!;
        folderWithSplit["calibration"]!["source"] = "validation-folder";
        var misplaced = Assert.Throws<BundleException>(() => ManifestSerializer.Parse(folderWithSplit.ToJsonString()));
        Assert.Equal("$.calibration.split", Assert.Single(misplaced.Problems).Path);

        var withoutThresholds = Assert.Throws<BundleException>(() => ManifestSerializer.Validate(calibrated with { Thresholds = null }));
        Assert.Contains(withoutThresholds.Problems, p => p.Path == "$.calibration" && p.Message.Contains("no thresholds", StringComparison.Ordinal));
    }

    [Fact]
    public void Invalid_json_and_duplicate_keys_are_reported()
    {
        var syntax = Assert.Throws<BundleException>(() => ManifestSerializer.Parse("{\"formatVersion\": 1,"));
        Assert.Equal("$", Assert.Single(syntax.Problems).Path);

        var text = Encoding.UTF8.GetString(ManifestSerializer.Serialize(SampleBundles.ListedManifest()));
        var duplicated = text.Replace("\"producer\":", "\"producer\": \"x\", \"producer\":", StringComparison.Ordinal);
        var error = Assert.Throws<BundleException>(() => ManifestSerializer.Parse(duplicated));
        Assert.Contains(error.Problems, p => p.Path == "$.producer" && p.Message.Contains("more than once", StringComparison.Ordinal));
    }

    [Fact]
    public void Quantile_scoring_needs_its_q_and_the_method_its_section()
    {
        var manifest = SampleBundles.ListedManifest() with
        {
            Scoring = new ScoringSpec { Method = ScoringMethod.SsimXAlignment, SmoothingSigma = 1, ImageScore = ImageScoreReduction.Quantile },
        };
        var error = Assert.Throws<BundleException>(() => ManifestSerializer.Validate(manifest));
        var paths = error.Problems.Select(p => p.Path).ToHashSet();
        Assert.Contains("$.scoring.quantile", paths);
        Assert.Contains("$.scoring.innerMetrics", paths);
    }

    [Fact]
    public void A_manifest_built_in_code_with_nan_is_refused_as_a_bundle_problem()
    {
        var manifest = SampleBundles.ListedManifest() with { Thresholds = new ThresholdSet { Image = double.NaN, Pixel = 0 } };
        Assert.Throws<BundleException>(() => ManifestSerializer.Validate(manifest));
    }
}
