// Autograd: the requires-grad flag, gradients, backward and torch.autograd.grad.
#include "shim.h"

#include <torch/csrc/autograd/autograd.h>

EDGE_EXPORT int32_t edge_tensor_requires_grad(const at::Tensor* tensor) { return tensor->requires_grad() ? 1 : 0; }

EDGE_EXPORT int32_t edge_tensor_set_requires_grad(at::Tensor* tensor, int32_t requires_grad) {
  return edge::guard_status([&] { tensor->requires_grad_(requires_grad != 0); });
}

EDGE_EXPORT int32_t edge_tensor_is_leaf(const at::Tensor* tensor) { return tensor->is_leaf() ? 1 : 0; }

EDGE_EXPORT int32_t edge_tensor_has_grad(const at::Tensor* tensor) { return tensor->grad().defined() ? 1 : 0; }

// The accumulated gradient, or *gradient = nullptr when there is none yet.
EDGE_EXPORT int32_t edge_tensor_grad(const at::Tensor* tensor, at::Tensor** gradient) {
  return edge::guard_status([&] {
    const at::Tensor& grad = tensor->grad();
    *gradient = grad.defined() ? new at::Tensor(grad) : nullptr;
  });
}

EDGE_EXPORT int32_t edge_tensor_set_grad(at::Tensor* tensor, const at::Tensor* gradient) {
  return edge::guard_status([&] {
    if (gradient == nullptr) {
      tensor->mutable_grad().reset();
    } else {
      tensor->mutable_grad() = *gradient;
    }
  });
}

// Drops the gradient (set_to_none, PyTorch's default since 2.0) or zeroes it in place.
EDGE_EXPORT int32_t edge_tensor_zero_grad(at::Tensor* tensor, int32_t set_to_none) {
  return edge::guard_status([&] {
    at::Tensor& grad = tensor->mutable_grad();
    if (!grad.defined()) {
      return;
    }
    if (set_to_none != 0) {
      grad.reset();
    } else {
      grad = grad.detach();
      grad.zero_();
    }
  });
}

EDGE_EXPORT int32_t edge_tensor_retain_grad(at::Tensor* tensor) {
  return edge::guard_status([&] { tensor->retain_grad(); });
}

EDGE_EXPORT int32_t edge_tensor_backward(const at::Tensor* tensor, const at::Tensor* gradient, int32_t retain_graph,
                                         int32_t create_graph) {
  return edge::guard_status([&] {
    TORCH_CHECK(tensor->requires_grad(), "backward on a tensor that does not require grad (no graph to differentiate)");
    const at::Tensor seed = gradient == nullptr ? at::Tensor() : *gradient;
    tensor->backward(seed, retain_graph != 0 ? c10::optional<bool>(true) : c10::optional<bool>(create_graph != 0),
                     create_graph != 0);
  });
}

EDGE_EXPORT at::Tensor* edge_tensor_detach(const at::Tensor* tensor) {
  return edge::guard_tensor([&] { return tensor->detach(); });
}

// torch.autograd.grad: gradients of `outputs` with respect to `inputs`, written to `results`
// (an unused input gets nullptr when allow_unused is set). `grad_outputs` may be null.
EDGE_EXPORT int32_t edge_autograd_grad(at::Tensor* const* outputs, int64_t output_count, at::Tensor* const* inputs,
                                       int64_t input_count, at::Tensor* const* grad_outputs, int32_t retain_graph,
                                       int32_t create_graph, int32_t allow_unused, at::Tensor** results) {
  return edge::guard_status([&] {
    const auto output_list = edge::read_tensor_list(outputs, output_count);
    const auto input_list = edge::read_tensor_list(inputs, input_count);
    std::vector<at::Tensor> seeds;
    if (grad_outputs != nullptr) {
      seeds = edge::read_tensor_list(grad_outputs, output_count);
    }
    const auto grads = torch::autograd::grad(output_list, input_list, seeds,
                                             retain_graph != 0 ? c10::optional<bool>(true) : c10::nullopt,
                                             create_graph != 0, allow_unused != 0);
    for (size_t i = 0; i < grads.size(); ++i) {
      results[i] = grads[i].defined() ? new at::Tensor(grads[i]) : nullptr;
    }
  });
}
