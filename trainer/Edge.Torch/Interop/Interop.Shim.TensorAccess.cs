using System.Runtime.InteropServices;
using Edge.Torch.Native;

namespace Edge.Torch;

internal static partial class Interop
{
    internal static partial class Shim
    {
        [LibraryImport(Library)]
        internal static partial void edge_tensor_free(nint tensor);

        [LibraryImport(Library)]
        internal static partial TensorHandle edge_tensor_alias(TensorHandle tensor);

        [LibraryImport(Library)]
        internal static partial long edge_tensor_ndim(TensorHandle tensor);

        [LibraryImport(Library)]
        internal static unsafe partial long edge_tensor_shape(TensorHandle tensor, long* sizes, long capacity);

        [LibraryImport(Library)]
        internal static partial long edge_tensor_numel(TensorHandle tensor);

        [LibraryImport(Library)]
        internal static partial int edge_tensor_dtype(TensorHandle tensor);

        [LibraryImport(Library)]
        internal static partial int edge_tensor_device(TensorHandle tensor, out int type, out int index);

        [LibraryImport(Library)]
        internal static partial int edge_tensor_same(TensorHandle a, TensorHandle b);

        [LibraryImport(Library)]
        internal static unsafe partial int edge_tensor_copy_to(TensorHandle tensor, void* destination, long byteCount, int dtype);

        [LibraryImport(Library)]
        internal static partial int edge_tensor_item(TensorHandle tensor, out double value);

        [LibraryImport(Library)]
        internal static partial int edge_tensor_item_int64(TensorHandle tensor, out long value);

        [LibraryImport(Library)]
        internal static partial TensorHandle edge_tensor_to(TensorHandle tensor, int dtype, int deviceType, int deviceIndex);

        [LibraryImport(Library)]
        internal static partial TensorHandle edge_tensor_clone(TensorHandle tensor);

        [LibraryImport(Library)]
        internal static partial TensorHandle edge_tensor_contiguous(TensorHandle tensor);

        [LibraryImport(Library)]
        internal static partial int edge_tensor_set_data(TensorHandle tensor, TensorHandle source);

        [LibraryImport(Library)]
        internal static partial int edge_tensor_copy_(TensorHandle destination, TensorHandle source);

        [LibraryImport(Library)]
        internal static partial int edge_tensor_fill_(TensorHandle tensor, double value);

        [LibraryImport(Library)]
        internal static partial int edge_tensor_is_contiguous(TensorHandle tensor);
    }
}
