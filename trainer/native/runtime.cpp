// Process-wide settings: version, threads, seeds and random state, devices, grad mode, autocast.
#include "shim.h"

#include <ATen/Parallel.h>
#include <ATen/autocast_mode.h>
#include <torch/version.h>

#include <mutex>
#include <sstream>

namespace {

// Bumped whenever an export changes its signature; the managed loader refuses another number.
constexpr int32_t kAbiVersion = 2;

std::string device_text(int32_t type, int32_t index) {
  std::ostringstream text;
  text << (type == static_cast<int32_t>(edge::DeviceKind::Cuda) ? "cuda" : "cpu");
  if (index >= 0) {
    text << ':' << index;
  }
  return text.str();
}

}  // namespace

namespace edge {

at::Device make_device(int32_t type, int32_t index) {
  if (type == static_cast<int32_t>(DeviceKind::Cpu)) {
    return at::Device(at::kCPU);
  }
  TORCH_CHECK(type == static_cast<int32_t>(DeviceKind::Cuda), "unknown device type code ", type);
  TORCH_CHECK(at::hasCUDA(), "device ", device_text(type, index),
              " requested, but this libtorch has no CUDA support (a CPU-only build): use \"cpu\", "
              "or build the shim against a CUDA libtorch (LIBTORCH=/path/to/libtorch make build)");
  const int64_t count = at::getNumGPUs();
  TORCH_CHECK(index < count, "device ", device_text(type, index), " requested, but libtorch sees ", count,
              " CUDA device(s)");
  return index < 0 ? at::Device(at::kCUDA) : at::Device(at::kCUDA, static_cast<c10::DeviceIndex>(index));
}

at::ScalarType make_dtype(int32_t dtype) {
  TORCH_CHECK(dtype >= 0 && dtype < static_cast<int32_t>(at::ScalarType::NumOptions), "unknown dtype code ", dtype);
  return static_cast<at::ScalarType>(dtype);
}

at::TensorOptions make_options(int32_t dtype, int32_t device_type, int32_t device_index) {
  return at::TensorOptions().dtype(make_dtype(dtype)).device(make_device(device_type, device_index));
}

int64_t write_tensor_list(const std::vector<at::Tensor>& tensors, at::Tensor** out, int64_t capacity) {
  TORCH_CHECK(static_cast<int64_t>(tensors.size()) <= capacity, "result has ", tensors.size(),
              " tensors but only ", capacity, " slots were given");
  for (size_t i = 0; i < tensors.size(); ++i) {
    out[i] = new at::Tensor(tensors[i]);
  }
  return static_cast<int64_t>(tensors.size());
}

std::vector<at::Tensor> read_tensor_list(at::Tensor* const* tensors, int64_t count) {
  TORCH_CHECK(count >= 0 && (count == 0 || tensors != nullptr), "invalid tensor list");
  std::vector<at::Tensor> list;
  list.reserve(static_cast<size_t>(count));
  for (int64_t i = 0; i < count; ++i) {
    TORCH_CHECK(tensors[i] != nullptr, "tensor ", i, " of the list is missing");
    list.push_back(*tensors[i]);
  }
  return list;
}

}  // namespace edge

EDGE_EXPORT int32_t edge_abi_version() { return kAbiVersion; }

EDGE_EXPORT const char* edge_torch_version() { return TORCH_VERSION; }

EDGE_EXPORT int32_t edge_set_num_threads(int32_t count) {
  return edge::guard_status([&] {
    TORCH_CHECK(count > 0, "thread count must be positive, got ", count);
    at::set_num_threads(count);
  });
}

EDGE_EXPORT int32_t edge_get_num_threads() { return at::get_num_threads(); }

EDGE_EXPORT int32_t edge_manual_seed(uint64_t seed) {
  return edge::guard_status([&] { at::manual_seed(seed); });
}

// The CPU generator's state as a uint8 tensor, for checkpoints that must resume exactly.
EDGE_EXPORT at::Tensor* edge_rng_state_get() {
  return edge::guard_tensor([&] {
    auto generator = at::detail::getDefaultCPUGenerator();
    std::lock_guard<std::mutex> lock(generator.mutex());
    return generator.get_state();
  });
}

EDGE_EXPORT int32_t edge_rng_state_set(const at::Tensor* state) {
  return edge::guard_status([&] {
    auto generator = at::detail::getDefaultCPUGenerator();
    std::lock_guard<std::mutex> lock(generator.mutex());
    generator.set_state(*state);
  });
}

