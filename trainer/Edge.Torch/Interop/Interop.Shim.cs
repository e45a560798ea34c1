namespace Edge.Torch;

/// <summary>
/// P/Invoke declarations for the libtorch shim (trainer/native), one file per shim source file.
/// Every call goes through <see cref="Native.NativeResult"/>, which turns a failed call into a
/// <see cref="TorchException"/> carrying libtorch's message.
/// </summary>
internal static partial class Interop
{
    internal static partial class Shim
    {
        /// <summary>The library name every declaration uses; <see cref="Native.ShimLibrary"/> resolves it to a path.</summary>
        internal const string Library = "edge_torch";

        static Shim() => Native.ShimLibrary.RegisterResolver();
    }
}
