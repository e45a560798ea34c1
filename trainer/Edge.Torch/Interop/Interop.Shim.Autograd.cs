using System.Runtime.InteropServices;
using Edge.Torch.Native;

namespace Edge.Torch;

internal static partial class Interop
{
    internal static partial class Shim
    {
        [LibraryImport(Library)]
        internal static partial int edge_tensor_requires_grad(TensorHandle tensor);

        [LibraryImport(Library)]
        internal static partial int edge_tensor_set_requires_grad(TensorHandle tensor, int requiresGrad);

        [LibraryImport(Library)]
        internal static partial int edge_tensor_is_leaf(TensorHandle tensor);

        [LibraryImport(Library)]
        internal static partial int edge_tensor_has_grad(TensorHandle tensor);

        [LibraryImport(Library)]
        internal static partial int edge_tensor_grad(TensorHandle tensor, out nint gradient);

        [LibraryImport(Library)]
        internal static partial int edge_tensor_set_grad(TensorHandle tensor, TensorHandle gradient);

        [LibraryImport(Library)]
        internal static partial int edge_tensor_zero_grad(TensorHandle tensor, int setToNone);

        [LibraryImport(Library)]
        internal static partial int edge_tensor_retain_grad(TensorHandle tensor);

        [LibraryImport(Library)]
        internal static partial int edge_tensor_backward(TensorHandle tensor, TensorHandle gradient, int retainGraph, int createGraph);

        [LibraryImport(Library)]
        internal static partial TensorHandle edge_tensor_detach(TensorHandle tensor);

        [LibraryImport(Library)]
        internal static unsafe partial int edge_autograd_grad(nint* outputs, long outputCount, nint* inputs, long inputCount, nint* gradOutputs, int retainGraph, int createGraph, int allowUnused, nint* results);
    }
}
