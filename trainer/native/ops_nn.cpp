// Neural-network building blocks: linear algebra, convolution, normalisation, embedding, softmax,
// dropout, pooling, interpolation and attention.
#include "shim.h"

#include <torch/version.h>

#include <cmath>

namespace {

c10::optional<double> optional_scale(const double* scales, int64_t i) {
  if (scales == nullptr || std::isnan(scales[i])) {
    return c10::nullopt;
  }
  return scales[i];
}

at::Tensor interpolate_nearest(const at::Tensor& x, at::IntArrayRef size, const double* scales) {
  switch (size.size()) {
    case 1: return at::upsample_nearest1d(x, size, optional_scale(scales, 0));
    case 2: return at::upsample_nearest2d(x, size, optional_scale(scales, 0), optional_scale(scales, 1));
    case 3:
      return at::upsample_nearest3d(x, size, optional_scale(scales, 0), optional_scale(scales, 1),
                                    optional_scale(scales, 2));
  }
  TORCH_CHECK(false, "nearest interpolation takes 1 to 3 spatial sizes, got ", size.size());
}

at::Tensor interpolate_linear(const at::Tensor& x, at::IntArrayRef size, bool align, const double* scales) {
  switch (size.size()) {
    case 1: return at::upsample_linear1d(x, size, align, optional_scale(scales, 0));
    case 2: return at::upsample_bilinear2d(x, size, align, optional_scale(scales, 0), optional_scale(scales, 1));
    case 3:
      return at::upsample_trilinear3d(x, size, align, optional_scale(scales, 0), optional_scale(scales, 1),
                                      optional_scale(scales, 2));
  }
  TORCH_CHECK(false, "linear interpolation takes 1 to 3 spatial sizes, got ", size.size());
}

at::Tensor max_pool(const at::Tensor& x, at::IntArrayRef kernel, at::IntArrayRef stride, at::IntArrayRef padding,
                    at::IntArrayRef dilation, bool ceil) {
  switch (kernel.size()) {
    case 1: return at::max_pool1d(x, kernel, stride, padding, dilation, ceil);
    case 2: return at::max_pool2d(x, kernel, stride, padding, dilation, ceil);
    case 3: return at::max_pool3d(x, kernel, stride, padding, dilation, ceil);
  }
  TORCH_CHECK(false, "max pooling takes 1 to 3 spatial dimensions, got ", kernel.size());
}

at::Tensor avg_pool(const at::Tensor& x, at::IntArrayRef kernel, at::IntArrayRef stride, at::IntArrayRef padding,
                    bool ceil, bool count_include_pad) {
  switch (kernel.size()) {
    case 1: return at::avg_pool1d(x, kernel, stride, padding, ceil, count_include_pad);
    case 2: return at::avg_pool2d(x, kernel, stride, padding, ceil, count_include_pad);
    case 3: return at::avg_pool3d(x, kernel, stride, padding, ceil, count_include_pad);
  }
  TORCH_CHECK(false, "average pooling takes 1 to 3 spatial dimensions, got ", kernel.size());
}

// softmax(q k^T * scale + mask) v, written out so it runs on every libtorch version and dtype.
at::Tensor attention_math(const at::Tensor& q, const at::Tensor& k, const at::Tensor& v,
                          const c10::optional<at::Tensor>& mask, double dropout, bool causal, double scale) {
  at::Tensor scores = at::matmul(q, k.transpose(-2, -1)) * scale;
  if (causal) {
    const int64_t l = q.size(-2);
    const int64_t s = k.size(-2);
    const at::Tensor keep = at::ones({l, s}, q.options().dtype(at::kBool)).tril();
    scores = scores.masked_fill(keep.logical_not(), -std::numeric_limits<double>::infinity());
  }
  if (mask.has_value()) {
    if (mask->scalar_type() == at::kBool) {
      scores = scores.masked_fill(mask->logical_not(), -std::numeric_limits<double>::infinity());
    } else {
      scores = scores + *mask;
    }
  }
  at::Tensor weights = at::softmax(scores, -1);
  if (dropout > 0) {
    weights = at::dropout(weights, dropout, true);
  }
  return at::matmul(weights, v);
}

}  // namespace

EDGE_EXPORT at::Tensor* edge_matmul(const at::Tensor* a, const at::Tensor* b) {
  return edge::guard_tensor([&] { return at::matmul(*a, *b); });
}

