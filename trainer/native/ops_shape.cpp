// Shape, joining, slicing and indexing operations.
#include "shim.h"

#include <limits>

EDGE_EXPORT at::Tensor* edge_reshape(const at::Tensor* x, const int64_t* shape, int64_t ndim) {
  return edge::guard_tensor([&] { return at::reshape(*x, edge::ints(shape, ndim)); });
}

EDGE_EXPORT at::Tensor* edge_permute(const at::Tensor* x, const int64_t* dims, int64_t ndim) {
  return edge::guard_tensor([&] { return x->permute(edge::ints(dims, ndim)); });
}

EDGE_EXPORT at::Tensor* edge_transpose(const at::Tensor* x, int64_t dim0, int64_t dim1) {
  return edge::guard_tensor([&] { return at::transpose(*x, dim0, dim1); });
}

EDGE_EXPORT at::Tensor* edge_flatten(const at::Tensor* x, int64_t start_dim, int64_t end_dim) {
  return edge::guard_tensor([&] { return at::flatten(*x, start_dim, end_dim); });
}

EDGE_EXPORT at::Tensor* edge_unsqueeze(const at::Tensor* x, int64_t dim) {
  return edge::guard_tensor([&] { return at::unsqueeze(*x, dim); });
}

// Removes size-1 dimension `dim`, or every size-1 dimension when has_dim is 0.
EDGE_EXPORT at::Tensor* edge_squeeze(const at::Tensor* x, int64_t dim, int32_t has_dim) {
  return edge::guard_tensor([&] { return has_dim != 0 ? at::squeeze(*x, dim) : at::squeeze(*x); });
}

EDGE_EXPORT at::Tensor* edge_expand(const at::Tensor* x, const int64_t* shape, int64_t ndim) {
  return edge::guard_tensor([&] { return x->expand(edge::ints(shape, ndim)); });
}

EDGE_EXPORT at::Tensor* edge_repeat(const at::Tensor* x, const int64_t* repeats, int64_t ndim) {
  return edge::guard_tensor([&] { return x->repeat(edge::ints(repeats, ndim)); });
}

EDGE_EXPORT at::Tensor* edge_cat(at::Tensor* const* tensors, int64_t count, int64_t dim) {
  return edge::guard_tensor([&] { return at::cat(edge::read_tensor_list(tensors, count), dim); });
}

EDGE_EXPORT at::Tensor* edge_stack(at::Tensor* const* tensors, int64_t count, int64_t dim) {
  return edge::guard_tensor([&] { return at::stack(edge::read_tensor_list(tensors, count), dim); });
}

// Python's x[start:end:step] along `dim`; has_end = 0 means to the end.
EDGE_EXPORT at::Tensor* edge_slice(const at::Tensor* x, int64_t dim, int64_t start, int64_t end, int32_t has_end,
                                   int64_t step) {
  return edge::guard_tensor([&] {
    const int64_t stop = has_end != 0 ? end : std::numeric_limits<int64_t>::max();
    return at::slice(*x, dim, start, stop, step);
  });
}

EDGE_EXPORT at::Tensor* edge_narrow(const at::Tensor* x, int64_t dim, int64_t start, int64_t length) {
  return edge::guard_tensor([&] { return at::narrow(*x, dim, start, length); });
}

EDGE_EXPORT at::Tensor* edge_select(const at::Tensor* x, int64_t dim, int64_t index) {
  return edge::guard_tensor([&] { return at::select(*x, dim, index); });
}

EDGE_EXPORT at::Tensor* edge_index_select(const at::Tensor* x, int64_t dim, const at::Tensor* index) {
  return edge::guard_tensor([&] { return at::index_select(*x, dim, *index); });
}

EDGE_EXPORT at::Tensor* edge_gather(const at::Tensor* x, int64_t dim, const at::Tensor* index) {
  return edge::guard_tensor([&] { return at::gather(*x, dim, *index); });
}

// Out-of-place scatter of `source` along `dim`; accumulate = 1 adds instead of overwriting.
EDGE_EXPORT at::Tensor* edge_scatter(const at::Tensor* x, int64_t dim, const at::Tensor* index,
                                     const at::Tensor* source, int32_t accumulate) {
  return edge::guard_tensor([&] {
    return accumulate != 0 ? at::scatter_add(*x, dim, *index, *source) : at::scatter(*x, dim, *index, *source);
  });
}

EDGE_EXPORT at::Tensor* edge_scatter_value(const at::Tensor* x, int64_t dim, const at::Tensor* index, double value) {
  return edge::guard_tensor([&] { return at::scatter(*x, dim, *index, value); });
}

EDGE_EXPORT at::Tensor* edge_one_hot(const at::Tensor* indices, int64_t class_count) {
  return edge::guard_tensor([&] { return at::one_hot(*indices, class_count); });
}

// Splits into pieces of `size` along `dim`; returns the piece count (or -1).
EDGE_EXPORT int64_t edge_split(const at::Tensor* x, int64_t size, int64_t dim, at::Tensor** pieces, int64_t capacity) {
  try {
    return edge::write_tensor_list(at::split(*x, size, dim), pieces, capacity);
  } catch (...) {
    edge::record_current_exception();
    return -1;
  }
}

EDGE_EXPORT int64_t edge_chunk(const at::Tensor* x, int64_t chunks, int64_t dim, at::Tensor** pieces,
                               int64_t capacity) {
  try {
    return edge::write_tensor_list(at::chunk(*x, chunks, dim), pieces, capacity);
  } catch (...) {
    edge::record_current_exception();
    return -1;
  }
}

EDGE_EXPORT at::Tensor* edge_flip(const at::Tensor* x, const int64_t* dims, int64_t count) {
  return edge::guard_tensor([&] { return at::flip(*x, edge::ints(dims, count)); });
}

EDGE_EXPORT at::Tensor* edge_roll(const at::Tensor* x, const int64_t* shifts, const int64_t* dims, int64_t count) {
  return edge::guard_tensor([&] { return at::roll(*x, edge::ints(shifts, count), edge::ints(dims, count)); });
}

// torch.nn.functional.pad: `pads` lists (before, after) pairs starting from the last dimension.
EDGE_EXPORT at::Tensor* edge_pad(const at::Tensor* x, const int64_t* pads, int64_t count, int32_t mode, double value) {
  return edge::guard_tensor([&] {
    const auto list = edge::ints(pads, count);
    switch (static_cast<edge::PadMode>(mode)) {
      case edge::PadMode::Constant: return at::constant_pad_nd(*x, list, value);
      case edge::PadMode::Reflect: return at::pad(*x, list, "reflect");
      case edge::PadMode::Replicate: return at::pad(*x, list, "replicate");
      case edge::PadMode::Circular: return at::pad(*x, list, "circular");
    }
    TORCH_CHECK(false, "unknown padding mode code ", mode);
  });
}

// Lower (upper = 0) or upper triangle relative to `diagonal`.
EDGE_EXPORT at::Tensor* edge_triangle(const at::Tensor* x, int64_t diagonal, int32_t upper) {
  return edge::guard_tensor([&] { return upper != 0 ? at::triu(*x, diagonal) : at::tril(*x, diagonal); });
}