EDGE_EXPORT int32_t edge_cuda_is_available() { return at::hasCUDA() ? 1 : 0; }

EDGE_EXPORT int32_t edge_cuda_device_count() {
  return at::hasCUDA() ? static_cast<int32_t>(at::getNumGPUs()) : 0;
}

// Parses "cpu", "cuda", "cuda:1" with libtorch's own parser and checks the device exists.
EDGE_EXPORT int32_t edge_device_parse(const char* text, int32_t* type, int32_t* index) {
  return edge::guard_status([&] {
    TORCH_CHECK(text != nullptr, "device string is null");
    const c10::Device device{std::string(text)};
    TORCH_CHECK(device.is_cpu() || device.is_cuda(), "device \"", text,
                "\" is not supported here: use \"cpu\" or \"cuda:N\"");
    const int32_t kind = static_cast<int32_t>(device.is_cuda() ? edge::DeviceKind::Cuda : edge::DeviceKind::Cpu);
    const int32_t number = device.has_index() ? device.index() : -1;
    edge::make_device(kind, number);
    *type = kind;
    *index = number;
  });
}

EDGE_EXPORT int32_t edge_grad_mode_is_enabled() { return at::GradMode::is_enabled() ? 1 : 0; }

// Sets the thread's grad mode and returns the previous one (0 or 1).
EDGE_EXPORT int32_t edge_grad_mode_set(int32_t enabled) {
  const bool previous = at::GradMode::is_enabled();
  at::GradMode::set_enabled(enabled != 0);
  return previous ? 1 : 0;
}

namespace {

#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 4)
bool autocast_enabled(at::DeviceType type) { return at::autocast::is_autocast_enabled(type); }
at::ScalarType autocast_dtype(at::DeviceType type) { return at::autocast::get_autocast_dtype(type); }
void set_autocast(at::DeviceType type, bool enabled, at::ScalarType dtype) {
  at::autocast::set_autocast_enabled(type, enabled);
  at::autocast::set_autocast_dtype(type, dtype);
}
#else
bool autocast_enabled(at::DeviceType type) {
  return type == at::kCUDA ? at::autocast::is_enabled() : at::autocast::is_cpu_enabled();
}
at::ScalarType autocast_dtype(at::DeviceType type) {
  return type == at::kCUDA ? at::autocast::get_autocast_gpu_dtype() : at::autocast::get_autocast_cpu_dtype();
}
void set_autocast(at::DeviceType type, bool enabled, at::ScalarType dtype) {
  if (type == at::kCUDA) {
    at::autocast::set_enabled(enabled);
    at::autocast::set_autocast_gpu_dtype(dtype);
  } else {
    at::autocast::set_cpu_enabled(enabled);
    at::autocast::set_autocast_cpu_dtype(dtype);
  }
}
#endif

}  // namespace

// Turns autocast on for the device type with the given lower precision, as torch.autocast's
// __enter__ does, and reports the previous state for edge_autocast_exit.
EDGE_EXPORT int32_t edge_autocast_enter(int32_t device_type, int32_t dtype, int32_t* previous_enabled,
                                        int32_t* previous_dtype) {
  return edge::guard_status([&] {
    const at::Device device = edge::make_device(device_type, -1);
    const at::ScalarType precision = edge::make_dtype(dtype);
    TORCH_CHECK(precision == at::kHalf || precision == at::kBFloat16,
                "autocast takes float16 or bfloat16, got ", precision);
    TORCH_CHECK(device.is_cuda() || precision == at::kBFloat16,
                "autocast on cpu supports bfloat16 only (libtorch's CPU autocast has no float16 kernels)");
    *previous_enabled = autocast_enabled(device.type()) ? 1 : 0;
    *previous_dtype = static_cast<int32_t>(autocast_dtype(device.type()));
    set_autocast(device.type(), true, precision);
    at::autocast::increment_nesting();
  });
}

EDGE_EXPORT int32_t edge_autocast_exit(int32_t device_type, int32_t previous_enabled, int32_t previous_dtype) {
  return edge::guard_status([&] {
    const at::Device device = edge::make_device(device_type, -1);
    if (at::autocast::decrement_nesting() == 0) {
      at::autocast::clear_cache();
    }
    set_autocast(device.type(), previous_enabled != 0, edge::make_dtype(previous_dtype));
  });
}
