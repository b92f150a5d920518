# Exit codes and messages of both programs (grep conventions).
source "$(dirname "$0")/lib.sh"

mkdir docs
printf 'Flood warning\n\nThe river rose overnight.\n' > docs/flood.txt
printf '{"_id":"a","title":"Good","text":"fine"}\n{oops\n' > docs/recs.jsonl

# trawl-index
expect_exit 1 "$TRAWL_INDEX" --db db docs
expect_in err "trawl-index: error: 'docs/recs.jsonl': line 2: invalid JSON"
expect_in err "indexed 2 documents from 2 files"
rm docs/recs.jsonl
expect_exit 0 "$TRAWL_INDEX" --db db docs
# A file whose content failed is reported once: later runs skip it (exit 0)
# while it is unchanged, and say so; --retry-failed reads it again.
printf '%%PDF-1.4 nothing here\n' > docs/broken.pdf
# (Written an hour ago: a file written in the second a run starts is read
# again by the next run, in case it changed within that second.)
touch -d '-1 hour' docs/broken.pdf
expect_exit 1 "$TRAWL_INDEX" --db db docs
expect_in err "trawl-index: error: 'docs/broken.pdf': damaged or not a PDF"
expect_exit 0 "$TRAWL_INDEX" --db db docs
expect_in err "trawl-index: warning: 'db': 1 file failed before and did not change since: skipped (--retry-failed tries again; --debug names them)"
expect_exit 0 "$TRAWL_INDEX" --db db --json docs
expect_in out '{"type":"skipped","data":{"path":"docs/broken.pdf","reason":"failed before"'
expect_exit 1 "$TRAWL_INDEX" --db db --retry-failed docs
expect_in err "'docs/broken.pdf': damaged or not a PDF"
expect_exit 1 "$TRAWL_INDEX" --db db --retry-failed --no-messages docs
expect_in err "failed 1, in"
grep -q broken.pdf err && fail "--no-messages named a failed file"
rm docs/broken.pdf
expect_exit 0 "$TRAWL_INDEX" --db db -q docs
expect_empty err
expect_exit 0 "$TRAWL_INDEX" --db db -q --force --progress always docs   # even in a pipe
expect_in err "files"
expect_exit 0 "$TRAWL_INDEX" --db db --force --progress never docs
grep -q $'\r' err && fail "--progress never drew a bar"
expect_exit 2 "$TRAWL_INDEX" --db db missing-folder
expect_in err "trawl-index: error: path 'missing-folder': No such file or directory"
expect_exit 2 "$TRAWL_INDEX" --db db2 --language klingon docs
expect_in err "unknown language 'klingon'"
[[ -e db2 ]] && fail "db2 was created for a bad language"
expect_exit 2 "$TRAWL_INDEX" --db db --language french docs
expect_in err "built with language 'english'"
expect_exit 2 "$TRAWL_INDEX" --db docs docs
expect_in err "is not a trawl database"
expect_exit 2 "$TRAWL_INDEX" --no-such-flag
expect_in err "trawl-index: error:"

# A second writer: exit 3 with a message naming the database, at once.
# (a) another trawl-index holds the database's lock;
flock db/lock sleep 30 &
flocker=$!
sleep 0.2
start=$(date +%s%N)
expect_exit 3 "$TRAWL_INDEX" --db db docs
elapsed_ms=$(( ($(date +%s%N) - start) / 1000000 ))
expect_in err "trawl-index: error: database '$WORK/db': locked by another trawl-index (use --wait to wait for it)"
[[ $elapsed_ms -lt 1000 ]] && pass "gave up in $elapsed_ms ms" || fail "locked indexer took ${elapsed_ms} ms"
# --wait=SECS gives up after that long; --wait waits until the lock is free.
expect_exit 3 "$TRAWL_INDEX" --db db --wait=0.3 docs
expect_in err "(gave up waiting)"
(sleep 0.5; kill "$flocker") &
expect_exit 0 "$TRAWL_INDEX" -q --db db --wait docs
wait "$flocker" 2>/dev/null
# (b) a foreign program holds Xapian's own lock on the live database.
coproc HOLDER { "$LOCK_HOLDER" db/db-1; }
holder_pid=$HOLDER_PID  # bash unsets HOLDER_PID once the coprocess ends
read -r ready <&"${HOLDER[0]}"
[[ "$ready" == locked ]] || fail "lock holder did not start"
expect_exit 3 "$TRAWL_INDEX" --db db docs
expect_in err "database '$WORK/db': locked by another trawl-index"
exec {HOLDER[1]}>&-
wait "$holder_pid" 2>/dev/null

# trawl-search
expect_exit 0 "$TRAWL_SEARCH" --db db river
expect_exit 1 "$TRAWL_SEARCH" --db db nonexistentword
expect_empty out
expect_exit 1 "$TRAWL_SEARCH" --db db '*'
expect_empty out
expect_in err "trawl-search: warning: query '*': nothing to search for (no word in it)"
expect_exit 2 "$TRAWL_SEARCH" --db nowhere river
expect_in err "trawl-search: error: database '$WORK/nowhere': not found"
expect_exit 2 "$TRAWL_SEARCH" --db db
expect_in err "no query given"
expect_exit 2 "$TRAWL_SEARCH" --db db --json -l river
expect_exit 2 "$TRAWL_SEARCH" --db db --color sometimes river
# An unparsable query is retried as words, with a warning; never a crash.
expect_exit 1 "$TRAWL_SEARCH" --db db 'AND'
expect_in err "trawl-search: warning: query 'AND':"
for q in '(' ')' '"' 'NOT' 'a AND' 'OR OR' '+' '-' '*' 'title:' 'NEAR/3' '((("' '\\'; do
  "$TRAWL_SEARCH" --db db "$q" >/dev/null 2>&1
  rc=$?
  [[ $rc -le 1 ]] || fail "query '$q' exited $rc"
done
pass "odd queries exit 0 or 1"
# -q: nothing printed.
expect_exit 0 "$TRAWL_SEARCH" --db db -q river
expect_empty out
# Database discovery: .trawl here or in a parent; $TRAWL_DB.
"$TRAWL_INDEX" -q docs
mkdir -p deep/er
expect_exit_in deep/er 0 "$TRAWL_SEARCH" river
TRAWL_DB=$WORK/db expect_exit_in / 0 "$TRAWL_SEARCH" river
expect_exit_in / 2 "$TRAWL_SEARCH" river
expect_in err "no database found"
# A closed pipe ends the search quietly.
for i in $(seq 1 30); do printf 'River note %d\n\nriver water river\n' "$i" > "docs/n$i.txt"; done
"$TRAWL_INDEX" -q --db db docs
"$TRAWL_SEARCH" --db db -n 1000 river 2>"$WORK/err" | head -n 1 >/dev/null
status=${PIPESTATUS[0]}
[[ $status -eq 0 ]] || fail "closed pipe: exit $status"
expect_empty "$WORK/err"

finish
