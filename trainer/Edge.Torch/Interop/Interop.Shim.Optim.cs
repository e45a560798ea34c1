using System.Runtime.InteropServices;
using Edge.Torch.Native;

namespace Edge.Torch;

internal static partial class Interop
{
    internal static partial class Shim
    {
        [LibraryImport(Library)]
        internal static unsafe partial int edge_adam_step(nint* parameters, nint* expAvgs, nint* expAvgSqs, long count, long step, double lr, double beta1, double beta2, double eps, double weightDecay, int decoupled);

        [LibraryImport(Library)]
        internal static unsafe partial int edge_clip_grad_norm(nint* parameters, long count, double maxNorm, double normType, out double totalNorm);
    }
}
