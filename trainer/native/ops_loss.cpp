// Loss functions; `reduction` uses libtorch's codes (0 none, 1 mean, 2 sum).
#include "shim.h"

EDGE_EXPORT at::Tensor* edge_mse_loss(const at::Tensor* input, const at::Tensor* target, int64_t reduction) {
  return edge::guard_tensor([&] { return at::mse_loss(*input, *target, reduction); });
}

EDGE_EXPORT at::Tensor* edge_l1_loss(const at::Tensor* input, const at::Tensor* target, int64_t reduction) {
  return edge::guard_tensor([&] { return at::l1_loss(*input, *target, reduction); });
}

EDGE_EXPORT at::Tensor* edge_smooth_l1_loss(const at::Tensor* input, const at::Tensor* target, int64_t reduction,
                                            double beta) {
  return edge::guard_tensor([&] { return at::smooth_l1_loss(*input, *target, reduction, beta); });
}

// Cross entropy over class logits (N, C, ...) with class-index targets (N, ...) or class
// probabilities (N, C, ...), with optional class weights and label smoothing.
EDGE_EXPORT at::Tensor* edge_cross_entropy(const at::Tensor* logits, const at::Tensor* target,
                                           const at::Tensor* weight, int64_t reduction, int64_t ignore_index,
                                           double label_smoothing) {
  return edge::guard_tensor([&] {
    return at::cross_entropy_loss(*logits, *target, edge::optional_tensor(weight), reduction, ignore_index,
                                  label_smoothing);
  });
}

EDGE_EXPORT at::Tensor* edge_nll_loss(const at::Tensor* log_probabilities, const at::Tensor* target,
                                      const at::Tensor* weight, int64_t reduction, int64_t ignore_index) {
  return edge::guard_tensor([&] {
    return at::nll_loss_nd(*log_probabilities, *target, edge::optional_tensor(weight), reduction, ignore_index);
  });
}

EDGE_EXPORT at::Tensor* edge_bce_with_logits(const at::Tensor* logits, const at::Tensor* target,
                                             const at::Tensor* weight, const at::Tensor* positive_weight,
                                             int64_t reduction) {
  return edge::guard_tensor([&] {
    return at::binary_cross_entropy_with_logits(*logits, *target, edge::optional_tensor(weight),
                                                edge::optional_tensor(positive_weight), reduction);
  });
}

EDGE_EXPORT at::Tensor* edge_bce(const at::Tensor* probabilities, const at::Tensor* target, const at::Tensor* weight,
                                 int64_t reduction) {
  return edge::guard_tensor([&] {
    return at::binary_cross_entropy(*probabilities, *target, edge::optional_tensor(weight), reduction);
  });
}

EDGE_EXPORT at::Tensor* edge_kl_div(const at::Tensor* input, const at::Tensor* target, int64_t reduction,
                                    int32_t log_target) {
  return edge::guard_tensor([&] { return at::kl_div(*input, *target, reduction, log_target != 0); });
}
