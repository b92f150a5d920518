# trawl-index --watch: indexes, then follows additions, new folders,
# edits and deletions until SIGTERM or SIGINT, which end it with status 0
# and a database that passes xapian-check. Files made later inside new
# and moved folders are seen too (their folders are watched after a run).
# Waits poll with generous limits (a loaded CI machine); nothing here
# measures speed.
source "$(dirname "$0")/lib.sh"

mkdir -p c
printf 'Alpha\n\nharbour notes\n' > c/a.txt
DB=$WORK/db

# until_found WANT QUERY: polls trawl-search -l QUERY until its output is
# WANT (paths sorted, space-joined), for up to 30 s.
until_found() {
  local want=$1 query=$2 got=""
  for _ in $(seq 1 300); do
    got=$("$TRAWL_SEARCH" --db "$DB" --no-config -l -n 0 "$query" 2>/dev/null | sort | tr '\n' ' ' | sed 's/ $//')
    [[ "$got" == "$want" ]] && { pass "watch: '$query' finds '$want'"; return; }
    sleep 0.1
  done
  fail "watch: '$query' finds '$got', want '$want'"; sed 's/^/  watch stderr: /' watch.err >&2
}

# stops SIGNAL: sends SIGNAL and checks the watcher ends with 0 within 10 s.
stops() {
  kill -"$1" "$watcher"
  for _ in $(seq 1 100); do kill -0 "$watcher" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$watcher" 2>/dev/null; then fail "watch: still running 10 s after SIG$1"; kill -9 "$watcher"; fi
  wait "$watcher"
  local code=$?
  [[ $code -eq 0 ]] && pass "watch: SIG$1 ends it with 0" || fail "watch: SIG$1: exit $code"
}

"$TRAWL_INDEX" --db "$DB" --watch c 2> watch.err &
watcher=$!
until_found "c/a.txt" harbour
printf 'Kingfisher\n\nharbour birds\n' > c/new.txt                 # a new file
mkdir -p c/sub/deeper && printf 'Deep\n\nharbour depths\n' > c/sub/deeper/d.txt  # new folders
until_found "c/a.txt c/new.txt c/sub/deeper/d.txt" harbour
printf 'Egret\n\nheron pond\n' > c/sub/deeper/e.txt           # inside a new folder
until_found "c/sub/deeper/e.txt" heron
printf 'Alpha\n\nlighthouse notes\n' > c/a.txt                  # an edit
until_found "c/new.txt c/sub/deeper/d.txt" harbour
until_found "c/a.txt" lighthouse
rm c/new.txt                                                     # a deletion
mv c/sub c/moved                                                 # a folder moved
until_found "c/moved/deeper/d.txt" harbour
printf 'Grebe\n\ngrebe nest\n' > c/moved/deeper/g.txt          # inside the moved folder
until_found "c/moved/deeper/g.txt" grebe
stops TERM
expect_exit 0 xapian-check "$(live_db "$DB")"

# SIGINT too; and a bad option combination is refused before anything runs.
"$TRAWL_INDEX" --db "$DB" --watch --quiet c 2> watch.err &
watcher=$!
sleep 1
stops INT
expect_exit 2 "$TRAWL_INDEX" --db "$DB" --watch --dry-run c
expect_in err "--watch cannot be combined with --dry-run, --files or --merge"
finish
