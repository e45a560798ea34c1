using Edge.Bundles.Signing;
using Edge.Bundles.Validation;
using Edge.Imaging;
using Edge.Inference;
using Edge.Onnx;
using Edge.Trainer.Training.Guard;

namespace Edge.Trainer.Commands;

/// <summary>
/// Runs a command's body and turns the errors a user can cause (bad paths, bad data, bad options) into one
/// line on standard error and exit code 1, never a stack trace. Bugs still surface with their trace.
/// </summary>
internal static class CommandErrors
{
    /// <summary>The exit code of a fit whose training diverged past its roll-backs (the run is not saved).</summary>
    public const int Diverged = 3;

    /// <summary>The exit code of a command stopped by Ctrl-C (128 + SIGINT), as a shell reports it.</summary>
    public const int Cancelled = 130;

    public static int Run(Func<int> body)
    {
        try
        {
            return body();
        }
        catch (TrainingDivergedException e)
        {
            Console.Error.WriteLine($"edge-train: error: {e.Message}");
            return Diverged;
        }
        catch (Exception e) when (IsUserError(e))
        {
            Console.Error.WriteLine($"edge-train: error: {e.Message}");
            return 1;
        }
    }

    public static async Task<int> RunAsync(Func<Task<int>> body)
    {
        try
        {
            return await body().ConfigureAwait(false);
        }
        catch (Exception e) when (IsUserError(e))
        {
            await Console.Error.WriteLineAsync($"edge-train: error: {e.Message}").ConfigureAwait(false);
            return 1;
        }
        catch (OperationCanceledException)
        {
            // Ctrl-C: what was already sent stays sent (a rollout's commands are not taken back); the shell's code for SIGINT.
            await Console.Error.WriteLineAsync("edge-train: cancelled").ConfigureAwait(false);
            return Cancelled;
        }
    }

    private static bool IsUserError(Exception e) => e is ArgumentException or IOException or UnauthorizedAccessException
        or InvalidDataException or ImagingException or OnnxFormatException or FormatException or UserInputException
        or BundleException or InferenceException or SignatureException;
}
