using System.Runtime.InteropServices;
using Edge.Torch.Native;

namespace Edge.Torch;

internal static partial class Interop
{
    internal static partial class Shim
    {
        [LibraryImport(Library)]
        internal static unsafe partial TensorHandle edge_reshape(TensorHandle x, long* shape, long ndim);

        [LibraryImport(Library)]
        internal static unsafe partial TensorHandle edge_permute(TensorHandle x, long* dims, long ndim);

        [LibraryImport(Library)]
        internal static partial TensorHandle edge_transpose(TensorHandle x, long dim0, long dim1);

        [LibraryImport(Library)]
        internal static partial TensorHandle edge_flatten(TensorHandle x, long startDim, long endDim);

        [LibraryImport(Library)]
        internal static partial TensorHandle edge_unsqueeze(TensorHandle x, long dim);

        [LibraryImport(Library)]
        internal static partial TensorHandle edge_squeeze(TensorHandle x, long dim, int hasDim);

        [LibraryImport(Library)]
        internal static unsafe partial TensorHandle edge_expand(TensorHandle x, long* shape, long ndim);

        [LibraryImport(Library)]
        internal static unsafe partial TensorHandle edge_repeat(TensorHandle x, long* repeats, long ndim);

        [LibraryImport(Library)]
        internal static unsafe partial TensorHandle edge_cat(nint* tensors, long count, long dim);

        [LibraryImport(Library)]
        internal static unsafe partial TensorHandle edge_stack(nint* tensors, long count, long dim);

        [LibraryImport(Library)]
        internal static partial TensorHandle edge_slice(TensorHandle x, long dim, long start, long end, int hasEnd, long step);

        [LibraryImport(Library)]
        internal static partial TensorHandle edge_narrow(TensorHandle x, long dim, long start, long length);

        [LibraryImport(Library)]
        internal static partial TensorHandle edge_select(TensorHandle x, long dim, long index);

        [LibraryImport(Library)]
        internal static partial TensorHandle edge_index_select(TensorHandle x, long dim, TensorHandle index);

        [LibraryImport(Library)]
        internal static partial TensorHandle edge_gather(TensorHandle x, long dim, TensorHandle index);

        [LibraryImport(Library)]
        internal static partial TensorHandle edge_scatter(TensorHandle x, long dim, TensorHandle index, TensorHandle source, int accumulate);

        [LibraryImport(Library)]
        internal static partial TensorHandle edge_scatter_value(TensorHandle x, long dim, TensorHandle index, double value);

        [LibraryImport(Library)]
        internal static partial TensorHandle edge_one_hot(TensorHandle indices, long classCount);

        [LibraryImport(Library)]
        internal static unsafe partial long edge_split(TensorHandle x, long size, long dim, nint* pieces, long capacity);

        [LibraryImport(Library)]
        internal static unsafe partial long edge_chunk(TensorHandle x, long chunks, long dim, nint* pieces, long capacity);

        [LibraryImport(Library)]
        internal static unsafe partial TensorHandle edge_flip(TensorHandle x, long* dims, long count);

        [LibraryImport(Library)]
        internal static unsafe partial TensorHandle edge_roll(TensorHandle x, long* shifts, long* dims, long count);

        [LibraryImport(Library)]
        internal static unsafe partial TensorHandle edge_pad(TensorHandle x, long* pads, long count, int mode, double value);

        [LibraryImport(Library)]
        internal static partial TensorHandle edge_triangle(TensorHandle x, long diagonal, int upper);
    }
}
