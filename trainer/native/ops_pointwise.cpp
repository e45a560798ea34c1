// Element-wise operations: unary, binary (tensor or scalar operand), in-place updates, clamp, where.
#include "shim.h"

#include <cmath>

namespace {

// A whole number applied to an integer tensor stays an integer (as `long_tensor + 1` in Python);
// anything else is a double, which promotes an integer tensor to floating point.
at::Scalar scalar_for(const at::Tensor& tensor, double value) {
  if (!at::isFloatingType(tensor.scalar_type()) && std::nearbyint(value) == value && std::abs(value) < 9.0e15) {
    return at::Scalar(static_cast<int64_t>(value));
  }
  return at::Scalar(value);
}

at::Tensor unary(const at::Tensor& x, edge::Unary op) {
  using edge::Unary;
  switch (op) {
    case Unary::Neg: return at::neg(x);
    case Unary::Abs: return at::abs(x);
    case Unary::Sqrt: return at::sqrt(x);
    case Unary::Rsqrt: return at::rsqrt(x);
    case Unary::Exp: return at::exp(x);
    case Unary::Expm1: return at::expm1(x);
    case Unary::Log: return at::log(x);
    case Unary::Log1p: return at::log1p(x);
    case Unary::Sin: return at::sin(x);
    case Unary::Cos: return at::cos(x);
    case Unary::Tanh: return at::tanh(x);
    case Unary::Sigmoid: return at::sigmoid(x);
    case Unary::Relu: return at::relu(x);
    case Unary::Silu: return at::silu(x);
    case Unary::Gelu: return at::gelu(x, "none");
    case Unary::GeluTanh: return at::gelu(x, "tanh");
    case Unary::Softplus: return at::softplus(x);
    case Unary::Mish: return at::mish(x);
    case Unary::Elu: return at::elu(x);
    case Unary::Sign: return at::sign(x);
    case Unary::Floor: return at::floor(x);
    case Unary::Ceil: return at::ceil(x);
    case Unary::Round: return at::round(x);
    case Unary::Square: return at::square(x);
    case Unary::Reciprocal: return at::reciprocal(x);
    case Unary::Erf: return at::erf(x);
    case Unary::LogicalNot: return at::logical_not(x);
    case Unary::IsNan: return at::isnan(x);
  }
  TORCH_CHECK(false, "unknown unary operation code ", static_cast<int32_t>(op));
}

at::Tensor binary(const at::Tensor& a, const at::Tensor& b, edge::Binary op) {
  using edge::Binary;
  switch (op) {
    case Binary::Add: return at::add(a, b);
    case Binary::Sub: return at::sub(a, b);
    case Binary::Mul: return at::mul(a, b);
    case Binary::Div: return at::div(a, b);
    case Binary::Pow: return at::pow(a, b);
    case Binary::Maximum: return at::maximum(a, b);
    case Binary::Minimum: return at::minimum(a, b);
    case Binary::Remainder: return at::remainder(a, b);
    case Binary::Atan2: return at::atan2(a, b);
    case Binary::Eq: return at::eq(a, b);
    case Binary::Ne: return at::ne(a, b);
    case Binary::Lt: return at::lt(a, b);
    case Binary::Le: return at::le(a, b);
    case Binary::Gt: return at::gt(a, b);
    case Binary::Ge: return at::ge(a, b);
    case Binary::LogicalAnd: return at::logical_and(a, b);
    case Binary::LogicalOr: return at::logical_or(a, b);
  }
  TORCH_CHECK(false, "unknown binary operation code ", static_cast<int32_t>(op));
}

at::Tensor binary_scalar(const at::Tensor& a, const at::Scalar& s, edge::Binary op) {
  using edge::Binary;
  switch (op) {
    case Binary::Add: return at::add(a, s);
    case Binary::Sub: return at::sub(a, s);
    case Binary::Mul: return at::mul(a, s);
    case Binary::Div: return at::div(a, s);
    case Binary::Pow: return at::pow(a, s);
    case Binary::Remainder: return at::remainder(a, s);
    case Binary::Maximum: return at::clamp_min(a, s);
    case Binary::Minimum: return at::clamp_max(a, s);
    case Binary::Eq: return at::eq(a, s);
    case Binary::Ne: return at::ne(a, s);
    case Binary::Lt: return at::lt(a, s);
    case Binary::Le: return at::le(a, s);
    case Binary::Gt: return at::gt(a, s);
    case Binary::Ge: return at::ge(a, s);
    default: break;
  }
  TORCH_CHECK(false, "binary operation code ", static_cast<int32_t>(op), " has no scalar form");
}

// scalar OP tensor, for the operations that are not symmetric.
at::Tensor scalar_binary(const at::Scalar& s, const at::Tensor& a, edge::Binary op) {
  using edge::Binary;
  switch (op) {
    case Binary::Sub: return at::rsub(a, s);
    case Binary::Div: return at::mul(at::reciprocal(a), s);
    case Binary::Pow: return at::pow(s, a);
    default: break;
  }
  TORCH_CHECK(false, "binary operation code ", static_cast<int32_t>(op), " has no reversed scalar form");
}

void binary_in_place(at::Tensor& a, const at::Tensor& b, edge::Binary op) {
  using edge::Binary;
  switch (op) {
    case Binary::Add: a.add_(b); return;
    case Binary::Sub: a.sub_(b); return;
    case Binary::Mul: a.mul_(b); return;
    case Binary::Div: a.div_(b); return;
    default: break;
  }
  TORCH_CHECK(false, "binary operation code ", static_cast<int32_t>(op), " has no in-place form");
}

void binary_scalar_in_place(at::Tensor& a, const at::Scalar& s, edge::Binary op) {
  using edge::Binary;
  switch (op) {
    case Binary::Add: a.add_(s); return;
    case Binary::Sub: a.sub_(s); return;
    case Binary::Mul: a.mul_(s); return;
    case Binary::Div: a.div_(s); return;
    case Binary::Pow: a.pow_(s); return;
    default: break;
  }
  TORCH_CHECK(false, "binary operation code ", static_cast<int32_t>(op), " has no in-place scalar form");
}

}  // namespace

