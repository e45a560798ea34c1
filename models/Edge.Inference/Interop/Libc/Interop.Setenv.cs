namespace Edge.Inference.Interop;

using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class Libc
    {
        [LibraryImport(Libraries.Libc, EntryPoint = "setenv", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
        private static partial int SetenvCore(string name, string value, int overwrite);

        /// <summary>
        /// setenv(3): a variable native code reads with getenv. Environment.SetEnvironmentVariable does not reach it on
        /// Linux (.NET keeps its own copy of the environment).
        /// </summary>
        /// <exception cref="InvalidOperationException">The C library refused it; with the system's error number.</exception>
        internal static void Setenv(string name, string value)
        {
            if (SetenvCore(name, value, overwrite: 1) != 0)
            {
                throw new InvalidOperationException($"setenv({name}) failed with errno {Marshal.GetLastPInvokeError()}");
            }
        }
    }
}
