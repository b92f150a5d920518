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
  static Status Failed(std::string message) { return Status(std::move(message), false); }
  // The file or folder does not exist (any more).
  static Status NotFound(std::string message) { return Status(std::move(message), true); }

  bool ok() const { return message_.empty(); }
  bool not_found() const { return not_found_; }
  const std::string& message() const { return message_; }

 private:
  Status(std::string message, bool not_found)
      : message_(std::move(message)), not_found_(not_found) {
    if (message_.empty()) message_ = "unknown error";
  }
  std::string message_;
  bool not_found_ = false;
};

}  // namespace trawl
