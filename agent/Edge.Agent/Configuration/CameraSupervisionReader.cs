using Edge.Agent.Cameras.Health;
using Edge.Agent.Cameras.Supervision;

namespace Edge.Agent.Configuration;

/// <summary>Maps a camera's <c>supervision</c> and <c>health</c> objects onto the camera code's settings.</summary>
internal static class CameraSupervisionReader
{
    public static CameraSupervisorSettings Read(ConfigReader camera)
    {
        var defaults = new CameraSupervisorSettings();
        var settings = defaults;
        if (camera.Object("supervision") is { } r)
        {
            var initial = r.Double("initialBackoffSeconds", defaults.InitialBackoff.TotalSeconds, 0, 3600);
            var max = r.Double("maxBackoffSeconds", defaults.MaxBackoff.TotalSeconds, 0, 86_400);
            if (max < initial)
            {
                r.Problem("maxBackoffSeconds", "must be at least initialBackoffSeconds");
            }
            settings = defaults with
            {
                InitialBackoff = TimeSpan.FromSeconds(initial),
                MaxBackoff = TimeSpan.FromSeconds(Math.Max(max, initial)),
                BackoffFactor = r.Double("backoffFactor", defaults.BackoffFactor, 1, 100),
                StallTimeout = TimeSpan.FromSeconds(r.Double("stallTimeoutSeconds", defaults.StallTimeout.TotalSeconds, 0.1, 3600)),
                StableAfter = TimeSpan.FromSeconds(r.Double("stableAfterSeconds", defaults.StableAfter.TotalSeconds, 0, 86_400)),
                MaxConsecutiveFailures = r.OptionalInt("maxConsecutiveFailures", 1, int.MaxValue),
                QueueCapacity = r.Int("queueCapacity", defaults.QueueCapacity, 1, 1024),
            };
            r.RejectUnknownKeys();
        }
        return settings with { Health = ReadHealth(camera, settings.Health ?? new CameraHealthSettings()) };
    }

    // "health": false turns the checks off; an object tunes them.
    private static CameraHealthSettings? ReadHealth(ConfigReader camera, CameraHealthSettings defaults)
    {
        if (!camera.Has("health"))
        {
            return defaults;
        }
        if (!camera.IsObject("health"))
        {
            return camera.Bool("health", true) ? defaults : null;
        }
        var r = camera.Object("health")!;
        var settings = defaults with
        {
            CheckEveryFrames = r.Int("checkEveryFrames", defaults.CheckEveryFrames, 1, 100_000),
            SampleStep = r.Int("sampleStep", defaults.SampleStep, 1, 64),
            BlockedMaxVariance = r.Double("blockedMaxVariance", defaults.BlockedMaxVariance, 0, 65_025),
            BlockedMaxMean = r.Double("blockedMaxMean", defaults.BlockedMaxMean, 0, 255),
            BaselineChecks = r.Int("baselineChecks", defaults.BaselineChecks, 1, 10_000),
            FocusMinRatio = r.Double("focusMinRatio", defaults.FocusMinRatio, 0.001, 0.999),
            ExposureMaxShift = r.Double("exposureMaxShift", defaults.ExposureMaxShift, 0.001, 255),
            BaselineAdaptation = r.Double("baselineAdaptation", defaults.BaselineAdaptation, 0, 1),
        };
        r.RejectUnknownKeys();
        return settings;
    }
}
