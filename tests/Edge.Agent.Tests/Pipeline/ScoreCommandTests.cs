using System.Text.Json;
using Edge.Agent.Tests.Support;
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
}
