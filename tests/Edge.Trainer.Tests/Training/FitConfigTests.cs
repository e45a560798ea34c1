using System.Text.Json;
using Edge.Testing;
using Edge.Trainer.Commands;
using Edge.Trainer.Training;

namespace Edge.Trainer.Tests.Training;

public sealed class FitConfigTests(FitData data) : IClassFixture<FitData>
{
    [Fact]
    public void A_config_file_overrides_preset_fields_including_nested_model_fields_and_keeps_the_rest()
    {
        using var folder = new TempFolder();
        var path = folder.File("c.json");
        File.WriteAllText(path, """{ "steps": 7, "learningRate": 0.01, "model": { "codebookSize": 24 }, "checkpointEverySteps": 3 }""");
        var preset = Presets.Get("small");

        var options = OptionsOverride.Apply(preset, path);

        Assert.Equal(7, options.Steps);
        Assert.Equal(0.01, options.LearningRate);
        Assert.Equal(3, options.CheckpointEverySteps);
        Assert.Equal(24, options.Model.CodebookSize);
        Assert.Equal(preset.Model.ImageSize, options.Model.ImageSize);
        Assert.Equal(preset.PriorSteps, options.PriorSteps);
        Assert.True(options.Model.Attention);
    }

    [Theory]
    [InlineData("""{ "stepz": 3 }""", "'stepz'")]
    [InlineData("""{ "model": { "codebookSise": 3 } }""", "'model.codebookSise'")]
    [InlineData("""{ "steps": "many" }""", "'steps' must be a whole number")]
    [InlineData("""{ "model": { "imageSize": 30.5 } }""", "'model.imageSize' must be a whole number")]
    [InlineData("""{ "augment": 1 }""", "'augment' must be true or false")]
    [InlineData("""{ "model": 4 }""", "'model' must be an object")]
    [InlineData("""{ "steps": null }""", "'steps' has no value")]
    [InlineData("""{ "checkpointEverySteps": 0 }""", "checkpointEverySteps must be at least 1")]
    [InlineData("""{ "model": { "imageSize": 40 } }""", "imageSize must be a multiple of 16")]
    public void An_unknown_key_or_a_bad_value_is_an_error_that_names_the_key(string json, string expected)
    {
        using var folder = new TempFolder();
        var path = folder.File("c.json");
        File.WriteAllText(path, json);

        var error = Assert.Throws<UserInputException>(() => OptionsOverride.Apply(Presets.Get("tiny"), path));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Fit_trains_with_the_config_files_values_and_writes_the_effective_options_to_the_run()
    {
        using var folder = new TempFolder();
        var config = FitData.TinyConfig(folder, steps: 6, priorSteps: 2, checkpointEvery: 50, extra: """, "tauEnd": 0.5""");

        var (exit, output, errors) = FitData.Run("fit", "--data", data.DataFolder, "--out", folder.File("run"), "--config", config, "--device", "cpu", "--seed", "4");

        Assert.True(exit == 0, errors);
        Assert.Contains("on cpu", output, StringComparison.Ordinal);
        using var options = JsonDocument.Parse(File.ReadAllText(folder.File("run/options.json")));
        var root = options.RootElement;
        Assert.Equal(6, root.GetProperty("steps").GetInt32());
        Assert.Equal(0.5, root.GetProperty("tauEnd").GetDouble());
        Assert.Equal(4, root.GetProperty("seed").GetInt32());
        Assert.Equal(16, root.GetProperty("model").GetProperty("codebookSize").GetInt32());
        Assert.Equal(2, root.GetProperty("model").GetProperty("classCount").GetInt32());
        using var run = JsonDocument.Parse(File.ReadAllText(folder.File("run/run.json")));
        Assert.Equal(16, run.RootElement.GetProperty("config").GetProperty("codebookSize").GetInt32());
        // The written options are themselves a valid --config file giving the same options.
        Assert.Equal(File.ReadAllText(folder.File("run/options.json")).Trim(), OptionsOverride.Write(OptionsOverride.Apply(Presets.Get("paper"), folder.File("run/options.json"))));
    }

    [Fact]
    public void Fit_with_an_unknown_config_key_fails_in_one_line_naming_it_and_trains_nothing()
    {
        using var folder = new TempFolder();
        var config = FitData.TinyConfig(folder, steps: 6, priorSteps: 2, checkpointEvery: 50, extra: """, "batchSise": 4""");

        var (exit, output, errors) = FitData.Run("fit", "--data", data.DataFolder, "--out", folder.File("run"), "--config", config);

        Assert.Equal(1, exit);
        var line = Assert.Single(errors.Trim().Split('\n'));
        Assert.StartsWith("edge-train: error: ", line, StringComparison.Ordinal);
        Assert.Contains("unknown key 'batchSise'", line, StringComparison.Ordinal);
        Assert.Equal("", output);
        Assert.False(Directory.Exists(folder.File("run")));
    }
}
