// SPDX-License-Identifier: MIT
#include "graph/error.h"

#include <cstdio>
#include <cstdlib>

namespace kg::detail {

void AssertFailed(const char* condition, const char* file, int line) {
  std::fprintf(stderr, "kg: internal error: %s:%d: assertion failed: %s\n", file, line, condition);
  std::abort();
}

}  // namespace kg::detail
