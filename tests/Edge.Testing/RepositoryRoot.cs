namespace Edge.Testing;

/// <summary>Finds the repository's root folder (the one with Edge.sln) from a test's output folder.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "Edge.sln")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException($"No Edge.sln above {AppContext.BaseDirectory}.");
    }
}