EDGE_EXPORT at::Tensor* edge_bmm(const at::Tensor* a, const at::Tensor* b) {
  return edge::guard_tensor([&] { return at::bmm(*a, *b); });
}

EDGE_EXPORT at::Tensor* edge_einsum(const char* equation, at::Tensor* const* tensors, int64_t count) {
  return edge::guard_tensor([&] {
    TORCH_CHECK(equation != nullptr, "einsum equation is null");
    return at::einsum(equation, edge::read_tensor_list(tensors, count));
  });
}

// Pairwise p-norm distances between the rows of a (.., P, M) and b (.., R, M).
EDGE_EXPORT at::Tensor* edge_cdist(const at::Tensor* a, const at::Tensor* b, double p) {
  return edge::guard_tensor([&] { return at::cdist(*a, *b, p); });
}

EDGE_EXPORT at::Tensor* edge_cosine_similarity(const at::Tensor* a, const at::Tensor* b, int64_t dim, double eps) {
  return edge::guard_tensor([&] { return at::cosine_similarity(*a, *b, dim, eps); });
}

EDGE_EXPORT at::Tensor* edge_linear(const at::Tensor* x, const at::Tensor* weight, const at::Tensor* bias) {
  return edge::guard_tensor([&] { return at::linear(*x, *weight, edge::optional_tensor(bias)); });
}

// Convolution of any spatial rank (1 to 3), plain or transposed; every int list has `rank` items.
EDGE_EXPORT at::Tensor* edge_convolution(const at::Tensor* x, const at::Tensor* weight, const at::Tensor* bias,
                                         const int64_t* stride, const int64_t* padding, const int64_t* dilation,
                                         const int64_t* output_padding, int64_t rank, int32_t transposed,
                                         int64_t groups) {
  return edge::guard_tensor([&] {
    TORCH_CHECK(rank >= 1 && rank <= 3, "convolution takes 1 to 3 spatial dimensions, got ", rank);
    TORCH_CHECK(x->dim() == rank + 2, "convolution with ", rank, " spatial dimensions expects a ", rank + 2,
                "-D input (N, C, ...), got shape ", x->sizes());
    return at::convolution(*x, *weight, edge::optional_tensor(bias), edge::ints(stride, rank),
                           edge::ints(padding, rank), edge::ints(dilation, rank), transposed != 0,
                           edge::ints(output_padding, rank), groups);
  });
}

// Batch normalisation; in training mode the running statistics (if given) are updated in place.
EDGE_EXPORT at::Tensor* edge_batch_norm(const at::Tensor* x, const at::Tensor* weight, const at::Tensor* bias,
                                        at::Tensor* running_mean, at::Tensor* running_var, int32_t training,
                                        double momentum, double eps) {
  return edge::guard_tensor([&] {
    return at::batch_norm(*x, edge::optional_tensor(weight), edge::optional_tensor(bias),
                          edge::optional_tensor(running_mean), edge::optional_tensor(running_var), training != 0,
                          momentum, eps, at::globalContext().userEnabledCuDNN());
  });
}

EDGE_EXPORT at::Tensor* edge_group_norm(const at::Tensor* x, int64_t groups, const at::Tensor* weight,
                                        const at::Tensor* bias, double eps) {
  return edge::guard_tensor([&] {
    return at::group_norm(*x, groups, edge::optional_tensor(weight), edge::optional_tensor(bias), eps);
  });
}

EDGE_EXPORT at::Tensor* edge_layer_norm(const at::Tensor* x, const int64_t* shape, int64_t ndim,
                                        const at::Tensor* weight, const at::Tensor* bias, double eps) {
  return edge::guard_tensor([&] {
    return at::layer_norm(*x, edge::ints(shape, ndim), edge::optional_tensor(weight), edge::optional_tensor(bias),
                          eps);
  });
}

EDGE_EXPORT at::Tensor* edge_embedding(const at::Tensor* weight, const at::Tensor* indices, int64_t padding_index) {
  return edge::guard_tensor([&] { return at::embedding(*weight, *indices, padding_index); });
}

EDGE_EXPORT at::Tensor* edge_softmax(const at::Tensor* x, int64_t dim, int32_t log) {
  return edge::guard_tensor([&] {
    return log != 0 ? at::log_softmax(*x, dim, c10::nullopt) : at::softmax(*x, dim, c10::nullopt);
  });
}

