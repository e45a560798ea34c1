// Tensors made from managed data, constants, ranges and random draws.
#include "shim.h"

namespace {

at::Tensor with_grad(at::Tensor tensor, int32_t requires_grad) {
  if (requires_grad != 0) {
    tensor.requires_grad_(true);
  }
  return tensor;
}

at::Tensor random_fill(at::Tensor tensor, int32_t kind, double a, double b) {
  at::NoGradGuard no_grad;
  switch (static_cast<edge::RandomKind>(kind)) {
    case edge::RandomKind::Uniform:
      return tensor.uniform_(a, b);
    case edge::RandomKind::Normal:
      return tensor.normal_(a, b);
    case edge::RandomKind::Integer:
      return tensor.random_(static_cast<int64_t>(a), static_cast<int64_t>(b));
    case edge::RandomKind::Bernoulli:
      return tensor.bernoulli_(a);
  }
  TORCH_CHECK(false, "unknown random distribution code ", kind);
}

}  // namespace

// Copies `byte_count` bytes of `dtype` elements into a new tensor of the given shape and device.
EDGE_EXPORT at::Tensor* edge_tensor_from_data(const void* data, int64_t byte_count, int32_t dtype,
                                              const int64_t* shape, int64_t ndim, int32_t device_type,
                                              int32_t device_index, int32_t requires_grad) {
  return edge::guard_tensor([&] {
    const auto sizes = edge::ints(shape, ndim);
    const auto type = edge::make_dtype(dtype);
    for (const int64_t size : sizes) {
      TORCH_CHECK(size >= 0, "shape ", sizes, " has a negative size");
    }
    const int64_t expected = c10::multiply_integers(sizes) * static_cast<int64_t>(c10::elementSize(type));
    TORCH_CHECK(byte_count == expected, "shape ", sizes, " of ", type, " needs ", expected, " bytes, got ", byte_count);
    TORCH_CHECK(data != nullptr || byte_count == 0, "data is null");
    const at::Device device = edge::make_device(device_type, device_index);
    at::Tensor tensor = at::empty(sizes, at::TensorOptions().dtype(type));
    if (byte_count > 0) {
      std::memcpy(tensor.data_ptr(), data, static_cast<size_t>(byte_count));
    }
    return with_grad(device.is_cpu() ? tensor : tensor.to(device), requires_grad);
  });
}

EDGE_EXPORT at::Tensor* edge_tensor_full(const int64_t* shape, int64_t ndim, double value, int32_t dtype,
                                         int32_t device_type, int32_t device_index, int32_t requires_grad) {
  return edge::guard_tensor([&] {
    return with_grad(at::full(edge::ints(shape, ndim), value, edge::make_options(dtype, device_type, device_index)),
                     requires_grad);
  });
}

EDGE_EXPORT at::Tensor* edge_tensor_empty(const int64_t* shape, int64_t ndim, int32_t dtype, int32_t device_type,
                                          int32_t device_index) {
  return edge::guard_tensor([&] {
    return at::empty(edge::ints(shape, ndim), edge::make_options(dtype, device_type, device_index));
  });
}

EDGE_EXPORT at::Tensor* edge_tensor_random(int32_t kind, double a, double b, const int64_t* shape, int64_t ndim,
                                           int32_t dtype, int32_t device_type, int32_t device_index,
                                           int32_t requires_grad) {
  return edge::guard_tensor([&] {
    at::Tensor tensor = at::empty(edge::ints(shape, ndim), edge::make_options(dtype, device_type, device_index));
    return with_grad(random_fill(tensor, kind, a, b), requires_grad);
  });
}

EDGE_EXPORT at::Tensor* edge_tensor_random_like(const at::Tensor* like, int32_t kind, double a, double b) {
  return edge::guard_tensor([&] { return random_fill(at::empty_like(*like), kind, a, b); });
}

EDGE_EXPORT at::Tensor* edge_tensor_full_like(const at::Tensor* like, double value) {
  return edge::guard_tensor([&] { return at::full_like(*like, value); });
}

// Fills an existing tensor in place, outside autograd (parameter initialisation).
EDGE_EXPORT int32_t edge_tensor_random_(at::Tensor* tensor, int32_t kind, double a, double b) {
  return edge::guard_status([&] { random_fill(*tensor, kind, a, b); });
}

EDGE_EXPORT at::Tensor* edge_tensor_arange(double start, double end, double step, int32_t dtype, int32_t device_type,
                                           int32_t device_index) {
  return edge::guard_tensor([&] {
    return at::arange(start, end, step, edge::make_options(dtype, device_type, device_index));
  });
}

EDGE_EXPORT at::Tensor* edge_tensor_linspace(double start, double end, int64_t steps, int32_t dtype,
                                             int32_t device_type, int32_t device_index) {
  return edge::guard_tensor([&] {
    return at::linspace(start, end, steps, edge::make_options(dtype, device_type, device_index));
  });
}

EDGE_EXPORT at::Tensor* edge_tensor_eye(int64_t n, int32_t dtype, int32_t device_type, int32_t device_index) {
  return edge::guard_tensor([&] { return at::eye(n, edge::make_options(dtype, device_type, device_index)); });
}
