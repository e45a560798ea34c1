using System.Globalization;
using System.Text;

namespace Edge.Agent.Cameras.Health;

/// <summary>The health verdict on measured statistics: a pure function of its inputs.</summary>
public static class CameraHealthCheck
{
    /// <summary>
    /// Judges <paramref name="statistics"/>. Without a <paramref name="baseline"/> only a blocked lens can be
    /// found; a blocked lens hides the other two faults (a black picture has neither focus nor exposure).
    /// </summary>
    public static CameraFaults Evaluate(in FrameStatistics statistics, HealthBaseline? baseline, CameraHealthSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (statistics.LumaVariance < settings.BlockedMaxVariance || statistics.MeanLuma < settings.BlockedMaxMean)
        {
            return CameraFaults.LensBlocked;
        }
        if (baseline is not { } reference)
        {
            return CameraFaults.None;
        }
        var faults = CameraFaults.None;
        if (statistics.LaplacianVariance < reference.LaplacianVariance * settings.FocusMinRatio)
        {
            faults |= CameraFaults.FocusLost;
        }
        if (Math.Abs(statistics.MeanLuma - reference.MeanLuma) > settings.ExposureMaxShift)
        {
            faults |= CameraFaults.ExposureChanged;
        }
        return faults;
    }

    /// <summary>An operator's sentence for <paramref name="faults"/>, with the measures behind it.</summary>
    public static string Describe(CameraFaults faults, in FrameStatistics statistics, HealthBaseline? baseline)
    {
        if (faults == CameraFaults.None)
        {
            return "camera picture healthy";
        }
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        if (faults.HasFlag(CameraFaults.LensBlocked))
        {
            text.Append(c, $"lens blocked or covered (brightness mean {statistics.MeanLuma:0.#}, variance {statistics.LumaVariance:0.#}); ");
        }
        if (faults.HasFlag(CameraFaults.FocusLost))
        {
            text.Append(c, $"focus lost (detail {statistics.LaplacianVariance:0.#} against {baseline?.LaplacianVariance:0.#} normally); ");
        }
        if (faults.HasFlag(CameraFaults.ExposureChanged))
        {
            text.Append(c, $"exposure changed (brightness {statistics.MeanLuma:0.#} against {baseline?.MeanLuma:0.#} normally); ");
        }
        return text.ToString(0, text.Length - 2);
    }
}
