using System.Runtime.InteropServices;
using Edge.Torch.Native;

namespace Edge.Torch;

internal static partial class Interop
{
    internal static partial class Shim
    {
        [LibraryImport(Library)]
        internal static partial int edge_abi_version();

        [LibraryImport(Library)]
        internal static partial nint edge_torch_version();

        [LibraryImport(Library)]
        internal static partial int edge_set_num_threads(int count);

        [LibraryImport(Library)]
        internal static partial int edge_get_num_threads();

        [LibraryImport(Library)]
        internal static partial int edge_manual_seed(ulong seed);

        [LibraryImport(Library)]
        internal static partial TensorHandle edge_rng_state_get();

        [LibraryImport(Library)]
        internal static partial int edge_rng_state_set(TensorHandle state);

        [LibraryImport(Library)]
        internal static partial int edge_cuda_is_available();

        [LibraryImport(Library)]
        internal static partial int edge_cuda_device_count();

        [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
        internal static partial int edge_device_parse(string text, out int type, out int index);

        [LibraryImport(Library)]
        internal static partial int edge_grad_mode_is_enabled();

        [LibraryImport(Library)]
        internal static partial int edge_grad_mode_set(int enabled);

        [LibraryImport(Library)]
        internal static partial int edge_autocast_enter(int deviceType, int dtype, out int previousEnabled, out int previousDtype);

        [LibraryImport(Library)]
        internal static partial int edge_autocast_exit(int deviceType, int previousEnabled, int previousDtype);
    }
}
