using System.Text.RegularExpressions;
using Edge.Torch;

namespace Edge.Trainer.Commands;

/// <summary><c>fit --device</c>: cpu, cuda:0 or cuda:N, checked against what this libtorch build and machine have.</summary>
internal static partial class TrainingDevice
{
    /// <exception cref="UserInputException">Not a device, or not one this libtorch can use here; the message says what to do.</exception>
    public static Device Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!DeviceText().IsMatch(text))
        {
            throw new UserInputException($"--device {text}: not a device this trainer uses; use cpu, cuda:0 or cuda:N.");
        }
        if (text.StartsWith("cuda", StringComparison.Ordinal) && !LibTorch.CudaIsAvailable)
        {
            throw new UserInputException(
                $"--device {text}: CUDA is not available in this libtorch build ({LibTorch.Version}, CPU only, or no GPU present); "
                + "to train on a GPU, set LIBTORCH to a CUDA libtorch and rebuild the shim: LIBTORCH=/path/to/libtorch make native.");
        }
        try
        {
            return Device.Parse(text);
        }
        catch (TorchException e)
        {
            throw new UserInputException($"--device {text}: {e.NativeMessage.Split('\n')[0].Trim()}", e);
        }
    }

    [GeneratedRegex(@"^(cpu|cuda(:[0-9]+)?)$")]
    private static partial Regex DeviceText();
}
