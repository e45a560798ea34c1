using System.Runtime.InteropServices;
using Edge.Torch.Native;

namespace Edge.Torch;

internal static partial class Interop
{
    internal static partial class Shim
    {
        [LibraryImport(Library)]
        internal static partial TensorHandle edge_matmul(TensorHandle a, TensorHandle b);

        [LibraryImport(Library)]
        internal static partial TensorHandle edge_bmm(TensorHandle a, TensorHandle b);

        [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
        internal static unsafe partial TensorHandle edge_einsum(string equation, nint* tensors, long count);

        [LibraryImport(Library)]
        internal static partial TensorHandle edge_cdist(TensorHandle a, TensorHandle b, double p);

        [LibraryImport(Library)]
        internal static partial TensorHandle edge_cosine_similarity(TensorHandle a, TensorHandle b, long dim, double eps);

        [LibraryImport(Library)]
        internal static partial TensorHandle edge_linear(TensorHandle x, TensorHandle weight, TensorHandle bias);

        [LibraryImport(Library)]
        internal static unsafe partial TensorHandle edge_convolution(TensorHandle x, TensorHandle weight, TensorHandle bias, long* stride, long* padding, long* dilation, long* outputPadding, long rank, int transposed, long groups);

        [LibraryImport(Library)]
        internal static partial TensorHandle edge_batch_norm(TensorHandle x, TensorHandle weight, TensorHandle bias, TensorHandle runningMean, TensorHandle runningVar, int training, double momentum, double eps);

        [LibraryImport(Library)]
        internal static partial TensorHandle edge_group_norm(TensorHandle x, long groups, TensorHandle weight, TensorHandle bias, double eps);

        [LibraryImport(Library)]
        internal static unsafe partial TensorHandle edge_layer_norm(TensorHandle x, long* shape, long ndim, TensorHandle weight, TensorHandle bias, double eps);

        [LibraryImport(Library)]
        internal static partial TensorHandle edge_embedding(TensorHandle weight, TensorHandle indices, long paddingIndex);

        [LibraryImport(Library)]
        internal static partial TensorHandle edge_softmax(TensorHandle x, long dim, int log);

        [LibraryImport(Library)]
        internal static partial TensorHandle edge_dropout(TensorHandle x, double p, int training);

        [LibraryImport(Library)]
        internal static unsafe partial TensorHandle edge_pool(TensorHandle x, int kind, long rank, long* kernel, long* stride, long* padding, long* dilation, int ceilMode, int countIncludePad);

        [LibraryImport(Library)]
        internal static unsafe partial TensorHandle edge_adaptive_avg_pool(TensorHandle x, long* size, long rank);

        [LibraryImport(Library)]
        internal static unsafe partial TensorHandle edge_interpolate(TensorHandle x, int mode, long* size, long rank, double* scales, int alignCorners);

        [LibraryImport(Library)]
        internal static partial TensorHandle edge_scaled_dot_product_attention(TensorHandle q, TensorHandle k, TensorHandle v, TensorHandle mask, double dropout, int causal, double scale);
    }
}
