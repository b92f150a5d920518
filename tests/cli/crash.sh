# kill -9 while a database is created (20 times), at random moments while
# an existing one is updated in small batches (50 times), and inside
# commits (50 times, through the indexer's test hook
# TRAWL_TEST_KILL_AT_COMMIT). After every kill the database opens, passes
# xapian-check, and holds whole files only (every file's documents are all
# of its old version or all of its new one, never a mix, never missing);
# the next run converges to the same index as a clean build. Then kills
# while one file of many documents is written in parts. Updates alternate
# between --store-text all (long texts copied in pieces) and the default
# (long texts read back from their files, whose snippets are left out, with
# a warning, once the files change).
source "$(dirname "$0")/lib.sh"
command -v xapian-check >/dev/null || skip "xapian-check is not installed (xapian-tools)"
KILLS=${TRAWL_CRASH_KILLS:-50}
COMMIT_KILLS=${TRAWL_CRASH_COMMIT_KILLS:-50}
CREATE_KILLS=${TRAWL_CRASH_CREATE_KILLS:-20}
PART_KILLS=${TRAWL_CRASH_PART_KILLS:-10}
[[ -n "${TRAWL_SANITIZED:-}" ]] && PART_KILLS=${TRAWL_CRASH_PART_KILLS:-4}  # 5x slower there
FILES=300

# 300 text files (the first 5 long enough to be stored in pieces) and 10
# JSON Lines files of 5 records: 350 documents.
make_corpus() {  # $1 = version
  python3 - "$1" "$FILES" <<'PY2'
import os, sys
v, n = sys.argv[1], int(sys.argv[2])
os.makedirs("c", exist_ok=True)
for i in range(1, n + 1):
    with open(f"c/f{i}.txt", "w") as f:
        f.write(f"File {i} version {v}\n\nword{i} common v{v} text text text\n")
        if i <= 5:  # long texts, stored in pieces beside the record
            f.write("".join(f"line {k} of a long file\n" for k in range(700)))
            f.write(f"tail{i} ends v{v}\n")
for j in range(1, 11):
    with open(f"c/r{j}.jsonl", "w") as f:
        for k in range(1, 6):
            f.write('{"_id":"%d-%d","title":"Rec %d-%d v%s","text":"rec v%s"}\n' % (j, k, j, k, v, v))
PY2
}

# Checks the database after a kill; $1 = versions that may be present.
check_db() {
  [[ -e db ]] || return 0  # killed before the first database appeared: fine
  local live; live=$(live_db db)
  xapian-check "$live" >/dev/null 2>&1 || { fail "xapian-check failed after a kill"; return; }
  "$TRAWL_SEARCH" --db db -c common >/dev/null 2>&1
  [[ $? -le 1 ]] || { fail "database does not open after a kill"; return; }
  "$TRAWL_SEARCH" --db db --json --no-collapse -n 5000 'path:c' 2>/dev/null > hits.json
  python3 - hits.json "$1" > versions <<'PY' || fail "inconsistent documents after a kill"
import json, re, sys, collections
versions = sys.argv[2].split()
hits = [json.loads(l)["data"] for l in open(sys.argv[1]) if '"hit"' in l]
by_file = collections.defaultdict(set)
count = collections.Counter()
for h in hits:
    by_file[h["path"]].add(re.search(r"(?:version |v)(\d+)$", h["title"]).group(1))
    count[h["path"]] += 1
present = set().union(*by_file.values()) if by_file else set()
for path, vs in by_file.items():
    assert len(vs) == 1, (path, vs)              # never a mix of versions
    assert next(iter(vs)) in versions, (path, versions)
    if path.endswith(".jsonl"):
        assert count[path] == 5, (path, count[path])  # never a partial file
n = len(by_file)
assert n == 0 or n == 310, n                      # all files, or none yet
print(len(present))
PY
  # The long files' last pieces match their records' version; a text read
  # back from a file that changed since has no snippet and is named.
  "$TRAWL_SEARCH" --db db --json --no-collapse 'tail1 OR tail2 OR tail3 OR tail4 OR tail5' \
    2>tails.err > tails.json
  python3 - tails.json tails.err <<'PY' || fail "a long text's pieces do not match its document after a kill"
import json, re, sys
hits = [json.loads(l)["data"] for l in open(sys.argv[1]) if '"hit"' in l]
unread = open(sys.argv[2]).read()
assert len(hits) in (0, 5), len(hits)
for h in hits:
    v = re.search(r"version (\d+)$", h["title"]).group(1)
    if h["snippet"] == "" and "'%s': changed or gone" % h["id"] in unread:
        continue
    assert re.search(r"tail\d ends v" + v + r"\b", h["snippet"]), (h["title"], h["snippet"])
PY
}

