#include "open_db.h"

#include <sys/stat.h>

#include <fstream>
#include <sstream>

#include "diag.h"
#include "error.h"

namespace trawl::searcher {
namespace {

constexpr const char* kStub = "XAPIANDB";

bool is_dir(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

std::string folder_of(const std::string& file) {
  const size_t slash = file.rfind('/');
  return slash == std::string::npos ? "." : file.substr(0, slash);
}

class Opener {
 public:
  explicit Opener(const OpenOptions& options) : options_(options) {}
  OpenedDatabase take() { return std::move(out_); }

  void open(const std::string& path, int depth);

 private:
  void from_stub(const std::string& stub, int depth);
  void add(Part part) {
    out_.db.add_database(part.db);
    out_.parts.push_back(std::move(part));
  }
  void failed(const std::string& name, const std::string& why) {
    if (!options_.allow_partial) throw Error("database " + quote(name) + ": " + why);
    out_.missing.push_back(name + ": " + why);
  }
  void remote(const std::string& host, const std::string& port_text);

  const OpenOptions& options_;
  OpenedDatabase out_;
};

void Opener::open(const std::string& path, int depth) {
  if (depth > 8) throw Error("database " + quote(path) + ": stub files nest too deeply");
  const bool dir = is_dir(path);
  const std::string stub = dir ? path + "/" + kStub : path;
  struct stat st;
  if (::stat(stub.c_str(), &st) == 0 && S_ISREG(st.st_mode)) return from_stub(stub, depth);
  if (!dir) throw Error("database " + quote(path) + ": not found (create it with trawl-index)");
  try {
    add(Part{path, false, Xapian::Database(path)});
  } catch (const Xapian::DatabaseNotFoundError&) {
    throw Error("database " + quote(path) + ": not found (create it with trawl-index)");
  } catch (const Xapian::DatabaseOpeningError& e) {
    throw Error("database " + quote(path) + ": cannot open: " + e.get_msg());
  }
}

void Opener::from_stub(const std::string& stub, int depth) {
  std::ifstream in(stub);
  const std::string base = folder_of(stub);
  size_t line_no = 0;
  for (std::string line; std::getline(in, line);) {
    ++line_no;
    std::istringstream words(line);
    std::string type, a, b, c;
    if (!(words >> type) || type[0] == '#') continue;
    words >> a >> b >> c;
    const std::string where = stub + ":" + std::to_string(line_no);
    if ((type == "auto" || type == "glass") && !a.empty()) {
      open(a[0] == '/' ? a : base + "/" + a, depth + 1);
    } else if (type == "remote" && a == "tcp" && !b.empty() && !c.empty()) {
      remote(b, c);
    } else if (type == "remote" && a.size() > 1 && a[0] == ':' && a.rfind(':') > 0) {
      const size_t colon = a.rfind(':');
      remote(a.substr(1, colon - 1), a.substr(colon + 1));
    } else {
      throw Error("stub " + quote(where) + ": cannot read " + quote(line) +
                  " (want 'auto PATH' or 'remote tcp HOST PORT')");
    }
  }
}

void Opener::remote(const std::string& host, const std::string& port_text) {
  const std::string name = "tcp://" + host + ":" + port_text;
  char* end = nullptr;
  const long port = std::strtol(port_text.c_str(), &end, 10);
  if (*end != '\0' || port <= 0 || port > 65535) throw Error("database " + quote(name) + ": bad port");
  const auto ms = static_cast<unsigned>(options_.timeout_seconds * 1000);
  try {
    Xapian::Database db = Xapian::Remote::open(host, static_cast<unsigned>(port), ms, ms);
    add(Part{name, true, db});
  } catch (const Xapian::NetworkError& e) {
    failed(name, "shard unavailable: " + e.get_msg());
  }
}

}  // namespace

OpenedDatabase open_parts(const std::vector<std::string>& paths, const OpenOptions& options) {
  Opener opener(options);
  for (const std::string& p : paths) opener.open(p, 0);
  OpenedDatabase out = opener.take();
  if (out.parts.empty()) {
    throw Error("no shard could be opened (" + (out.missing.empty() ? "" : out.missing[0]) + ")");
  }
  return out;
}

std::vector<std::string> failing_parts(const OpenedDatabase& opened) {
  std::vector<std::string> out;
  for (const Part& p : opened.parts) {
    if (!p.remote) continue;
    try {
      (void)p.db.get_doccount();
      Xapian::Enquire probe(p.db);
      probe.set_query(Xapian::Query::MatchAll);
      (void)probe.get_mset(0, 1);
    } catch (const Xapian::Error& e) {
      out.push_back(p.name + ": " + e.get_msg());
    }
  }
  return out;
}

}  // namespace trawl::searcher
