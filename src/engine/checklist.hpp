#pragma once
/// The vendor's go-live checklist as data (SPEC §4.2): sections → items → proving check ids or
/// attestation ids. Loaded from config/checklists/NAME.yaml.
#include <string>
#include <vector>

namespace golive {

struct ChecklistItem {
  std::string id;                         ///< stable, e.g. "webhooks.signature-verified"
  std::string text;                       ///< the vendor's wording, shortened
  std::string doc;                        ///< link to the vendor's page
  std::vector<std::string> checks;        ///< check ids that prove it
  std::vector<std::string> attestations;  ///< attestation ids that can prove it
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

/// Reads config/checklists/NAME.yaml under `config_dir`; throws ConfigError (also
/// for a file that is not regular or is larger than k_max_config_bytes, core/yaml_load.hpp).
Checklist load_checklist(const std::string& config_dir, const std::string& name);

}  // namespace golive
