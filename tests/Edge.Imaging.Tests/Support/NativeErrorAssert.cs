namespace Edge.Imaging.Tests.Support;

internal static class NativeErrorAssert
{
    /// <summary>The exception came from <paramref name="library"/>'s <paramref name="operation"/> and carries that library's own, non-empty message.</summary>
    public static void FromLibrary(ImagingException error, string library, string operation)
    {
        Assert.Equal(library, error.Library);
        Assert.Equal(operation, error.Operation);
        Assert.False(string.IsNullOrWhiteSpace(error.NativeMessage));
        Assert.DoesNotContain("gave no message", error.NativeMessage, StringComparison.Ordinal);
        Assert.Contains(error.NativeMessage!, error.Message, StringComparison.Ordinal);
    }
}
