#include "core/yaml_load.hpp"

#include <yaml-cpp/eventhandler.h>

#include <sstream>

#include "core/diagnostic.hpp"
#include "core/file.hpp"

namespace golive {

namespace {

/// Why the scan stopped, at the event that made it stop.
struct Refusal {
  YAML::Mark mark;
  std::string message;
};

/// Counts the nodes each document stands for with aliases expanded; throws Refusal past the cap.
class ExpansionCounter final : public YAML::EventHandler {
 public:
  explicit ExpansionCounter(std::size_t max_nodes) : max_(max_nodes) {}

  void OnDocumentStart(const YAML::Mark&) override {
    sizes_.clear();
    open_.clear();
  }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override { leaf(mark, anchor); }
  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                const std::string&) override {
    leaf(mark, anchor);
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    if (anchor >= sizes_.size() || sizes_[anchor] == 0) {
      throw Refusal{mark,
                    "an alias refers to a mapping or sequence that contains it; such a cycle "
                    "cannot be read"};
    }
    saw_alias_ = true;
    add(sizes_[anchor], mark);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open(mark, anchor);
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open(mark, anchor);
  }
  void OnMapEnd() override { close(); }

 private:
  struct Open {
    std::size_t start;  ///< count_ before the collection's own node
    YAML::anchor_t anchor;
  };

  void add(std::size_t n, const YAML::Mark& mark) {
    count_ += n;
    if (count_ <= max_) return;
    throw Refusal{mark, saw_alias_ ? "with its aliases (*name) expanded, the YAML stands for more "
                                     "than " +
                                         std::to_string(max_) +
                                         " nodes; repeat fewer nested anchors (&name)"
                                   : "the YAML has more than " + std::to_string(max_) + " nodes"};
  }
  /// Records the expanded size of `anchor` (0 while its collection is still open).
  void set_size(YAML::anchor_t anchor, std::size_t size) {
    if (anchor == YAML::NullAnchor) return;
    if (sizes_.size() <= anchor) sizes_.resize(anchor + 1, 0);
    sizes_[anchor] = size;
  }
  void leaf(const YAML::Mark& mark, YAML::anchor_t anchor) {
    add(1, mark);
    set_size(anchor, 1);
  }
  void open(const YAML::Mark& mark, YAML::anchor_t anchor) {
    open_.push_back(Open{count_, anchor});
    add(1, mark);
    set_size(anchor, 0);
  }
  void close() {
    if (open_.empty()) return;
    const Open o = open_.back();
    open_.pop_back();
    set_size(o.anchor, count_ - o.start);
  }

  std::size_t max_;
  std::size_t count_ = 0;
  bool saw_alias_ = false;
  std::vector<std::size_t> sizes_;  ///< by anchor id, for the current document
  std::vector<Open> open_;
};

SourceLoc at(const std::string& path, const YAML::Mark& mark) {
  if (mark.is_null()) return SourceLoc{path, 0, 0};
  return SourceLoc{path, mark.line + 1, mark.column + 1};
}

/// False when `text` cannot stand for more than `max_nodes` nodes, so the counting pass can be
/// skipped. Without an alias (`*`) nothing is expanded, and every node either has bytes of its
/// own (a scalar, a bracket, an indicator) or is implied by an indicator beside it (`a:` implies
/// a mapping and a null value; a lone `?` a mapping, a null key and a null value): at most three
/// nodes a byte, so four a byte is a safe ceiling.
bool may_exceed(const std::string& text, std::size_t max_nodes) {
  return text.find('*') != std::string::npos || 4 * text.size() + 4 > max_nodes;
}

}  // namespace

std::vector<YAML::Node> load_yaml_documents(const std::string& text, const std::string& path,
                                            std::size_t max_nodes) {
  try {
    if (may_exceed(text, max_nodes)) {
      std::istringstream in(text);
      YAML::Parser parser(in);
      ExpansionCounter counter(max_nodes);
      while (parser.HandleNextDocument(counter)) {
      }
    }
    return YAML::LoadAll(text);
  } catch (const Refusal& r) {
    throw ConfigError(at(path, r.mark), r.message);
  } catch (const YAML::Exception& e) {
    throw ConfigError(at(path, e.mark), "invalid YAML: " + e.msg);
  }
}

YAML::Node load_yaml_file(const std::string& path, std::size_t max_bytes, const std::string& what) {
  FileText file = read_regular_file(path, max_bytes);
  if (!file.ok())
    throw ConfigError(SourceLoc{path, 0, 0}, "cannot read the " + what + ": " + file.error);
  auto docs = load_yaml_documents(*file.text, path);
  return docs.empty() ? YAML::Node() : docs.front();
}

}  // namespace golive
