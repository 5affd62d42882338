#pragma once
/// The vendor's go-live checklist as data (SPEC §4.2): sections → items → proving check ids or
/// attestation ids. Each provider has its own: providers/NAME/checklist.yaml (engine/packs).
#include <string>
#include <vector>

namespace YAML {
class Node;
}  // namespace YAML

namespace golive {

struct ChecklistItem {
  std::string id;                         ///< stable, e.g. "webhooks.signature-verified"
  std::string text;                       ///< the vendor's wording, shortened
  std::string doc;                        ///< link to the vendor's page
  std::vector<std::string> checks;        ///< check ids that prove it
  std::vector<std::string> attestations;  ///< attestation ids that can prove it
  /// Ids among `checks` that grade the partner's own client (a client-audit recording) rather
  /// than the API: key `client_grades`, by default every `client.*` id of `checks`. An item
  /// with client grades is `partial`, not verified, while they were not graded (SPEC §4.2).
  std::vector<std::string> client_grades = {};
};

struct ChecklistSection {
  std::string id;
  int number = 0;  ///< position in the vendor's list (1-based)
  std::string title;
  std::string doc;
  std::vector<ChecklistItem> items;
};

struct Checklist {
  std::string provider;
  std::string title;
  std::string source;  ///< URL of the vendor page
  std::vector<ChecklistSection> sections;

  /// Every attestation id mentioned by some item.
  std::vector<std::string> attestation_ids() const;
  /// Every check id mentioned by some item.
  std::vector<std::string> check_ids() const;
  /// Item ids that mention `check_id`.
  std::vector<std::string> items_for_check(const std::string& check_id) const;
};

/// Parses checklist YAML `text` read from `source`; validates every key and type and throws
/// ConfigError with FILE:LINE:COL diagnostics, all at once.
Checklist parse_checklist(const std::string& text, const std::string& source);

/// The same over the checklist's documents already loaded (a built-in checklist's tree compiled
/// at build time, core/yaml_json.hpp); diagnostics then carry no line numbers.
Checklist parse_checklist(const std::vector<YAML::Node>& docs, const std::string& source);

}  // namespace golive
