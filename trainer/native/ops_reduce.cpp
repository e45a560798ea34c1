// Reductions (over all or some dimensions), arg-extremes, top-k, sort, cumulative sum, norms.
#include "shim.h"

namespace {

// An empty dimension list means every dimension.
std::vector<int64_t> reduce_dims(const at::Tensor& x, const int64_t* dims, int64_t count) {
  if (count > 0) {
    const auto list = edge::ints(dims, count);
    return std::vector<int64_t>(list.begin(), list.end());
  }
  std::vector<int64_t> all(static_cast<size_t>(x.dim()));
  for (int64_t i = 0; i < x.dim(); ++i) {
    all[static_cast<size_t>(i)] = i;
  }
  return all;
}

at::Tensor single_dim_reduce(const at::Tensor& x, edge::Reduce op, const std::vector<int64_t>& dims, bool keepdim,
                             bool whole) {
  const bool any = op == edge::Reduce::Any;
  if (whole) {
    at::Tensor result = any ? at::any(x) : at::all(x);
    return keepdim ? result.reshape(std::vector<int64_t>(static_cast<size_t>(x.dim()), 1)) : result;
  }
  TORCH_CHECK(dims.size() == 1, "all/any reduce over every dimension or exactly one");
  return any ? at::any(x, dims[0], keepdim) : at::all(x, dims[0], keepdim);
}

at::Tensor reduce(const at::Tensor& x, edge::Reduce op, const int64_t* dims, int64_t count, bool keepdim,
                  bool unbiased) {
  using edge::Reduce;
  const auto list = reduce_dims(x, dims, count);
  const at::IntArrayRef d(list);
  switch (op) {
    case Reduce::Sum: return at::sum(x, d, keepdim);
    case Reduce::Mean: return at::mean(x, d, keepdim);
    case Reduce::Prod: {
      at::Tensor result = x;
      // prod takes one dimension at a time; reduce from the last so indices stay valid.
      std::vector<int64_t> sorted(list);
      for (auto& value : sorted) {
        value = c10::maybe_wrap_dim(value, x.dim());
      }
      std::sort(sorted.rbegin(), sorted.rend());
      for (const int64_t dim : sorted) {
        result = at::prod(result, dim, keepdim);
      }
      return result;
    }
    case Reduce::Amax: return at::amax(x, d, keepdim);
    case Reduce::Amin: return at::amin(x, d, keepdim);
    case Reduce::Std: return at::std(x, at::OptionalIntArrayRef(d), unbiased, keepdim);
    case Reduce::Var: return at::var(x, at::OptionalIntArrayRef(d), unbiased, keepdim);
    case Reduce::LogSumExp: return at::logsumexp(x, d, keepdim);
    case Reduce::All:
    case Reduce::Any: return single_dim_reduce(x, op, list, keepdim, count == 0);
  }
  TORCH_CHECK(false, "unknown reduction code ", static_cast<int32_t>(op));
}

}  // namespace

EDGE_EXPORT at::Tensor* edge_reduce(const at::Tensor* x, int32_t op, const int64_t* dims, int64_t count,
                                    int32_t keepdim, int32_t unbiased) {
  return edge::guard_tensor([&] {
    return reduce(*x, static_cast<edge::Reduce>(op), dims, count, keepdim != 0, unbiased != 0);
  });
}

// Values and indices of the maximum (is_max = 1) or minimum along one dimension.
EDGE_EXPORT int32_t edge_extreme_dim(const at::Tensor* x, int64_t dim, int32_t keepdim, int32_t is_max,
                                     at::Tensor** values, at::Tensor** indices) {
  return edge::guard_status([&] {
    auto result = is_max != 0 ? at::max(*x, dim, keepdim != 0) : at::min(*x, dim, keepdim != 0);
    *values = new at::Tensor(std::get<0>(result));
    *indices = new at::Tensor(std::get<1>(result));
  });
}

// argmax / argmin along `dim`, or over the flattened tensor when has_dim is 0.
EDGE_EXPORT at::Tensor* edge_arg_extreme(const at::Tensor* x, int64_t dim, int32_t has_dim, int32_t keepdim,
                                         int32_t is_max) {
  return edge::guard_tensor([&] {
    const c10::optional<int64_t> d = has_dim != 0 ? c10::optional<int64_t>(dim) : c10::nullopt;
    return is_max != 0 ? at::argmax(*x, d, keepdim != 0) : at::argmin(*x, d, keepdim != 0);
  });
}

EDGE_EXPORT int32_t edge_topk(const at::Tensor* x, int64_t k, int64_t dim, int32_t largest, int32_t sorted,
                              at::Tensor** values, at::Tensor** indices) {
  return edge::guard_status([&] {
    auto result = at::topk(*x, k, dim, largest != 0, sorted != 0);
    *values = new at::Tensor(std::get<0>(result));
    *indices = new at::Tensor(std::get<1>(result));
  });
}

EDGE_EXPORT int32_t edge_sort(const at::Tensor* x, int64_t dim, int32_t descending, at::Tensor** values,
                              at::Tensor** indices) {
  return edge::guard_status([&] {
    auto result = at::sort(*x, dim, descending != 0);
    *values = new at::Tensor(std::get<0>(result));
    *indices = new at::Tensor(std::get<1>(result));
  });
}

EDGE_EXPORT at::Tensor* edge_cumsum(const at::Tensor* x, int64_t dim) {
  return edge::guard_tensor([&] { return at::cumsum(*x, dim); });
}

// The p-norm over the given dimensions (all when count is 0).
EDGE_EXPORT at::Tensor* edge_vector_norm(const at::Tensor* x, double ord, const int64_t* dims, int64_t count,
                                         int32_t keepdim) {
  return edge::guard_tensor([&] {
    const auto list = reduce_dims(*x, dims, count);
    return at::linalg_vector_norm(*x, ord, at::OptionalIntArrayRef(at::IntArrayRef(list)), keepdim != 0);
  });
}
