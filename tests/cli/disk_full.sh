# A write error (here a file-size limit, ulimit -f, standing in for a full
# disk) stops the run with a clear message and exit 2, and leaves the
# database at its last commit; the next run completes the work.
source "$(dirname "$0")/lib.sh"
command -v xapian-check >/dev/null || skip "xapian-check is not installed (xapian-tools)"

# Runs a command under a 2 MiB file-size limit. In the sanitizer build, leak
# checking is off for these runs only: Xapian 1.4.22's
# GlassPostListTable::merge_changes holds its chunk reader and writer in raw
# pointers, so a write error thrown from a commit leaks one 112-byte writer
# (glass_postlist.cc:1104, seen in CI about 1 run in 30; docs/NOTES.md).
limited() {
  (ulimit -f 2048; ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" "$@")
}

mkdir c
for i in $(seq 1 200); do printf 'Small %d\n\nalpha %d\n' "$i" "$i" > "c/s$i.txt"; done
expect_exit 0 "$TRAWL_INDEX" -q --db db c
before=$("$TRAWL_SEARCH" --db db -c alpha)

# Enough new text that the database must grow by megabytes.
python3 - <<'PY'
import random
random.seed(7)
words = ["w%d" % i for i in range(50000)]
for i in range(300):
    with open("c/big%d.txt" % i, "w") as f:
        f.write("Big %d\n\n" % i + " ".join(random.choice(words) for _ in range(4000)) + "\n")
PY
# 1. An update of an existing database (commits every 20 documents).
limited "$TRAWL_INDEX" -q --db db --batch 20 --commit-interval 0 c > out 2> err
rc=$?
[[ $rc -eq 2 ]] && pass "write error: exit 2" || fail "write error: exit $rc, want 2"
expect_in err "trawl-index: error: database '$WORK/db'"
grep -qiE "too large|no space|write" err || fail "the message does not say what failed: $(cat err)"
expect_exit 0 xapian-check "$(live_db db)"
[[ $("$TRAWL_SEARCH" --db db -c alpha) == "$before" ]] || fail "the old documents changed"
big=$("$TRAWL_SEARCH" --db db -c 'path:c big' 2>/dev/null)
(( ${big:-0} % 20 == 0 )) || fail "a partial batch was committed ($big big files)"

# 2. A brand-new database: nothing half-made is left behind.
limited "$TRAWL_INDEX" -q --db fresh c > out 2> err
rc=$?
[[ $rc -eq 2 ]] && pass "fresh build: exit 2" || fail "fresh build: exit $rc, want 2"
[[ ! -e fresh ]] || fail "a failed fresh build left 'fresh' behind"
[[ -z $(ls -d fresh.tmp-* 2>/dev/null) ]] || fail "a failed fresh build left its work folder"

# 3. Without the limit, the next run completes the work.
expect_exit 0 "$TRAWL_INDEX" -q --db db c
[[ $("$TRAWL_SEARCH" --db db -c 'path:c big') == 300 ]] || fail "the rerun did not converge"
finish
