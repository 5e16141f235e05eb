// annalist dict import | check: convert PETRARCH/TABARI actor and agent dictionaries to
// annalist's format, and validate dictionaries of any supported format.
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>

#include "annalist/cli/Commands.h"
#include "annalist/cli/Common.h"
#include "annalist/entities/DictionaryLoader.h"
#include "annalist/entities/DictionaryWriter.h"

namespace annalist::cli {
namespace fs = std::filesystem;
namespace {

// The kind of a diagnostic for the summary: its message with quoted text and parenthesised
// parts, words with digits (N) and identifiers/codes (X) replaced ("two-digit year in '…' read
// as N").
std::string diagnosticKind(std::string_view m) {
  // Pass 1: quoted and parenthesised parts.
  std::string t;
  for (size_t i = 0; i < m.size();) {
    const char c = m[i];
    const size_t j = c == '\'' ? m.find('\'', i + 1) : c == '(' ? m.find(')', i + 1) : i;
    if (j == std::string_view::npos || j == i) {
      t += c;
      ++i;
      continue;
    }
    if (c == '\'') {
      t += "'…'";
    } else {
      while (!t.empty() && t.back() == ' ') t.pop_back();
    }
    i = j + 1;
  }
  // Pass 2: words with digits -> N, identifiers/codes (2+ capitals, '_', '@') -> X.
  std::string out;
  size_t i = 0;
  while (i < t.size()) {
    size_t j = t.find(' ', i);
    if (j == std::string::npos) j = t.size();
    std::string_view w(t.data() + i, j - i);
    size_t end = w.size();
    while (end > 0 && (w[end - 1] == ':' || w[end - 1] == ';' || w[end - 1] == ',')) --end;
    const std::string_view core = w.substr(0, end), punct = w.substr(end);
    int caps = 0;
    bool digits = false, ident = false;
    for (char c : core) {
      caps += c >= 'A' && c <= 'Z';
      digits = digits || (c >= '0' && c <= '9');
      ident = ident || c == '_' || c == '@';
    }
    if (!out.empty()) out += ' ';
    if (core.find("'…'") != std::string_view::npos) {
      out.append(w);
    } else if (digits) {
      out += 'N';
      out.append(punct);
    } else if (caps >= 2 || ident) {
      out += 'X';
      out.append(punct);
    } else {
      out.append(w);
    }
    i = j + 1;
  }
  return out;
}

// Prints the counts of each kind of diagnostic (most frequent first) to stderr.
void printDiagnosticSummary(const entities::Diagnostics& diags, bool notes) {
  std::map<std::string, size_t> kinds;
  for (const auto& d : diags) {
    if (d.severity == entities::Diagnostic::Severity::kNote && !notes) continue;
    const char* sev = d.severity == entities::Diagnostic::Severity::kError     ? "error"
                      : d.severity == entities::Diagnostic::Severity::kWarning ? "warning"
                                                                               : "note";
    ++kinds[std::string(sev) + ": " + diagnosticKind(d.message)];
  }
  std::vector<std::pair<size_t, std::string>> sorted;
  for (const auto& [k, n] : kinds) sorted.emplace_back(n, k);
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  if (!sorted.empty()) std::cerr << "by kind:\n";
  for (const auto& [n, k] : sorted) std::cerr << fmt::format("{:>7}  {}\n", n, k);
}

std::string lowerName(const fs::path& p) {
  std::string s = p.filename().string();
  for (char& c : s) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  return s;
}

bool isAgentsFile(const fs::path& p) {
  return lowerName(p).find("agent") != std::string::npos;
}

// Loads one path in `format` ("auto" guesses from the name).
Status loadPath(const std::string& path, std::string format, entities::ActorDictionary& dict,
                entities::Diagnostics& diags) {
  std::error_code ec;
  const fs::path p(path);
  if (format == "auto") {
    const std::string ext = p.extension().string();
    if (ext == ".actors" || ext == ".agents") {
      format = "annalist";
    } else if (fs::is_directory(p, ec)) {
      format = "petrarch";
      for (const auto& e : fs::directory_iterator(p, ec)) {
        const std::string x = e.path().extension().string();
        if (x == ".actors" || x == ".agents") format = "annalist";
      }
    } else {
      format = "petrarch";
    }
  }
  if (format == "annalist") return entities::loadAnnalistDir(path, dict, diags);
  if (format == "petrarch") return entities::loadPetrarchPath(path, dict, diags);
  if (format == "tabari") return entities::loadTabariFile(path, dict, diags);
  return Error::invalid(fmt::format("unknown dictionary format '{}'", format));
}

}  // namespace

void addDictCommands(CommandGroups& groups, int& exit_code) {
  // ---- import ----
  struct ImportOpts {
    std::string format = "petrarch";
    std::vector<std::string> files;
    std::string out;
    bool quiet = false;
  };
  auto io = std::make_shared<ImportOpts>();
  CLI::App* imp = groups.dict->add_subcommand(
      "import", "Convert PETRARCH/Phoenix or TABARI actor and agent files to annalist's format");
  imp->add_option("--format", io->format, "Input format")
      ->check(CLI::IsMember({"petrarch", "tabari"}));
  imp->add_option("files", io->files, "Actor/agent files (verbs and discards files are skipped)")
      ->required();
  imp->add_option("--out", io->out, "Output directory (created)")->required();
  imp->add_flag("-q,--quiet", io->quiet, "Print only the summary");
  imp->callback([io, &exit_code] {
    std::error_code ec;
    fs::create_directories(io->out, ec);
    if (ec) {
      std::cerr << "annalist dict import: cannot create " << io->out << ": " << ec.message()
                << "\n";
      exit_code = kExitFatal;
      return;
    }
    size_t errors = 0, warnings = 0, actors = 0, agents = 0;
    // Directories stand for their actor and agent files (sorted by name), as with
    // --dictionaries petrarch:DIR; other files in them are skipped with a message.
    std::vector<std::string> files;
    for (const auto& f : io->files) {
      if (!fs::is_directory(f, ec)) {
        files.push_back(f);
        continue;
      }
      std::vector<std::string> found;
      for (const auto& e : fs::directory_iterator(f, ec)) {
        if (!e.is_regular_file(ec)) continue;
        const std::string name = lowerName(e.path());
        if (name.find("actor") != std::string::npos || name.find("agent") != std::string::npos) {
          found.push_back(e.path().string());
        } else if (!io->quiet) {
          std::cerr << "annalist dict import: skipping " << e.path().string()
                    << " (not an actors or agents file)\n";
        }
      }
      if (ec) {
        std::cerr << "annalist dict import: cannot read directory " << f << ": " << ec.message()
                  << "\n";
        exit_code = kExitFatal;
        return;
      }
      if (found.empty()) {
        std::cerr << "annalist dict import: " << f << " holds no actors or agents files\n";
        exit_code = kExitFatal;
        return;
      }
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    }
    for (const auto& f : files) {
      const fs::path p(f);
      const std::string name = lowerName(p);
      if (name.find("verbs") != std::string::npos || name.find("discard") != std::string::npos ||
          name.find("issue") != std::string::npos) {
        std::cerr << "annalist dict import: skipping " << f
                  << " (verbs/discards/issues are not actor dictionaries)\n";
        continue;
      }
      entities::ActorDictionary d;
      entities::Diagnostics diags;
      const auto fmt_ = io->format == "tabari" ? entities::ForeignFormat::kTabari
                                               : entities::ForeignFormat::kPetrarch;
      const bool agents_file = isAgentsFile(p);
      Status s = agents_file ? entities::loadPetrarchAgents(f, fmt_, d, diags)
                             : entities::loadPetrarchActors(f, fmt_, d, diags);
      if (!s.isOk()) {
        std::cerr << "annalist dict import: " << s.message() << "\n";
        exit_code = kExitFatal;
        return;
      }
      d.finish();
      for (const auto& x : diags) {
        (x.severity == entities::Diagnostic::Severity::kError ? errors : warnings)++;
        if (!io->quiet) std::cerr << x.toString() << "\n";
      }
      std::string stem = p.filename().string();
      if (stem.size() > 4 && stem.compare(stem.size() - 4, 4, ".txt") == 0) {
        stem.resize(stem.size() - 4);
      }
      for (const char* suffix : {".actors", ".agents"}) {
        if (stem.size() > 7 && stem.compare(stem.size() - 7, 7, suffix) == 0) {
          stem.resize(stem.size() - 7);
        }
      }
      const fs::path out = fs::path(io->out) / (stem + (agents_file ? ".agents" : ".actors"));
      std::ofstream o(out, std::ios::binary);
      if (!o) {
        std::cerr << "annalist dict import: cannot write " << out.string() << "\n";
        exit_code = kExitFatal;
        return;
      }
      o << "# Converted by `annalist dict import --format " << io->format << "` from "
        << p.filename().string() << "\n\n";
      if (agents_file) {
        agents += entities::writeAnnalistAgents(d, o);
      } else {
        actors += entities::writeAnnalistActors(d, o);
      }
    }
    std::cerr << fmt::format(
        "annalist dict import: wrote {} actors and {} agents to {} ({} errors, {} warnings in "
        "the input)\n",
        actors, agents, io->out, errors, warnings);
    exit_code = kExitOk;
  });

  // ---- check ----
  struct CheckOpts {
    std::string format = "auto";
    std::vector<std::string> paths;
    bool notes = false;
  };
  auto co = std::make_shared<CheckOpts>();
  CLI::App* chk = groups.dict->add_subcommand(
      "check",
      "Validate dictionaries: malformed lines, bad or inverted dates, duplicate names, "
      "overlapping roles, unknown codes");
  chk->add_option("--format", co->format, "Dictionary format (auto: by file name)")
      ->check(CLI::IsMember({"auto", "annalist", "petrarch", "tabari"}));
  chk->add_option("paths", co->paths, "Files or directories ('builtin' = the shipped set)")
      ->required();
  chk->add_flag("--notes", co->notes, "Also print notes (duplicates with the same code)");
  chk->callback([co, &exit_code] {
    entities::ActorDictionary d;
    entities::Diagnostics diags;
    for (const auto& p : co->paths) {
      Status s =
          p == "builtin" ? entities::loadBuiltin(d, diags) : loadPath(p, co->format, d, diags);
      if (!s.isOk()) {
        std::cerr << "annalist dict check: " << s.message() << "\n";
        exit_code = kExitFatal;
        return;
      }
    }
    d.finish();
    entities::checkDictionary(d, diags);
    size_t errors = 0, warnings = 0, notes = 0;
    for (const auto& x : diags) {
      switch (x.severity) {
        case entities::Diagnostic::Severity::kError:
          ++errors;
          break;
        case entities::Diagnostic::Severity::kWarning:
          ++warnings;
          break;
        case entities::Diagnostic::Severity::kNote:
          ++notes;
          if (!co->notes) continue;
          break;
      }
      std::cout << x.toString() << "\n";
    }
    printDiagnosticSummary(diags, co->notes);
    std::cerr << fmt::format(
        "annalist dict check: {} actors, {} agents, {} names; {} errors, {} warnings, {} notes\n",
        d.actors().size(), d.agents().size(), d.nameCount(), errors, warnings, notes);
    exit_code = errors > 0 ? kExitSomeFailed : kExitOk;
  });
}

}  // namespace annalist::cli
