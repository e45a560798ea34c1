using System.Runtime.InteropServices;
using Edge.Torch.Native;

namespace Edge.Torch;

internal static partial class Interop
{
    internal static partial class Shim
    {
        [LibraryImport(Library)]
        internal static unsafe partial TensorHandle edge_tensor_from_data(void* data, long byteCount, int dtype, long* shape, long ndim, int deviceType, int deviceIndex, int requiresGrad);

        [LibraryImport(Library)]
        internal static unsafe partial TensorHandle edge_tensor_full(long* shape, long ndim, double value, int dtype, int deviceType, int deviceIndex, int requiresGrad);

        [LibraryImport(Library)]
        internal static unsafe partial TensorHandle edge_tensor_empty(long* shape, long ndim, int dtype, int deviceType, int deviceIndex);

        [LibraryImport(Library)]
        internal static unsafe partial TensorHandle edge_tensor_random(int kind, double a, double b, long* shape, long ndim, int dtype, int deviceType, int deviceIndex, int requiresGrad);

        [LibraryImport(Library)]
        internal static partial TensorHandle edge_tensor_random_like(TensorHandle like, int kind, double a, double b);

        [LibraryImport(Library)]
        internal static partial TensorHandle edge_tensor_full_like(TensorHandle like, double value);

        [LibraryImport(Library)]
        internal static partial int edge_tensor_random_(TensorHandle tensor, int kind, double a, double b);

        [LibraryImport(Library)]
        internal static partial TensorHandle edge_tensor_arange(double start, double end, double step, int dtype, int deviceType, int deviceIndex);

        [LibraryImport(Library)]
        internal static partial TensorHandle edge_tensor_linspace(double start, double end, long steps, int dtype, int deviceType, int deviceIndex);

        [LibraryImport(Library)]
        internal static partial TensorHandle edge_tensor_eye(long n, int dtype, int deviceType, int deviceIndex);
    }
}
