# Sharded databases and Xapian's remote backend on loopback: --shards,
# repeated --db, --merge, scripts/serve-shards, the failure policy for dead
# and hung shards (--timeout, --allow-partial), updates during remote
# searches.
source "$(dirname "$0")/lib.sh"
command -v xapian-tcpsrv >/dev/null || skip "xapian-tcpsrv is not installed (xapian-tools)"
cp -r "$TRAWL_SOURCE/corpus" c
S=("$TRAWL_SEARCH" --no-config)
QUERIES=("harbour bridge" "glacier OR tidewater" "the river flood warning downstream" "council budget"
         "café" '"expansion joints"' "sanctions" "kingfisher* canoe")

# run_of DB... [-- FLAGS]: the top 20 of every query as "query id snippet
# score" lines (--json: full precision), ties included. The long reports'
# snippets come from text pieces read from the shard that holds them.
run_of() {
  local args=() q
  while [[ $# -gt 0 && "$1" != "--" ]]; do args+=(--db "$1"); shift; done
  [[ $# -gt 0 ]] && shift && args+=("$@")
  for q in "${QUERIES[@]}"; do
    "${S[@]}" "${args[@]}" --json --no-collapse -n 20 --or "$q" | python3 -c '
import json, sys
for l in sys.stdin:
    d = json.loads(l)
    if d["type"] == "hit":
        print(sys.argv[1], d["data"]["id"], json.dumps(d["data"]["snippet"]), repr(d["data"]["score"]))' "$q"
  done
}
# same_runs A B: the same ids in the same order, scores equal to 1e-9.
same_runs() {
  python3 - "$1" "$2" <<'PY'
import sys
a = [l.rsplit(" ", 1) for l in open(sys.argv[1])]
b = [l.rsplit(" ", 1) for l in open(sys.argv[2])]
assert len(a) == len(b) and len(a) > 20, (len(a), len(b))
for (ka, sa), (kb, sb) in zip(a, b):
    assert ka == kb, (ka, kb)
    assert abs(float(sa) - float(sb)) <= 1e-9 * max(1.0, abs(float(sa))), (ka, sa, sb)
PY
}

# --- Shards on disk.
expect_exit 0 "$TRAWL_INDEX" --db one c
expect_exit 0 "$TRAWL_INDEX" --db three --shards 3 c
expect_in err "indexed 43 documents from 34 files"
[[ $(cat three/XAPIANDB) == $'auto shard-0\nauto shard-1\nauto shard-2' ]] || fail "stub: $(cat three/XAPIANDB)"
for k in 0 1 2; do [[ -d three/shard-$k ]] || fail "no shard-$k"; done
run_of one > one.run; run_of three > three.run
same_runs one.run three.run && pass "3 shards rank exactly as one database" || fail "3 shards rank differently"
# A re-run keeps the shard count and finds everything in place.
expect_exit 0 "$TRAWL_INDEX" --db three c
expect_in err "34 unchanged"
expect_exit 2 "$TRAWL_INDEX" --db three --shards 2 c
expect_in err "has 3 shards, not 2"
expect_exit 2 "$TRAWL_INDEX" --db one --shards 2 c
expect_in err "not sharded"
# A changed file goes back to its own shard: no shard gains or loses one.
counts() { for k in 0 1 2; do xapian-delve "three/shard-$k" 2>/dev/null | grep -o 'number of documents = [0-9]*'; done; }
counts > before
printf '\nA new closing line.\n' >> c/news/chess-tournament.txt
touch -d '+1 hour' c/news/chess-tournament.txt
expect_exit 0 "$TRAWL_INDEX" --db three c
expect_in err "1 updated"
counts > after
cmp -s before after || fail "an update moved documents between shards"
expect_exit 0 "$TRAWL_INDEX" --db one c
run_of one > one.run

# --- Several --db searched as one: news + the rest equals the whole.
mkdir -p split/a split/b && cp -r c/news split/a/ && cp -r c/notes c/reports c/intl c/data split/b/
expect_exit 0 "$TRAWL_INDEX" --db whole split
expect_exit 0 "$TRAWL_INDEX" --db part-a split/a
expect_exit 0 "$TRAWL_INDEX" --db part-b split/b
run_of whole > whole.run; run_of part-a part-b > parts.run
same_runs whole.run parts.run && pass "two --db rank as one database" || fail "two --db rank differently"

# --- --merge: one database again, same ranking, and updates go on.
cp -r three merged
expect_exit 0 "$TRAWL_INDEX" --db merged --merge
[[ ! -d merged/shard-0 ]] || fail "--merge left the shards"
run_of merged > merged.run
same_runs one.run merged.run && pass "--merge ranks as before" || fail "--merge changed the ranking"
expect_exit 0 "$TRAWL_INDEX" --db merged c
expect_in err "34 unchanged"
expect_exit 2 "$TRAWL_INDEX" --db one --merge
expect_in err "needs a sharded database"

# --- Remote shards on loopback.
port=$((20000 + RANDOM % 20000))
"$TRAWL_SOURCE/scripts/serve-shards" three --port "$port" --stub remote.stub > serve.log 2>&1 &
server=$!
for i in $(seq 1 50); do [[ -s remote.stub ]] && ss -ltn | grep -q ":$((port + 2)) " && break; sleep 0.1; done
[[ $(ss -ltn | grep -cE "127\.0\.0\.1:($port|$((port + 1))|$((port + 2))) ") -eq 3 ]] ||
  fail "the servers are not listening on loopback only: $(ss -ltn | grep ":$port")"
# (Over remote shards feedback runs only when asked for: compare with it on.)
run_of remote.stub -- --expand > remote.run; run_of one -- --expand > one-expand.run
same_runs one-expand.run remote.run && pass "remote shards rank exactly as one database" ||
  fail "remote shards rank differently"
run_of remote.stub -- --no-expand > remote.run; run_of one -- --no-expand > one-plain.run
same_runs one-plain.run remote.run || fail "remote shards rank differently (--no-expand)"
"${S[@]}" --db remote.stub --json glacier > out
python3 - out <<'PY' || fail "remote hits lack snippets or fields"
import json, sys
hits = [json.loads(l)["data"] for l in open(sys.argv[1]) if '"hit"' in l]
assert hits and all(h["snippet"] and h["title"] and h["path"] for h in hits), hits
PY
# -g reads each candidate's path: local shards only, a clear error remotely.
expect_exit 0 "${S[@]}" --db three -l -g '*.md' harbour
expect_exit 2 "${S[@]}" --db remote.stub -g '*.md' harbour
expect_in err "-g cannot filter remote shards"
# So do -s and -S (a capital typed): the same clear error; -S without one runs.
expect_exit 0 "${S[@]}" --db three -l -s harbour
expect_exit 2 "${S[@]}" --db remote.stub -s harbour
expect_in err "-s and -S cannot check remote shards"
expect_exit 2 "${S[@]}" --db remote.stub -S Harbour
expect_exit 0 "${S[@]}" --db remote.stub -S harbour

# Updates on the shards while remote searches run: no errors.
( for i in $(seq 1 15); do
    touch -d "+$((i + 1)) hours" c/news/*.txt
    "$TRAWL_INDEX" -q --db three --batch 3 --commit-interval 0 c 2>/dev/null
  done; touch update.done ) &
updater=$!
errors=0 searches=0
while [[ ! -e update.done ]]; do
  "${S[@]}" --db remote.stub -c harbour >/dev/null 2>>search.err || [[ $? -eq 1 ]] || errors=$((errors + 1))
  searches=$((searches + 1))
done
wait "$updater"
[[ $errors -eq 0 && $searches -ge 20 ]] && pass "$searches remote searches during updates, 0 errors" ||
  fail "$errors of $searches remote searches failed: $(head -3 search.err)"

# A dead shard: exit 2 naming it, at once; --allow-partial: the others.
dead=$(ss -ltnp | grep ":$port " | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)
kill "$dead"; sleep 0.3
expect_exit 2 "${S[@]}" --db remote.stub harbour
expect_in err "tcp://127.0.0.1:$port': shard unavailable"
expect_exit 0 "${S[@]}" --db remote.stub --allow-partial -c harbour
expect_in err "partial results: 1 shard(s) left out"
"${S[@]}" --db remote.stub --allow-partial --json harbour > out
expect_in out '"partial":true'
# A hung shard (SIGSTOP): the timeout names it; --allow-partial goes on.
hung=$(ss -ltnp | grep ":$((port + 1)) " | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)
kill -STOP "$hung"
printf 'remote tcp 127.0.0.1 %d\nremote tcp 127.0.0.1 %d\n' $((port + 1)) $((port + 2)) > hung.stub
start=$(date +%s%N)
expect_exit 2 "${S[@]}" --db hung.stub --timeout 1 harbour
ms=$(( ($(date +%s%N) - start) / 1000000 ))
expect_in err "tcp://127.0.0.1:$((port + 1))"
[[ $ms -lt 4000 ]] || fail "a hung shard took $ms ms to report (timeout 1 s)"
# The live shard alone decides the count (documents are placed by a hash
# of their path, which holds this run's temporary folder: a shard may hold
# no "harbour" at all, and then the right exit is 1).
printf 'remote tcp 127.0.0.1 %d\n' $((port + 2)) > live.stub
"${S[@]}" --db live.stub -c harbour > live.count
live_exit=$?
expect_exit "$live_exit" "${S[@]}" --db hung.stub --timeout 1 --allow-partial -c harbour
cmp -s out live.count && pass "--allow-partial counts what the live shard holds ($(cat out))" ||
  fail "--allow-partial counted $(cat out), the live shard alone $(cat live.count)"
kill -CONT "$hung"
kill "$server"; wait "$server" 2>/dev/null
# A bad stub line is named.
printf 'remote udp host 1\n' > bad.stub
expect_exit 2 "${S[@]}" --db bad.stub harbour
expect_in err "bad.stub:1"
finish
