// Shared by every translation unit of the shim: the export macro, the exception border and
// small converters from C arguments to ATen types.
//
// Conventions of the C ABI (mirrored by trainer/Edge.Torch/Interop):
// - A tensor crosses the border as an owned `at::Tensor*` (allocated with new, released by
//   edge_tensor_free). Functions that return a tensor return nullptr on error.
// - Functions that return a status return 0 on success and -1 on error.
// - On error the message is kept in a thread-local; edge_error_take hands out a malloc'd copy
//   (and clears it), edge_free releases that copy.
// - Nothing is allowed to escape: every export runs its body through edge::guard_tensor or
//   edge::guard_status, which catch every C++ exception.
#pragma once

#include <ATen/ATen.h>

#include <cstdint>
#include <string>

#define EDGE_EXPORT extern "C" __attribute__((visibility("default")))

namespace edge {

// Stores the message of the exception being handled; call only inside a catch block.
void record_current_exception() noexcept;
void record_error(const std::string& message) noexcept;

template <class Body>
at::Tensor* guard_tensor(Body&& body) noexcept {
  try {
    return new at::Tensor(body());
  } catch (...) {
    record_current_exception();
    return nullptr;
  }
}

template <class Body>
int guard_status(Body&& body) noexcept {
  try {
    body();
    return 0;
  } catch (...) {
    record_current_exception();
    return -1;
  }
}

inline c10::optional<at::Tensor> optional_tensor(const at::Tensor* tensor) {
  if (tensor == nullptr) {
    return c10::nullopt;
  }
  return *tensor;
}

inline at::IntArrayRef ints(const int64_t* values, int64_t count) {
  TORCH_CHECK(count >= 0 && (count == 0 || values != nullptr), "invalid integer list");
  return at::IntArrayRef(values, static_cast<size_t>(count));
}

// Builds a device from the managed (type, index) pair, failing clearly where libtorch lacks it.
at::Device make_device(int32_t type, int32_t index);

at::ScalarType make_dtype(int32_t dtype);

at::TensorOptions make_options(int32_t dtype, int32_t device_type, int32_t device_index);

// Hands a list of tensors out through a caller-provided array of `capacity` slots.
int64_t write_tensor_list(const std::vector<at::Tensor>& tensors, at::Tensor** out, int64_t capacity);

std::vector<at::Tensor> read_tensor_list(at::Tensor* const* tensors, int64_t count);

}  // namespace edge

// Codes shared with the managed enums in trainer/Edge.Torch (keep the numbers in step).
namespace edge {

enum class DeviceKind : int32_t { Cpu = 0, Cuda = 1 };

enum class Unary : int32_t {
  Neg = 0, Abs, Sqrt, Rsqrt, Exp, Expm1, Log, Log1p, Sin, Cos,
  Tanh, Sigmoid, Relu, Silu, Gelu, GeluTanh, Softplus, Mish, Elu, Sign,
  Floor, Ceil, Round, Square, Reciprocal, Erf, LogicalNot, IsNan,
};

enum class Binary : int32_t {
  Add = 0, Sub, Mul, Div, Pow, Maximum, Minimum, Remainder, Atan2,
  Eq, Ne, Lt, Le, Gt, Ge, LogicalAnd, LogicalOr,
};

enum class Reduce : int32_t { Sum = 0, Mean, Prod, Amax, Amin, Std, Var, LogSumExp, All, Any };

enum class RandomKind : int32_t { Uniform = 0, Normal, Integer, Bernoulli };

enum class PoolKind : int32_t { Max = 0, Average };

enum class InterpolateMode : int32_t { Nearest = 0, Linear, Cubic };

enum class PadMode : int32_t { Constant = 0, Reflect, Replicate, Circular };

}  // namespace edge
