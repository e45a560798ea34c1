using System.Runtime.InteropServices;
using Edge.Torch.Native;

namespace Edge.Torch;

internal static partial class Interop
{
    internal static partial class Shim
    {
        [LibraryImport(Library)]
        internal static partial TensorHandle edge_unary(TensorHandle x, int op);

        [LibraryImport(Library)]
        internal static partial TensorHandle edge_binary(TensorHandle a, TensorHandle b, int op);

        [LibraryImport(Library)]
        internal static partial TensorHandle edge_binary_scalar(TensorHandle a, double scalar, int op, int reversed);

        [LibraryImport(Library)]
        internal static partial int edge_binary_(TensorHandle a, TensorHandle b, int op);

        [LibraryImport(Library)]
        internal static partial int edge_binary_scalar_(TensorHandle a, double scalar, int op);

        [LibraryImport(Library)]
        internal static partial int edge_add_scaled_(TensorHandle a, TensorHandle b, double alpha);

        [LibraryImport(Library)]
        internal static partial TensorHandle edge_lerp(TensorHandle start, TensorHandle end, double weight);

        [LibraryImport(Library)]
        internal static partial TensorHandle edge_leaky_relu(TensorHandle x, double negativeSlope);

        [LibraryImport(Library)]
        internal static partial TensorHandle edge_clamp(TensorHandle x, double min, int hasMin, double max, int hasMax);

        [LibraryImport(Library)]
        internal static partial TensorHandle edge_where(TensorHandle condition, TensorHandle a, TensorHandle b);

        [LibraryImport(Library)]
        internal static partial TensorHandle edge_masked_fill(TensorHandle x, TensorHandle mask, double value);
    }
}
