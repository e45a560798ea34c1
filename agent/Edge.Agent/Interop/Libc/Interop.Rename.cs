namespace Edge.Agent.Interop;

using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class Libc
    {
        // O_DIRECTORY differs between x86-64 and arm64; a plain read-only open of a folder is enough for fsync.
        internal const int O_RDONLY = 0x0;

        [LibraryImport(Libraries.Libc, EntryPoint = "rename", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
        private static partial int RenameCore(string from, string to);

        [LibraryImport(Libraries.Libc, EntryPoint = "fsync", SetLastError = true)]
        private static partial int FsyncCore(SafeFileDescriptor fd);

        /// <summary>
        /// rename(2): replaces <paramref name="to"/> in one step whatever it is (a file, a symbolic link to a folder),
        /// then fsyncs the folder so the new name survives a power cut.
        /// </summary>
        /// <exception cref="LibcException">With the system's message.</exception>
        internal static void Rename(string from, string to)
        {
            if (RenameCore(from, to) != 0)
            {
                throw new LibcException("rename", $"{from} -> {to}", Marshal.GetLastPInvokeError());
            }
            var folder = Path.GetDirectoryName(Path.GetFullPath(to))!;
            using var fd = Open(folder, O_RDONLY | O_CLOEXEC);
            if (fd.IsInvalid || FsyncCore(fd) != 0)
            {
                throw new LibcException("fsync", folder, Marshal.GetLastPInvokeError());
            }
        }
    }
}
