using Edge.Testing;
using Edge.Torch;

namespace Edge.Trainer.Tests.Training;

public sealed class FitDeviceTests(FitData data) : IClassFixture<FitData>
{
    [NoGpuFact]
    public void Fit_on_cuda_where_no_GPU_is_present_is_a_one_line_error_saying_how_to_get_a_CUDA_libtorch()
    {
        using var folder = new TempFolder();

        var (exit, output, errors) = FitData.Run(
            "fit", "--data", data.DataFolder, "--out", folder.File("run"), "--config", FitData.TinyConfig(folder, 4, 2, 2), "--device", "cuda:0");

        Assert.Equal(1, exit);
        var line = Assert.Single(errors.Trim().Split('\n'));
        Assert.StartsWith("edge-train: error: --device cuda:0: CUDA is not available in this libtorch build", line, StringComparison.Ordinal);
        Assert.Contains("LIBTORCH=/path/to/libtorch make native", line, StringComparison.Ordinal);
        Assert.Equal("", output);
        Assert.False(Directory.Exists(folder.File("run")));
    }

    [Theory]
    [InlineData("gpu")]
    [InlineData("cuda:one")]
    [InlineData("cpu:0:1")]
    public void A_device_that_is_not_cpu_or_cuda_N_is_a_one_line_error(string device)
    {
        using var folder = new TempFolder();

        var (exit, _, errors) = FitData.Run("fit", "--data", data.DataFolder, "--out", folder.File("run"), "--device", device);

        Assert.Equal(1, exit);
        Assert.Contains($"--device {device}: not a device", Assert.Single(errors.Trim().Split('\n')), StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_on_cpu_trains_and_says_so()
    {
        using var folder = new TempFolder();

        var (exit, output, errors) = FitData.Run(
            "fit", "--data", data.DataFolder, "--out", folder.File("run"), "--config", FitData.TinyConfig(folder, 4, 2, 2), "--device", "cpu");

        Assert.True(exit == 0, errors);
        Assert.Contains("on cpu", output, StringComparison.Ordinal);
        Assert.Equal(Device.Cpu, Device.Parse("cpu"));
        Assert.True(File.Exists(folder.File("run/run.json")));
    }
}
