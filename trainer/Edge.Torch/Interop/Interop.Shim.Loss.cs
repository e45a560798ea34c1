using System.Runtime.InteropServices;
using Edge.Torch.Native;

namespace Edge.Torch;

internal static partial class Interop
{
    internal static partial class Shim
    {
        [LibraryImport(Library)]
        internal static partial TensorHandle edge_mse_loss(TensorHandle input, TensorHandle target, long reduction);

        [LibraryImport(Library)]
        internal static partial TensorHandle edge_l1_loss(TensorHandle input, TensorHandle target, long reduction);

        [LibraryImport(Library)]
        internal static partial TensorHandle edge_smooth_l1_loss(TensorHandle input, TensorHandle target, long reduction, double beta);

        [LibraryImport(Library)]
        internal static partial TensorHandle edge_cross_entropy(TensorHandle logits, TensorHandle target, TensorHandle weight, long reduction, long ignoreIndex, double labelSmoothing);

        [LibraryImport(Library)]
        internal static partial TensorHandle edge_nll_loss(TensorHandle logProbabilities, TensorHandle target, TensorHandle weight, long reduction, long ignoreIndex);

        [LibraryImport(Library)]
        internal static partial TensorHandle edge_bce_with_logits(TensorHandle logits, TensorHandle target, TensorHandle weight, TensorHandle positiveWeight, long reduction);

        [LibraryImport(Library)]
        internal static partial TensorHandle edge_bce(TensorHandle probabilities, TensorHandle target, TensorHandle weight, long reduction);

        [LibraryImport(Library)]
        internal static partial TensorHandle edge_kl_div(TensorHandle input, TensorHandle target, long reduction, int logTarget);
    }
}
