# Searches while the index is being updated never fail: 2,000 searches (at
# least 500 are required) run while an updater commits small batches over
# and over. Without the searcher's reopen-and-retry about 1 in 500 fails.
source "$(dirname "$0")/lib.sh"
SEARCHES=${TRAWL_CONCURRENT_SEARCHES:-2000}

write_corpus() {  # $1 = version
  local i
  mkdir -p c
  for i in $(seq 1 400); do
    printf 'Note %d v%s\n\nharbour tide v%s word%d\n' "$i" "$1" "$1" "$i" > "c/n$i.txt"
  done
}
write_corpus 0
"$TRAWL_INDEX" -q --db db c

# The updater: new content every round, committed every 5 documents.
(
  v=1
  while [[ ! -e stop ]]; do
    write_corpus "$v"
    touch -d "+$v hours" c/*
    "$TRAWL_INDEX" -q --db db --batch 5 c 2>>updater.err || echo "updater exit $?" >> updater.err
    v=$((v + 1))
  done
  echo "$v" > rounds
) &
updater=$!

errors=0
for i in $(seq 1 "$SEARCHES"); do
  case $((i % 4)) in
    0) "$TRAWL_SEARCH" --db db -n 5 harbour > /dev/null 2>> search.err ;;
    1) "$TRAWL_SEARCH" --db db --json tide > /dev/null 2>> search.err ;;
    2) "$TRAWL_SEARCH" --db db -c 'path:c' > /dev/null 2>> search.err ;;
    3) "$TRAWL_SEARCH" --db db -l "word$((RANDOM % 400 + 1))" > /dev/null 2>> search.err ;;
  esac
  rc=$?
  [[ $rc -le 1 ]] || errors=$((errors + 1))
done
# Batches on two threads meanwhile: each thread reopens on its own and
# every query of the file is answered, in order.
for i in $(seq 1 300); do printf 'q%d\t%s\n' "$i" "$( ((i % 2)) && echo harbour || echo "word$i")"; done > batch.tsv
for r in $(seq 1 8); do
  "$TRAWL_SEARCH" --db db --queries batch.tsv -j 2 -n 3 > batch.out 2>> batch.err
  rc=$?
  [[ $rc -eq 0 ]] || fail "batch $r: exit $rc"
  grep '^## q' batch.out | sed 's/:.*//' | cmp -s - <(sed 's/^/## /; s/\t.*//' batch.tsv) ||
    fail "batch $r: not every query answered in order"
done
[[ ! -s batch.err ]] || fail "batches: $(sort batch.err | uniq -c | head -5)"
touch stop
wait "$updater"
[[ $errors -eq 0 ]] && pass "$SEARCHES searches during $(cat rounds) update rounds, 0 errors" ||
  fail "$errors of $SEARCHES searches failed: $(sort search.err | uniq -c | head -5)"
[[ ! -s updater.err ]] || fail "updater: $(head -3 updater.err)"
[[ $(cat rounds) -ge 3 ]] || fail "the updater ran only $(cat rounds) rounds"
finish
