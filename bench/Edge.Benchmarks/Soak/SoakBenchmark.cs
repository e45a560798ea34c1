using System.Diagnostics;
using System.Globalization;
using Edge.Testing;

namespace Edge.Benchmarks.Soak;

/// <summary>
/// A long run of the real agent (a real Mosquitto, a folder camera, the model scoring every frame, alarms and
/// snapshots) that reads the agent's memory all along and reports how much its resident set grew after the warm-up:
/// a leak of a megabyte a minute shows as several percent an hour. Settings in <see cref="SoakSettings"/>; the
/// agent's log and every sample stay in <c>build/soak</c>.
/// </summary>
public sealed class SoakBenchmark : IFigureBenchmark
{
    /// <summary>Growth of the resident set from the end of the warm-up to the end that the benchmark accepts.</summary>
    private const double TargetGrowthPercent = 5;

    public string Name => "soak";

    public void Run(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var settings = SoakSettings.FromEnvironment();
        var scratch = RepositoryRoot.Combine("build", "soak");
        if (Directory.Exists(scratch))
        {
            Directory.Delete(scratch, recursive: true);
        }
        using var folder = new TempFolder("edge-bench-soak-");
        Directory.CreateDirectory(scratch);
        Console.Error.WriteLine("# soak: training the bundle and writing the camera's frames");
        var bundle = BenchBundle.Train(folder);
        var scene = SoakScene.Write(folder, bundle);
        using var broker = MosquittoBroker.Start();
        using var alarms = broker.Subscribe("edge/soak/box/alarms/#");
        var httpPort = FreePort.Pick();
        var config = WriteConfig(scratch, broker.Port, httpPort, bundle, scene, settings);

        var samples = new List<SoakSample>();
        using (var agent = SoakAgent.Start(config, Path.Combine(scratch, "agent.log"), httpPort))
        {
            var clock = Stopwatch.StartNew();
            var total = TimeSpan.FromMinutes(settings.Minutes);
            while (clock.Elapsed < total)
            {
                Thread.Sleep(TimeSpan.FromSeconds(Math.Min(settings.SampleSeconds, Math.Max(0.1, (total - clock.Elapsed).TotalSeconds))));
                if (agent.HasExited)
                {
                    throw new InvalidOperationException($"the agent exited after {clock.Elapsed.TotalMinutes:F1} minutes; see {Path.Combine(scratch, "agent.log")}");
                }
                var sample = SoakSample.Take(agent, clock.Elapsed);
                samples.Add(sample);
                Console.Error.WriteLine(sample.ToString());
            }
            var code = agent.Stop(TimeSpan.FromSeconds(30));
            if (code != 0)
            {
                throw new InvalidOperationException($"the agent exited with {code} on SIGTERM; see {Path.Combine(scratch, "agent.log")}");
            }
        }
        File.WriteAllLines(Path.Combine(scratch, "samples.csv"), [SoakSample.CsvHeader, .. samples.Select(s => s.ToCsv())]);
        Report(output, settings, samples, scene, alarms.Messages.Count);
    }

    private static void Report(TextWriter output, SoakSettings settings, List<SoakSample> samples, SoakScene scene, int alarmMessages)
    {
        // A minute of samples for each figure, less in a run too short to keep the two minutes apart.
        var width = Math.Min(1, settings.WarmupMinutes / 2);
        var warm = SoakSample.Around(samples, settings.WarmupMinutes, width);
        var end = SoakSample.Around(samples, settings.Minutes, width);
        var growth = (end.ResidentBytes - warm.ResidentBytes) / warm.ResidentBytes * 100;
        var perHour = (end.ResidentBytes - warm.ResidentBytes) / (1 << 20) / (settings.Minutes - settings.WarmupMinutes) * 60;
        var last = samples[^1];
        void Line(string text) => output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{text}"));
        Line($"soak minutes: {settings.Minutes:0.##} at {settings.FramesPerSecond:0.##} fps asked, {last.Frames:F0} frames scored ({last.Frames / last.Minutes / 60:F1} fps)");
        Line($"soak alarm messages: {alarmMessages}{(scene.Alarms ? "" : " (the bundle scores the defect frame under the normal ones: none expected)")}");
        Line($"soak rss at {settings.WarmupMinutes:0.##} min: {warm.Memory()}");
        Line($"soak rss at {settings.Minutes:0.##} min: {end.Memory()}");
        Line($"soak rss growth after {settings.WarmupMinutes:0.##} min: {growth:+0.0;-0.0}% ({perHour:+0.0;-0.0} MB/hour)");
        Line($"soak target rss growth after {settings.WarmupMinutes:0.##} min < {TargetGrowthPercent}%: {(growth < TargetGrowthPercent ? "met" : "not met")}");
    }

    private static string WriteConfig(string scratch, int brokerPort, int httpPort, string bundle, SoakScene scene, SoakSettings settings)
    {
        var path = Path.Combine(scratch, "agent.json");
        File.WriteAllText(path, string.Create(CultureInfo.InvariantCulture, $$"""
            {
              // Written by make bench ONLY=soak.
              "site": "soak", "device": "box", "stateDirectory": "{{Path.Combine(scratch, "state")}}",
              "mqtt": { "host": "127.0.0.1", "port": {{brokerPort}} },
              "model": { "bundle": "{{bundle}}" },
              "alarms": { "debounce": { "k": 1, "n": 1 }, "holdSeconds": 0, "cooldownSeconds": 0 },
              "snapshots": { "quotaMegabytes": 20 },
              "http": { "port": {{httpPort}} },
              "health": { "intervalSeconds": 1 },
              "onnxRuntime": { "providers": ["Cpu"] },
              "cameras": [ { "name": "line1", "folder": "{{scene.Frames}}", "framesPerSecond": {{settings.FramesPerSecond}}, "threshold": {{scene.Threshold:R}} } ]
            }
            """));
        return path;
    }
}