EDGE_EXPORT at::Tensor* edge_unary(const at::Tensor* x, int32_t op) {
  return edge::guard_tensor([&] { return unary(*x, static_cast<edge::Unary>(op)); });
}

EDGE_EXPORT at::Tensor* edge_binary(const at::Tensor* a, const at::Tensor* b, int32_t op) {
  return edge::guard_tensor([&] { return binary(*a, *b, static_cast<edge::Binary>(op)); });
}

// `reversed` computes scalar OP tensor (for Sub, Div and Pow).
EDGE_EXPORT at::Tensor* edge_binary_scalar(const at::Tensor* a, double scalar, int32_t op, int32_t reversed) {
  return edge::guard_tensor([&] {
    const auto code = static_cast<edge::Binary>(op);
    const at::Scalar s = scalar_for(*a, scalar);
    return reversed != 0 ? scalar_binary(s, *a, code) : binary_scalar(*a, s, code);
  });
}

EDGE_EXPORT int32_t edge_binary_(at::Tensor* a, const at::Tensor* b, int32_t op) {
  return edge::guard_status([&] { binary_in_place(*a, *b, static_cast<edge::Binary>(op)); });
}

EDGE_EXPORT int32_t edge_binary_scalar_(at::Tensor* a, double scalar, int32_t op) {
  return edge::guard_status([&] { binary_scalar_in_place(*a, scalar_for(*a, scalar), static_cast<edge::Binary>(op)); });
}

// a += alpha * b, in place (moving averages of weights, manual updates).
EDGE_EXPORT int32_t edge_add_scaled_(at::Tensor* a, const at::Tensor* b, double alpha) {
  return edge::guard_status([&] { a->add_(*b, alpha); });
}

EDGE_EXPORT at::Tensor* edge_lerp(const at::Tensor* start, const at::Tensor* end, double weight) {
  return edge::guard_tensor([&] { return at::lerp(*start, *end, weight); });
}

EDGE_EXPORT at::Tensor* edge_leaky_relu(const at::Tensor* x, double negative_slope) {
  return edge::guard_tensor([&] { return at::leaky_relu(*x, negative_slope); });
}

// Clamps to [min, max]; a bound is ignored when its has_ flag is 0.
EDGE_EXPORT at::Tensor* edge_clamp(const at::Tensor* x, double min, int32_t has_min, double max, int32_t has_max) {
  return edge::guard_tensor([&] {
    TORCH_CHECK(has_min != 0 || has_max != 0, "clamp needs a minimum, a maximum or both");
    const c10::optional<at::Scalar> low = has_min != 0 ? c10::optional<at::Scalar>(min) : c10::nullopt;
    const c10::optional<at::Scalar> high = has_max != 0 ? c10::optional<at::Scalar>(max) : c10::nullopt;
    return at::clamp(*x, low, high);
  });
}

EDGE_EXPORT at::Tensor* edge_where(const at::Tensor* condition, const at::Tensor* a, const at::Tensor* b) {
  return edge::guard_tensor([&] { return at::where(*condition, *a, *b); });
}

EDGE_EXPORT at::Tensor* edge_masked_fill(const at::Tensor* x, const at::Tensor* mask, double value) {
  return edge::guard_tensor([&] { return at::masked_fill(*x, *mask, value); });
}
