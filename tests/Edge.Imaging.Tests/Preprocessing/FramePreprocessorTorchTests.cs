using System.Runtime.InteropServices;
using Edge.Imaging.Preprocessing;
using Edge.Imaging.Tests.Support;
using Edge.Testing;

namespace Edge.Imaging.Tests.Preprocessing;

/// <summary>The resize convention checked against PyTorch itself (Debian's python3-torch), which the trainer's models were built around.</summary>
public sealed class FramePreprocessorTorchTests
{
    [Theory]
    [InlineData(640, 360, 96, 64)]
    [InlineData(45, 30, 128, 80)]
    public void Resize_matches_torch_interpolate_bilinear_without_align_corners(int width, int height, int targetWidth, int targetHeight)
    {
        using var folder = new TempFolder("edge-torch-");
        var frame = Pixels.RandomImage(width, height, PixelLayout.Rgb, seed: width);
        File.WriteAllBytes(folder.File("frame.raw"), frame.Pixels);
        RunTorch(folder.File("frame.raw"), $"{height}", $"{width}", "3", $"{targetHeight}", $"{targetWidth}", folder.File("torch.raw"));
        var expected = MemoryMarshal.Cast<byte, float>(File.ReadAllBytes(folder.File("torch.raw"))).ToArray();
        var preprocessor = new FramePreprocessor(new PreprocessOptions { Width = targetWidth, Height = targetHeight });
        var output = new float[preprocessor.OutputLength];

        preprocessor.Run(frame.AsView(), output);

        Assert.Equal(expected.Length, output.Length);
        var worst = expected.Zip(output, (a, b) => Math.Abs(a - b)).Max();
        Assert.True(worst < 1e-5, $"largest difference from torch {worst}");
    }

    private static void RunTorch(params string[] arguments) =>
        ExternalProcess.Run("/usr/bin/python3", [Path.Combine(AppContext.BaseDirectory, "Preprocessing", "torch_bilinear.py"), .. arguments]);
}
