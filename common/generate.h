// --generate: a man page or shell completions for a program, made from its
// CLI11 options so they always list exactly the flags --help does.
// Header-only; include it only from a main.cc that links CLI11.
#pragma once

#include <CLI/CLI.hpp>
#include <ostream>
#include <string>
#include <vector>

namespace trawl {

namespace generate_internal {

inline std::string roff(std::string s) {
  std::string out;
  for (char c : s) {
    if (c == '\\') out += "\\\\";
    else if (c == '-') out += "\\-";
    else out += c;
  }
  if (!out.empty() && (out[0] == '.' || out[0] == '\'')) out = "\\&" + out;
  return out;
}

inline bool takes_value(const CLI::Option* o) { return o->get_items_expected_max() > 0; }

// The named options of `app` and of its option groups (unnamed
// subcommands), in the order --help lists them.
inline std::vector<const CLI::Option*> all_options(const CLI::App& app) {
  const auto named = [](const CLI::Option* o) { return o->nonpositional(); };
  std::vector<const CLI::Option*> out = app.get_options(named);
  for (const CLI::App* group :
       app.get_subcommands([](const CLI::App* s) { return s->get_name().empty(); })) {
    for (const CLI::Option* o : group->get_options(named)) {
      if (o != group->get_help_ptr()) out.push_back(o);  // each group holds a copy of -h
    }
  }
  return out;
}

}  // namespace generate_internal

// Writes `what` ("man", "complete-bash", "complete-zsh", "complete-fish")
// for `app` (named `prog`) to `out`.
inline void generate(const CLI::App& app, const std::string& prog, const std::string& what,
                     std::ostream& out) {
  using namespace generate_internal;
  const std::vector<const CLI::Option*> options = all_options(app);
  if (what == "man") {
    // NAME: "prog \- what it does", from the description's first sentence.
    std::string summary = CLI::detail::split(app.get_description(), '\n').front();
    if (summary.rfind(prog + ": ", 0) == 0) summary.erase(0, prog.size() + 2);
    if (!summary.empty() && summary.back() == '.') summary.pop_back();
    out << ".TH " << roff(prog) << " 1\n.SH NAME\n" << roff(prog) << " \\- " << roff(summary)
        << "\n.SH SYNOPSIS\n\\fB"
        << roff(prog) << "\\fR [OPTIONS] [ARGS...]\n.SH DESCRIPTION\n";
    for (const std::string& line : CLI::detail::split(app.get_description(), '\n')) {
      out << roff(line) << "\n.br\n";
    }
    out << ".SH OPTIONS\n";
    for (const CLI::Option* o : options) {
      out << ".TP\n\\fB" << roff(o->get_name(false, true)) << "\\fR"
          << (takes_value(o) ? " \\fI" + roff(o->get_type_name()) + "\\fR" : "") << "\n"
          << roff(o->get_description()) << "\n";
    }
    return;
  }
  std::string fn = prog;
  for (char& c : fn) {
    if (c == '-') c = '_';
  }
  if (what == "complete-bash") {
    out << "_" << fn << "() {\n  local cur=${COMP_WORDS[COMP_CWORD]}\n  local opts=\"";
    for (const CLI::Option* o : options) out << o->get_name(false, true) << ' ';
    out << "\"\n  if [[ $cur == -* ]]; then\n    COMPREPLY=($(compgen -W \"$opts\" -- \"$cur\"))\n"
        << "  else\n    COMPREPLY=($(compgen -f -- \"$cur\"))\n  fi\n}\ncomplete -F _" << fn
        << " " << prog << "\n";
  } else if (what == "complete-zsh") {
    out << "#compdef " << prog << "\n_arguments \\\n";
    for (const CLI::Option* o : options) {
      std::string desc = o->get_description();
      for (char& c : desc) {
        if (c == '[' || c == ']' || c == '\'') c = ' ';
      }
      for (const std::string& name : CLI::detail::split(o->get_name(false, true), ',')) {
        out << "  '" << name << "[" << desc << "]" << (takes_value(o) ? ":value:" : "")
            << "' \\\n";
      }
    }
    out << "  '*:file:_files'\n";
  } else if (what == "complete-fish") {
    for (const CLI::Option* o : options) {
      out << "complete -c " << prog;
      for (const std::string& l : o->get_lnames()) out << " -l " << l;
      for (const std::string& s : o->get_snames()) out << " -s " << s;
      std::string desc = o->get_description();
      for (char& c : desc) {
        if (c == '\'') c = ' ';
      }
      out << (takes_value(o) ? " -r" : "") << " -d '" << desc << "'\n";
    }
  }
}

}  // namespace trawl
