namespace Edge.Torch.Tests;

/// <summary>Element-wise comparison of computed values with independently computed expectations.</summary>
internal static class Expect
{
    public static void Close(IReadOnlyList<double> expected, IReadOnlyList<double> actual, double tolerance = 1e-5)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance * (1 + Math.Abs(expected[i])),
                $"element {i}: expected {expected[i]:R}, got {actual[i]:R}");
        }
    }

    public static void Close(IReadOnlyList<double> expected, IReadOnlyList<float> actual, double tolerance = 1e-5) =>
        Close(expected, actual.Select(v => (double)v).ToArray(), tolerance);

    public static void Close(double expected, double actual, double tolerance = 1e-5) => Close([expected], [actual], tolerance);
}