# How long runs take here: kills land at random moments within them.
ms_since() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
make_corpus 0
start=$(date +%s%N); "$TRAWL_INDEX" -q --db timing c; create_ms=$(ms_since "$start")
make_corpus 1; touch -d "+1 hour" c/*
start=$(date +%s%N); "$TRAWL_INDEX" -q --db timing --batch 7 --commit-interval 0 c; run_ms=$(ms_since "$start")
rm -rf timing
random_sleep() {  # $1 = the run's length in ms
  sleep "$(awk -v ms="$1" -v r="$RANDOM" 'BEGIN { printf "%.3f", ms * r / 32768 / 1000 }')"
}

# 1. Kills while the database is being created.
for i in $(seq 1 "$CREATE_KILLS"); do
  rm -rf db db.tmp-*
  "$TRAWL_INDEX" -q --db db c 2>/dev/null &
  pid=$!
  random_sleep "$create_ms"
  kill -9 "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
  check_db 1
done
pass "$CREATE_KILLS kills during creation"
rm -rf db db.tmp-*
expect_exit 0 "$TRAWL_INDEX" -q --db db c

# 2. Kills while an existing database is updated in batches of 7 documents.
converged=1  # the oldest version a file may still have
interrupted=0
for i in $(seq 1 "$KILLS"); do
  make_corpus $((i + 1))
  touch -d "+$((i + 1)) hours" c/*
  store=(); (( i % 2 )) && store=(--store-text all)
  "$TRAWL_INDEX" -q --db db --batch 7 --commit-interval 0 -j 2 "${store[@]}" c 2>/dev/null &
  pid=$!
  random_sleep "$run_ms"
  kill -9 "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
  check_db "$(seq -s ' ' "$converged" $((i + 1)))"
  [[ "$(cat versions 2>/dev/null)" -gt 1 ]] && interrupted=$((interrupted + 1))
  # Half of the time, let the next version start from a converged index.
  if (( i % 2 == 0 )); then
    "$TRAWL_INDEX" -q --db db c 2>/dev/null
    converged=$((i + 1))
  fi
done
pass "$KILLS kills during updates ($interrupted left a half-updated index; run ${run_ms} ms)"
[[ $interrupted -ge $((KILLS / 4)) ]] || fail "only $interrupted of $KILLS kills landed inside an update"

# 3. Kills inside commits: the hook kills the indexer 0-3 ms after a
# random one of its commits starts (a run of batches of 7 commits ~50 times).
commits=$(( (FILES + 50) / 7 ))
inside=0
for i in $(seq 1 "$COMMIT_KILLS"); do
  v=$((KILLS + i + 1))
  make_corpus "$v"
  touch -d "+$v hours" c/*
  store=(); (( i % 2 )) && store=(--store-text all)
  TRAWL_TEST_KILL_AT_COMMIT=$((RANDOM % commits + 1)) TRAWL_TEST_KILL_DELAY_US=$((RANDOM % 3000)) \
    "$TRAWL_INDEX" -q --db db --batch 7 --commit-interval 0 -j 2 "${store[@]}" c 2>/dev/null
  [[ $? -eq 137 ]] && inside=$((inside + 1))
  check_db "$(seq -s ' ' "$converged" "$v")"
  if (( i % 2 == 0 )); then
    "$TRAWL_INDEX" -q --db db c 2>/dev/null
    converged=$v
  fi
done
pass "$COMMIT_KILLS kills inside commits ($inside killed by the hook)"
[[ $inside -ge $((COMMIT_KILLS * 3 / 5)) ]] || fail "only $inside of $COMMIT_KILLS kills landed in a commit"

# 4. The next run converges to what a clean build holds.
expect_exit 0 "$TRAWL_INDEX" -q --db db c
expect_exit 0 "$TRAWL_INDEX" -q --db clean c
for d in db clean; do
  "$TRAWL_SEARCH" --db $d --json --no-collapse -n 5000 'path:c' | python3 -c '
import json, sys
print("\n".join(sorted(json.loads(l)["data"]["id"] + " " + json.loads(l)["data"]["title"]
                       for l in sys.stdin if "\"hit\"" in l)))' > $d.txt
done
cmp -s db.txt clean.txt && pass "converged to the clean index" || fail "did not converge"
[[ $(wc -l < db.txt) -eq 350 ]] || fail "expected 350 documents, got $(wc -l < db.txt)"

# 5. One JSON Lines file of 1,500 records, updated in parts (--memory 16M:
# parts and batches of 128 KiB of text, about ten commits): a kill inside
# any commit leaves a database that passes xapian-check, and the next run
# makes the file whole again in its new version (schema::kMetaPartial).
make_big() {  # $1 = version
  mkdir -p big
  python3 - "$1" > big/big.jsonl <<'PY'
import sys
v = sys.argv[1]
for k in range(1500):
    print('{"_id":"%d","text":"rec%d ver%s %s"}' % (k, k, v, " ".join(["harbour"] * 150)))
PY
}
count() { "$TRAWL_SEARCH" --db bigdb -c --no-collapse "$1" 2>/dev/null || true; }
make_big 0
"$TRAWL_INDEX" -q --db bigdb --memory 16M big
parted=0
for i in $(seq 1 "$PART_KILLS"); do
  make_big "$i"
  touch -d "+$i hours" big/big.jsonl
  (TRAWL_TEST_KILL_AT_COMMIT=$((RANDOM % 10 + 1)) TRAWL_TEST_KILL_DELAY_US=$((RANDOM % 3000)) \
    "$TRAWL_INDEX" -q --db bigdb --memory 16M --commit-interval 0 big) 2>/dev/null
  xapian-check "$(live_db bigdb)" >/dev/null 2>&1 || fail "xapian-check failed after a kill in parts"
  n=$(count "ver$i")
  [[ "$n" -gt 0 && "$n" -lt 1500 ]] && parted=$((parted + 1))
  "$TRAWL_INDEX" -q --db bigdb --memory 16M big 2>/dev/null
  [[ "$(count "ver$i")" == 1500 && "$(count harbour)" == 1500 ]] ||
    fail "after kill $i the next run left $(count "ver$i") of 1500 records (all: $(count harbour))"
done
pass "$PART_KILLS kills while a file was written in parts ($parted left it in part)"
# (about 7 in 10 land between parts: none in 10 would mean they never do)
[[ $parted -ge 1 || $PART_KILLS -lt 10 ]] || fail "none of $PART_KILLS kills landed between parts"

# 6. The same file grown (600 lines appended each time): only its new lines
# are read, in parts, and its old documents kept (growth.h). A kill inside
# any commit leaves a database that passes xapian-check, and the next run
# holds every line once (a file stopped in part is made whole again).
grow_big() {  # $1 = the first new record
  python3 - "$1" >> big/big.jsonl <<'PY'
import sys
start = int(sys.argv[1])
for k in range(start, start + 600):
    print('{"_id":"%d","text":"rec%d grown %s"}' % (k, k, " ".join(["harbour"] * 150)))
PY
}
total=1500
for i in $(seq 1 "$PART_KILLS"); do
  grow_big "$total"; total=$((total + 600))
  touch -d "+$((PART_KILLS + i)) hours" big/big.jsonl
  (TRAWL_TEST_KILL_AT_COMMIT=$((RANDOM % 5 + 1)) TRAWL_TEST_KILL_DELAY_US=$((RANDOM % 3000)) \
    "$TRAWL_INDEX" -q --db bigdb --memory 16M --commit-interval 0 big) 2>/dev/null
  xapian-check "$(live_db bigdb)" >/dev/null 2>&1 || fail "xapian-check failed after a kill in a grown file"
  "$TRAWL_INDEX" -q --db bigdb --memory 16M big 2>/dev/null
  [[ "$(count harbour)" == "$total" ]] ||
    fail "after kill $i in a grown file the next run left $(count harbour) of $total records"
done
pass "$PART_KILLS kills while a grown file was written in parts"
grow_big "$total"; total=$((total + 600))
expect_exit 0 "$TRAWL_INDEX" --db bigdb --memory 16M --json big
expect_in out '"action":"appended","format":"jsonl","encoding":"UTF-8","documents":600}'
[[ "$(count harbour)" == "$total" ]] || fail "appended: $(count harbour) of $total records"
finish
