// SPDX-License-Identifier: MIT
#pragma once

#include <stdexcept>
#include <string>

namespace kg {

/// What went wrong, so the CLI can choose an exit code and callers can react.
enum class ErrorCode {
  kInvalidInput,  // a document, file or import row kg cannot use
  kQuerySyntax,   // a query that does not parse; the message carries the position
  kNotFound,      // an entity, document or file that does not exist
  kStorage,       // SQLite failed: locked, full, corrupt, read-only
  kRender,        // Graphviz failed
  kUsage,         // a command line that makes no sense (exit 2)
  kIo,            // reading or writing a file failed
};

/// The one exception type kg throws for expected failures. `position` is a
/// byte offset into the offending input (query text, file) when known, else -1.
class Error : public std::runtime_error {
 public:
  Error(ErrorCode code, const std::string& message, long position = -1)
      : std::runtime_error(message), code_(code), position_(position) {}

  ErrorCode code() const { return code_; }
  long position() const { return position_; }

 private:
  ErrorCode code_;
  long position_;
};

}  // namespace kg

/// Catches our own bugs, never user input: aborts with the location.
#define KG_ASSERT(condition)                                                      \
  do {                                                                            \
    if (!(condition)) ::kg::detail::AssertFailed(#condition, __FILE__, __LINE__); \
  } while (false)

namespace kg::detail {
[[noreturn]] void AssertFailed(const char* condition, const char* file, int line);
}  // namespace kg::detail
