// Status: the outcome of work on a single item (a file, a line, a query).
//
// Modelled on LevelDB's Status: ok() or a message saying what went wrong,
// without the subject (the caller knows the file name and adds it).
// Cheap to copy; immutable once made.
#pragma once

#include <string>
#include <utility>

namespace trawl {

class Status {
 public:
  Status() = default;  // ok
  static Status Ok() { return Status(); }
  static Status Failed(std::string message) { return Status(std::move(message)); }

  bool ok() const { return message_.empty(); }
  const std::string& message() const { return message_; }

 private:
  explicit Status(std::string message) : message_(std::move(message)) {
    if (message_.empty()) message_ = "unknown error";
  }
  std::string message_;
};

}  // namespace trawl
