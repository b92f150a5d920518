# Crawl rules on a real file system: hidden files, ignore files, globs,
# depth, size limits, symlinks (inside and outside the roots).
source "$(dirname "$0")/lib.sh"

mkdir -p tree/sub/deeper tree/.hidden tree/build outside
w() { printf '%s\n\nbody of %s\n' "$2" "$2" > "$1"; }
w tree/a.txt alpha
w tree/sub/b.md beta
w tree/sub/deeper/c.txt gamma
w tree/.hidden/d.txt delta
w tree/.e.txt epsilon
w tree/build/out.txt zeta
w tree/notes.log eta
printf 'build/\n*.log\n' > tree/.gitignore
w outside/far.txt theta
ln -s ../outside tree/link-out
ln -s sub tree/link-in
head -c 3000000 /dev/zero | tr '\0' 'x' > tree/big.txt

list() { "$TRAWL_INDEX" --db "$WORK/none" --files "$@" tree 2>/dev/null | sort | tr '\n' ' '; }
check_list() {
  local want=$1; shift
  local got; got=$(list "$@")
  [[ "$got" == "$want" ]] && pass "--files $*" || fail "--files $*: got '$got', want '$want'"
}
check_list "tree/a.txt tree/big.txt tree/sub/b.md tree/sub/deeper/c.txt "
check_list "tree/.e.txt tree/.gitignore tree/.hidden/d.txt tree/a.txt tree/big.txt tree/sub/b.md tree/sub/deeper/c.txt " --hidden
check_list "tree/a.txt tree/big.txt tree/build/out.txt tree/notes.log tree/sub/b.md tree/sub/deeper/c.txt " --no-ignore
# -u as ripgrep: -u = --no-ignore, -uu = also --hidden.
check_list "tree/a.txt tree/big.txt tree/build/out.txt tree/notes.log tree/sub/b.md tree/sub/deeper/c.txt " -u
check_list "tree/.e.txt tree/.gitignore tree/.hidden/d.txt tree/a.txt tree/big.txt tree/build/out.txt tree/notes.log tree/sub/b.md tree/sub/deeper/c.txt " -uu
check_list "tree/.e.txt tree/.gitignore tree/.hidden/d.txt tree/a.txt tree/big.txt tree/build/out.txt tree/notes.log tree/sub/b.md tree/sub/deeper/c.txt " -u -u
check_list "tree/sub/b.md " -g '*.md'
check_list "tree/sub/b.md " -t md
check_list "tree/a.txt tree/big.txt tree/sub/deeper/c.txt " -T markdown
expect_exit 2 "$TRAWL_INDEX" --db "$WORK/none" --files -t jpeg tree
expect_in err "trawl-index: error: -t 'jpeg': unknown file type (see --type-list)"
check_list "tree/a.txt tree/big.txt " -g '!sub'
check_list "tree/a.txt tree/big.txt " --max-depth 1
check_list "tree/a.txt tree/sub/b.md tree/sub/deeper/c.txt " --max-filesize 1M
# -L: the link inside the tree repeats files already seen; the one outside is skipped...
check_list "tree/a.txt tree/big.txt tree/sub/b.md tree/sub/deeper/c.txt " -L
# ...unless asked.
check_list "tree/a.txt tree/big.txt tree/link-out/far.txt tree/sub/b.md tree/sub/deeper/c.txt " -L --follow-outside
[[ -e "$WORK/none" ]] && fail "--files wrote a database"

# The reasons, with --debug.
expect_exit 0 "$TRAWL_INDEX" --db db --debug --max-filesize 1M tree
expect_in err "'tree/.hidden': skipped: hidden"
expect_in err "'tree/build': skipped: ignored"
expect_in err "'tree/notes.log': skipped: ignored"
expect_in err "'tree/link-out': skipped: symlink"
expect_in err "trawl-index: warning: 'tree/big.txt': skipped: too large"
expect_exit 2 "$TRAWL_INDEX" --db db --max-filesize 12Q tree
expect_in err "--max-filesize '12Q': not a size"

# --one-file-system: a followed link to a folder on another file system
# (/dev/shm, a tmpfs, where this machine has one) is not entered.
if shm=$(mktemp -d /dev/shm/trawl-cli-XXXXXX 2>/dev/null) && [[ $(stat -c %d "$shm") != $(stat -c %d .) ]]; then
  mkdir fs && echo "other words" > "$shm/other.txt" && echo "home words" > fs/home.txt
  ln -s "$shm" fs/mounted
  expect_exit 0 "$TRAWL_INDEX" --files -L --follow-outside fs
  expect_in out "fs/mounted/other.txt"
  expect_exit 0 "$TRAWL_INDEX" --files -L --follow-outside --one-file-system --debug fs
  expect_in out "fs/home.txt"
  grep -q other.txt out && fail "--one-file-system entered another file system"
  expect_in err "'fs/mounted': skipped: other file system"
  rm -rf "$shm"
else
  [[ -n "${shm:-}" ]] && rm -rf "$shm"
  echo "note: /dev/shm is missing or on this file system; --one-file-system not checked here"
fi
finish
