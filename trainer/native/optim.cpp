// Optimizer updates done in one native call per step: Adam / AdamW and gradient-norm clipping.
#include "shim.h"

#include <cmath>

// One Adam step over `count` parameters (torch.optim.Adam / AdamW, single-tensor form, no amsgrad).
// `step` is the 1-based step number after this update. Parameters without a gradient are skipped.
// decoupled = 1 is AdamW (decay applied to the weights); 0 is Adam's L2 term added to the gradient.
EDGE_EXPORT int32_t edge_adam_step(at::Tensor* const* params, at::Tensor* const* exp_avgs,
                                   at::Tensor* const* exp_avg_sqs, int64_t count, int64_t step, double lr,
                                   double beta1, double beta2, double eps, double weight_decay, int32_t decoupled) {
  return edge::guard_status([&] {
    TORCH_CHECK(step >= 1, "Adam step number must start at 1, got ", step);
    at::NoGradGuard no_grad;
    const double bias_correction1 = 1.0 - std::pow(beta1, static_cast<double>(step));
    const double bias_correction2_sqrt = std::sqrt(1.0 - std::pow(beta2, static_cast<double>(step)));
    const double step_size = lr / bias_correction1;
    for (int64_t i = 0; i < count; ++i) {
      at::Tensor& param = *params[i];
      const at::Tensor& stored_grad = param.grad();
      if (!stored_grad.defined()) {
        continue;
      }
      at::Tensor grad = stored_grad;
      if (weight_decay != 0) {
        if (decoupled != 0) {
          param.mul_(1.0 - lr * weight_decay);
        } else {
          grad = grad.add(param, weight_decay);
        }
      }
      at::Tensor& exp_avg = *exp_avgs[i];
      at::Tensor& exp_avg_sq = *exp_avg_sqs[i];
      TORCH_CHECK(exp_avg.sizes() == param.sizes() && exp_avg_sq.sizes() == param.sizes(), "Adam state ", i,
                  " has shape ", exp_avg.sizes(), " but the parameter has ", param.sizes());
      exp_avg.lerp_(grad, 1.0 - beta1);
      exp_avg_sq.mul_(beta2).addcmul_(grad, grad, 1.0 - beta2);
      const at::Tensor denominator = (exp_avg_sq.sqrt() / bias_correction2_sqrt).add_(eps);
      param.addcdiv_(exp_avg, denominator, -step_size);
    }
  });
}

// Scales all gradients so that their joint `norm_type`-norm is at most max_norm
// (torch.nn.utils.clip_grad_norm_); writes the norm before clipping to *total_norm.
EDGE_EXPORT int32_t edge_clip_grad_norm(at::Tensor* const* params, int64_t count, double max_norm, double norm_type,
                                        double* total_norm) {
  return edge::guard_status([&] {
    at::NoGradGuard no_grad;
    std::vector<at::Tensor> grads;
    for (int64_t i = 0; i < count; ++i) {
      const at::Tensor& grad = params[i]->grad();
      if (grad.defined()) {
        grads.push_back(grad);
      }
    }
    if (grads.empty()) {
      *total_norm = 0;
      return;
    }
    std::vector<at::Tensor> norms;
    norms.reserve(grads.size());
    for (const auto& grad : grads) {
      norms.push_back(at::linalg_vector_norm(grad, norm_type));
    }
    const at::Tensor total = at::linalg_vector_norm(at::stack(norms), norm_type);
    const at::Tensor coefficient = at::clamp_max(max_norm / (total + 1e-6), 1.0);
    for (auto& grad : grads) {
      grad.mul_(coefficient.to(grad.device()));
    }
    *total_norm = total.item<double>();
  });
}