EDGE_EXPORT at::Tensor* edge_dropout(const at::Tensor* x, double p, int32_t training) {
  return edge::guard_tensor([&] { return at::dropout(*x, p, training != 0); });
}

// Max or average pooling over `rank` spatial dimensions (dilation is used by max pooling only).
EDGE_EXPORT at::Tensor* edge_pool(const at::Tensor* x, int32_t kind, int64_t rank, const int64_t* kernel,
                                  const int64_t* stride, const int64_t* padding, const int64_t* dilation,
                                  int32_t ceil_mode, int32_t count_include_pad) {
  return edge::guard_tensor([&] {
    const auto k = edge::ints(kernel, rank);
    const auto s = edge::ints(stride, rank);
    const auto p = edge::ints(padding, rank);
    if (static_cast<edge::PoolKind>(kind) == edge::PoolKind::Max) {
      return max_pool(*x, k, s, p, edge::ints(dilation, rank), ceil_mode != 0);
    }
    TORCH_CHECK(static_cast<edge::PoolKind>(kind) == edge::PoolKind::Average, "unknown pooling code ", kind);
    return avg_pool(*x, k, s, p, ceil_mode != 0, count_include_pad != 0);
  });
}

EDGE_EXPORT at::Tensor* edge_adaptive_avg_pool(const at::Tensor* x, const int64_t* size, int64_t rank) {
  return edge::guard_tensor([&] {
    const auto output = edge::ints(size, rank);
    switch (rank) {
      case 1: return at::adaptive_avg_pool1d(*x, output);
      case 2: return at::adaptive_avg_pool2d(*x, output);
      case 3: return at::adaptive_avg_pool3d(*x, output);
    }
    TORCH_CHECK(false, "adaptive average pooling takes 1 to 3 spatial dimensions, got ", rank);
  });
}

// Resizes the spatial dimensions to `size` (rank items). `scales` (nullable; NaN = unset) are
// passed to libtorch as torch.nn.functional.interpolate does for a scale_factor.
EDGE_EXPORT at::Tensor* edge_interpolate(const at::Tensor* x, int32_t mode, const int64_t* size, int64_t rank,
                                         const double* scales, int32_t align_corners) {
  return edge::guard_tensor([&] {
    TORCH_CHECK(x->dim() == rank + 2, "interpolation to ", rank, " spatial sizes expects a ", rank + 2,
                "-D input (N, C, ...), got shape ", x->sizes());
    const auto output = edge::ints(size, rank);
    switch (static_cast<edge::InterpolateMode>(mode)) {
      case edge::InterpolateMode::Nearest:
        TORCH_CHECK(align_corners == 0, "align_corners applies to linear and cubic modes only");
        return interpolate_nearest(*x, output, scales);
      case edge::InterpolateMode::Linear: return interpolate_linear(*x, output, align_corners != 0, scales);
      case edge::InterpolateMode::Cubic:
        TORCH_CHECK(rank == 2, "bicubic interpolation takes 2 spatial sizes, got ", rank);
        return at::upsample_bicubic2d(*x, output, align_corners != 0, optional_scale(scales, 0),
                                      optional_scale(scales, 1));
    }
    TORCH_CHECK(false, "unknown interpolation mode code ", mode);
  });
}

// Scaled dot-product attention over (..., L, E) queries and (..., S, E) keys / (..., S, Ev) values.
// `scale` NaN means 1/sqrt(E). A bool mask keeps positions where true; a float mask is added.
EDGE_EXPORT at::Tensor* edge_scaled_dot_product_attention(const at::Tensor* q, const at::Tensor* k,
                                                          const at::Tensor* v, const at::Tensor* mask,
                                                          double dropout, int32_t causal, double scale) {
  return edge::guard_tensor([&] {
    TORCH_CHECK(q->dim() >= 2 && k->dim() >= 2 && v->dim() >= 2, "attention inputs need at least 2 dimensions");
    TORCH_CHECK(!(causal != 0 && mask != nullptr), "attention takes a mask or is_causal, not both");
    const double factor = std::isnan(scale) ? 1.0 / std::sqrt(static_cast<double>(q->size(-1))) : scale;
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 1)
    // libtorch's fused kernels (flash / memory-efficient on CUDA) where it has them.
    return at::scaled_dot_product_attention(*q, *k, *v, edge::optional_tensor(mask), dropout, causal != 0, factor);
#else
    return attention_math(*q, *k, *v, edge::optional_tensor(mask), dropout, causal != 0, factor);
#endif
  });
}
