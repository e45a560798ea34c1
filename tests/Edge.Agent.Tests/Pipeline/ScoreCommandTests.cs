using System.Text.Json;
using Edge.Agent.Tests.Support;
using Edge.Detection;
using Edge.Detection.Frames;
using Edge.Imaging;
using Edge.Testing;

namespace Edge.Agent.Tests.Pipeline;

[Collection(TrainedBundleCollection.Name)]
public sealed class ScoreCommandTests(TrainedBundle bundle)
{
    [Fact]
    public void Score_prints_one_json_line_per_image_and_flags_the_defect_with_a_box_where_it_is()
    {
        Assert.True(bundle.DefectScore > bundle.NormalScore, $"the trained bundle cannot tell the scenes apart: {bundle.DefectScore} vs {bundle.NormalScore}");
        using var folder = new TempFolder();
        var calibrated = bundle.CalibratedCopy(folder);

        var (code, output, errors) = AgentProcess.Run("score", "--bundle", calibrated, bundle.NormalImage, bundle.DefectImage);

        Assert.True(code == 0, errors);
        var lines = output.Split('\n').Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(2, lines.Count);
        Assert.Equal(bundle.NormalImage, lines[0].GetProperty("path").GetString());
        Assert.False(lines[0].GetProperty("anomalous").GetBoolean());
        Assert.True(lines[1].GetProperty("anomalous").GetBoolean());
        Assert.Equal(bundle.DefectScore, lines[1].GetProperty("score").GetDouble(), 4);
        Assert.Equal("1.0.0", lines[1].GetProperty("modelVersion").GetString());
        var box = lines[1].GetProperty("box").EnumerateArray().Select(v => v.GetInt32()).ToArray();
        // The black square fills the top-left quarter of the 32 x 32 image: the box starts inside it.
        Assert.InRange(box[0], 0, TrainedBundle.Size / 2 - 1);
        Assert.InRange(box[1], 0, TrainedBundle.Size / 2 - 1);
    }

    [Fact]
    public void An_unreadable_image_gets_its_own_error_line_the_others_are_still_scored_and_the_exit_code_says_so()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("broken.png"), "not a picture");

        var (code, output, errors) = AgentProcess.Run("score", "--bundle", bundle.Folder, folder.File("broken.png"), bundle.NormalImage);

        Assert.NotEqual(0, code);
        Assert.Contains(folder.File("broken.png"), errors, StringComparison.Ordinal);
        var line = JsonDocument.Parse(Assert.Single(output.Split('\n'))).RootElement;
        Assert.Equal(bundle.NormalImage, line.GetProperty("path").GetString());
        // An uncalibrated bundle scores but does not judge.
        Assert.Equal(JsonValueKind.Null, line.GetProperty("anomalous").ValueKind);
    }

    [Fact]
    public void A_tiled_bundle_scores_an_image_as_its_tiles_and_an_image_smaller_than_a_tile_gets_a_one_line_error()
    {
        using var folder = new TempFolder();
        var tiled = bundle.TiledCopy(folder);
        var large = folder.File("large.png");
        var small = folder.File("small.png");
        ImageCodec.Save(bundle.RepeatedScene(64, 48).AsView(), large);
        ImageCodec.Save(bundle.RepeatedScene(20, 20).AsView(), small);

        var (code, output, errors) = AgentProcess.Run("score", "--bundle", tiled, small, large);

        Assert.NotEqual(0, code);
        Assert.Contains($"edge-agent score: error: {small}: A 20x20 frame at tiling scale 1 is 20x20, smaller than the 32x32 tile; use a larger scale (at least 1.6) or a larger camera crop.", errors, StringComparison.Ordinal);
        var line = JsonDocument.Parse(Assert.Single(output.Split('\n'))).RootElement;
        Assert.Equal(large, line.GetProperty("path").GetString());
        // The same score as the frame scorer's over the 3 x 2 tiles of the 64x48 image.
        using var model = BundleModel.Open(tiled);
        using var scorer = new FrameScorer(model);
        var expected = scorer.Score(ImageCodec.Load(large).AsView()).Score;
        Assert.Equal((6, 64, 48), (scorer.TileCount, scorer.MapWidth, scorer.MapHeight));
        Assert.Equal(expected, line.GetProperty("score").GetDouble(), 4);
        var box = line.GetProperty("box").EnumerateArray().Select(v => v.GetInt32()).ToArray();
        Assert.True(box[0] >= 0 && box[1] >= 0 && box[0] + box[2] <= 64 && box[1] + box[3] <= 48, string.Join(",", box));
    }
}
