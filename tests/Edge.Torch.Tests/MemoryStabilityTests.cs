using System.Globalization;
using Xunit.Abstractions;

namespace Edge.Torch.Tests;

/// <summary>
/// Runs alone: VmRSS is the whole test process's, so test classes running beside it in parallel (xunit's default)
/// would add their own allocations to the measured growth.
/// </summary>
[CollectionDefinition(nameof(MemoryStabilityTests), DisableParallelization = true)]
[Collection(nameof(MemoryStabilityTests))]
public class MemoryStabilityTests(ITestOutputHelper output)
{
    private static long ResidentKilobytes()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
    }

    private static long SettledResidentKilobytes()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return ResidentKilobytes();
    }

    [Fact]
    public void Two_thousand_training_steps_do_not_grow_resident_memory()
    {
        using var training = new ToyTraining(seed: 3);
        for (var i = 0; i < 200; i++)
        {
            training.Step(batchSize: 8);
        }
        var afterWarmup = SettledResidentKilobytes();
        for (var i = 200; i < 2000; i++)
        {
            training.Step(batchSize: 8);
        }
        var atEnd = SettledResidentKilobytes();
        var growth = (atEnd - afterWarmup) / (double)afterWarmup;
        output.WriteLine($"VmRSS after warm-up {afterWarmup} kB, after 2000 steps {atEnd} kB ({growth:P2})");
        Assert.True(growth < 0.03, $"VmRSS went from {afterWarmup} kB after warm-up to {atEnd} kB after 2000 steps ({growth:P1})");
    }
}
