namespace Edge.Testing;

/// <summary>A folder under the system temp path that is deleted, with its contents, on dispose.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder(string? prefix = null)
    {
        Path = Directory.CreateTempSubdirectory(prefix ?? "edge-test-").FullName;
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A process a test started may still hold a file; the OS temp cleaner gets it later.
        }
    }
}
