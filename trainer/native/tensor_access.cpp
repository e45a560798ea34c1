// Handles, metadata, data out of tensors, conversions and in-place writes.
#include "shim.h"

EDGE_EXPORT void edge_tensor_free(at::Tensor* tensor) { delete tensor; }

// A second handle on the same tensor (shares storage and autograd identity).
EDGE_EXPORT at::Tensor* edge_tensor_alias(const at::Tensor* tensor) {
  return edge::guard_tensor([&] { return *tensor; });
}

EDGE_EXPORT int64_t edge_tensor_ndim(const at::Tensor* tensor) { return tensor->dim(); }

// Writes up to `capacity` sizes and returns the number of dimensions.
EDGE_EXPORT int64_t edge_tensor_shape(const at::Tensor* tensor, int64_t* sizes, int64_t capacity) {
  const auto shape = tensor->sizes();
  const int64_t count = static_cast<int64_t>(shape.size());
  for (int64_t i = 0; i < count && i < capacity; ++i) {
    sizes[i] = shape[static_cast<size_t>(i)];
  }
  return count;
}

EDGE_EXPORT int64_t edge_tensor_numel(const at::Tensor* tensor) { return tensor->numel(); }

EDGE_EXPORT int32_t edge_tensor_dtype(const at::Tensor* tensor) {
  return static_cast<int32_t>(tensor->scalar_type());
}

EDGE_EXPORT int32_t edge_tensor_device(const at::Tensor* tensor, int32_t* type, int32_t* index) {
  return edge::guard_status([&] {
    const at::Device device = tensor->device();
    TORCH_CHECK(device.is_cpu() || device.is_cuda(), "tensor lives on unsupported device ", device);
    *type = static_cast<int32_t>(device.is_cuda() ? edge::DeviceKind::Cuda : edge::DeviceKind::Cpu);
    *index = device.has_index() ? device.index() : -1;
  });
}

EDGE_EXPORT int32_t edge_tensor_same(const at::Tensor* a, const at::Tensor* b) {
  return a->is_same(*b) ? 1 : 0;
}

// Copies the elements, converted to `dtype`, in row-major order into `destination`.
EDGE_EXPORT int32_t edge_tensor_copy_to(const at::Tensor* tensor, void* destination, int64_t byte_count,
                                        int32_t dtype) {
  return edge::guard_status([&] {
    const at::Tensor host = tensor->detach().to(at::kCPU, edge::make_dtype(dtype)).contiguous();
    const int64_t needed = static_cast<int64_t>(host.nbytes());
    TORCH_CHECK(byte_count == needed, "tensor of shape ", host.sizes(), " needs ", needed, " bytes, buffer has ",
                byte_count);
    if (needed > 0) {
      std::memcpy(destination, host.data_ptr(), static_cast<size_t>(needed));
    }
  });
}

EDGE_EXPORT int32_t edge_tensor_item(const at::Tensor* tensor, double* value) {
  return edge::guard_status([&] { *value = tensor->item<double>(); });
}

EDGE_EXPORT int32_t edge_tensor_item_int64(const at::Tensor* tensor, int64_t* value) {
  return edge::guard_status([&] { *value = tensor->item<int64_t>(); });
}

// Converts dtype and/or device; a negative code keeps the current one.
EDGE_EXPORT at::Tensor* edge_tensor_to(const at::Tensor* tensor, int32_t dtype, int32_t device_type,
                                       int32_t device_index) {
  return edge::guard_tensor([&] {
    const at::ScalarType type = dtype < 0 ? tensor->scalar_type() : edge::make_dtype(dtype);
    const at::Device device = device_type < 0 ? tensor->device() : edge::make_device(device_type, device_index);
    return tensor->to(device, type);
  });
}

EDGE_EXPORT at::Tensor* edge_tensor_clone(const at::Tensor* tensor) {
  return edge::guard_tensor([&] { return tensor->clone(); });
}

EDGE_EXPORT at::Tensor* edge_tensor_contiguous(const at::Tensor* tensor) {
  return edge::guard_tensor([&] { return tensor->contiguous(); });
}

// Replaces the tensor's data (shape, dtype, device) while keeping its identity: how a module's
// parameters move between devices without the optimizer losing track of them.
EDGE_EXPORT int32_t edge_tensor_set_data(at::Tensor* tensor, const at::Tensor* source) {
  return edge::guard_status([&] { tensor->set_data(*source); });
}

EDGE_EXPORT int32_t edge_tensor_copy_(at::Tensor* destination, const at::Tensor* source) {
  return edge::guard_status([&] { destination->copy_(*source); });
}

EDGE_EXPORT int32_t edge_tensor_fill_(at::Tensor* tensor, double value) {
  return edge::guard_status([&] { tensor->fill_(value); });
}

EDGE_EXPORT int32_t edge_tensor_is_contiguous(const at::Tensor* tensor) { return tensor->is_contiguous() ? 1 : 0; }
