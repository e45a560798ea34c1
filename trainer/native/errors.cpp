// The exception border: the message of the last failed call, per thread, and its hand-over.
#include "shim.h"

#include <c10/util/Exception.h>

#include <cstdlib>
#include <cstring>
#include <new>
#include <stdexcept>

namespace {

thread_local std::string last_error;
thread_local bool has_error = false;

}  // namespace

namespace edge {

void record_error(const std::string& message) noexcept {
  try {
    last_error = message;
    has_error = true;
  } catch (...) {
    // Out of memory while copying the message: keep whatever is there, but flag the failure.
    has_error = true;
  }
}

void record_current_exception() noexcept {
  try {
    throw;
  } catch (const c10::Error& error) {
    // libtorch's own text, without the C++ backtrace that what() appends.
    record_error(error.what_without_backtrace());
  } catch (const std::bad_alloc&) {
    record_error("out of memory (std::bad_alloc)");
  } catch (const std::exception& error) {
    record_error(error.what());
  } catch (...) {
    record_error("unknown C++ exception in the libtorch shim");
  }
}

}  // namespace edge

// Returns a malloc'd copy of the last error on this thread (nullptr if none) and clears it.
// The caller releases the copy with edge_free. Nothing here can throw.
EDGE_EXPORT char* edge_error_take() noexcept {
  if (!has_error) {
    return nullptr;
  }
  has_error = false;
  const char* text = last_error.empty() ? "unknown error" : last_error.c_str();
  const size_t length = std::strlen(text);
  char* copy = static_cast<char*>(std::malloc(length + 1));
  if (copy != nullptr) {
    std::memcpy(copy, text, length + 1);
  }
  last_error.clear();
  return copy;
}

EDGE_EXPORT void edge_free(void* memory) noexcept { std::free(memory); }
