namespace Edge.Bundles.Files;

/// <summary>
/// Replaces a file so that a reader (or a power cut) sees either the old content or the new one, never a mix:
/// write a temporary file beside it, flush it to the disk (fsync), then rename it over the target.
/// The rename itself is made durable by the file system's journal; .NET offers no portable way to fsync the
/// folder, so a power cut in the instant after the rename may still leave the old file (never a broken one).
/// </summary>
public static class AtomicFile
{
    public static void WriteAllBytes(string path, ReadOnlySpan<byte> content, string temporaryPath)
    {
        using (var stream = new FileStream(temporaryPath, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(content);
            stream.Flush(flushToDisk: true);
        }
        File.Move(temporaryPath, path, overwrite: true);
    }
}
