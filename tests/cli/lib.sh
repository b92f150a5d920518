# Helpers for the CLI tests (sourced). The binaries come from the environment
# (set by ctest): TRAWL_INDEX, TRAWL_SEARCH, LOCK_HOLDER, TRAWL_SOURCE,
# TRAWL_SHARED. Each test runs in a fresh temporary directory.
set -u
: "${TRAWL_INDEX:?}" "${TRAWL_SEARCH:?}" "${TRAWL_SOURCE:?}"
unset TRAWL_DB NO_COLOR
export LC_ALL=C.UTF-8

WORK=$(mktemp -d "${TMPDIR:-/tmp}/trawl-cli-XXXXXX")
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
failures=0

fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
pass() { echo "ok: $*"; }

# expect_exit CODE CMD...: runs CMD with stdout in $WORK/out, stderr in
# $WORK/err, and checks its exit status.
expect_exit() {
  local want=$1; shift
  "$@" >"$WORK/out" 2>"$WORK/err"
  local got=$?
  if [[ $got -ne $want ]]; then
    fail "exit $got, want $want: $*"; sed 's/^/  stderr: /' "$WORK/err" >&2
  else
    pass "exit $want: $*"
  fi
}

# expect_exit_in DIR CODE CMD...: as expect_exit, run from directory DIR.
expect_exit_in() {
  local dir=$1; shift
  local want=$1; shift
  (cd "$dir" && "$@") >"$WORK/out" 2>"$WORK/err"
  local got=$?
  if [[ $got -ne $want ]]; then
    fail "exit $got, want $want (in $dir): $*"; sed 's/^/  stderr: /' "$WORK/err" >&2
  else
    pass "exit $want (in $dir): $*"
  fi
}

# expect_in FILE TEXT: FILE contains TEXT (fixed string, which may span
# lines: grep -F would take each line of TEXT as a pattern of its own, and
# an empty one matches anything).
expect_in() {
  local content
  content=$(cat -- "$1"; printf x)
  content=${content%x}
  if [[ "$content" == *"$2"* ]]; then pass "$(basename "$1") has '$2'"; else
    fail "$(basename "$1") lacks '$2'"; sed 's/^/  | /' "$1" | head -20 >&2; fi
}

expect_empty() {
  if [[ ! -s "$1" ]]; then pass "$(basename "$1") is empty"; else
    fail "$(basename "$1") is not empty"; sed 's/^/  | /' "$1" | head -20 >&2; fi
}

# The first path printed by trawl-search -l for a query.
# long_text FILE FIRST LAST: a text long enough to be indexed in parts at
# --memory 16M: a title line, a blank line, FIRST, 30,000 filler lines
# ("filler line N of the long file"), then LAST on line 30,004.
long_text() {
  python3 - "$@" <<'PY'
import sys
path, first, last = sys.argv[1:4]
with open(path, "w") as f:
    f.write("Long file\n\n%s\n" % first)
    for i in range(30000):
        f.write("filler line %d of the long file\n" % i)
    f.write(last + "\n")
PY
}

top_hit() { "$TRAWL_SEARCH" --db "$DB" -l -n 1 "$@" 2>/dev/null | head -n 1; }

expect_top() {
  local want=$1; shift
  local got
  got=$(top_hit "$@")
  if [[ "$got" == *"$want" ]]; then pass "top hit for '$*' is $want"; else
    fail "top hit for '$*' is '$got', want $want"; fi
}

finish() {
  if [[ $failures -ne 0 ]]; then echo "$failures failure(s)" >&2; exit 1; fi
  exit 0
}

skip() { echo "SKIP: $*"; exit 77; }

# The live glass database inside a trawl database folder (for xapian-check,
# which does not read stub files).
live_db() { echo "$1/$(awk '{print $2}' "$1/XAPIANDB")"; }
