using System.Runtime.InteropServices;
using Edge.Torch.Native;

namespace Edge.Torch;

internal static partial class Interop
{
    internal static partial class Shim
    {
        [LibraryImport(Library)]
        internal static unsafe partial TensorHandle edge_reduce(TensorHandle x, int op, long* dims, long count, int keepdim, int unbiased);

        [LibraryImport(Library)]
        internal static partial int edge_extreme_dim(TensorHandle x, long dim, int keepdim, int isMax, out TensorHandle values, out TensorHandle indices);

        [LibraryImport(Library)]
        internal static partial TensorHandle edge_arg_extreme(TensorHandle x, long dim, int hasDim, int keepdim, int isMax);

        [LibraryImport(Library)]
        internal static partial int edge_topk(TensorHandle x, long k, long dim, int largest, int sorted, out TensorHandle values, out TensorHandle indices);

        [LibraryImport(Library)]
        internal static partial int edge_sort(TensorHandle x, long dim, int descending, out TensorHandle values, out TensorHandle indices);

        [LibraryImport(Library)]
        internal static partial TensorHandle edge_cumsum(TensorHandle x, long dim);

        [LibraryImport(Library)]
        internal static unsafe partial TensorHandle edge_vector_norm(TensorHandle x, double ord, long* dims, long count, int keepdim);
    }
}
