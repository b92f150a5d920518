# trawl-search --queries FILE (batch mode) and --format trec, --weighting,
# --expand and --keep-stopwords on corpus/.
source "$(dirname "$0")/lib.sh"

DB=$WORK/db
expect_exit 0 "$TRAWL_INDEX" --db "$DB" "$TRAWL_SOURCE/corpus"
S=("$TRAWL_SEARCH" --db "$DB" --no-config --color never)

cat > q.jsonl <<'Q'
{"_id": "q1", "text": "harbour bridge repairs"}
{"_id": "q2", "text": "glacier camera"}
{"_id": "q3", "text": "zzzznothing"}
Q
printf 'q1\tharbour bridge repairs\nq2\tglacier camera\nq3\tzzzznothing\n' > q.tsv

# A TREC run: qid Q0 docid rank score tag; record ids for JSON Lines records.
expect_exit 0 "${S[@]}" --queries q.jsonl --format trec -n 5 --or
awk 'NF != 6 || $2 != "Q0" || $6 != "trawl" || $4 < 1 { bad = 1 } END { exit bad }' out ||
  fail "--format trec lines are not 'qid Q0 docid rank score trawl'"
grep -q '^q2 Q0 brief-006 1 ' out || fail "q2's first hit is not brief-006: $(grep '^q2' out | head -1)"
grep -q '^q3 ' out && fail "q3 matched nothing but has lines"
# Ranks run 1.. per query; scores do not increase.
awk '$1 != q { q = $1; r = 0; s = 1e300 } { r++; if ($4 != r || $5 > s) bad = 1; s = $5 } END { exit bad }' out ||
  fail "ranks or scores out of order"
cp out trec.jsonl.run
# The same queries as TSV, and from stdin, give the same run; --run-tag names it.
expect_exit 0 "${S[@]}" --queries q.tsv --format trec -n 5 --or
cmp -s out trec.jsonl.run || fail "TSV and JSON Lines query files differ"
"${S[@]}" --queries - --format trec -n 5 --or --run-tag mine < q.tsv > out
sed 's/ mine$/ trawl/' out | cmp -s - trec.jsonl.run || fail "--queries - / --run-tag"

# Each query of a batch ranks as it would alone.
while IFS=$'\t' read -r id text; do
  "${S[@]}" -l --no-collapse -n 5 --or "$text" > alone
  "${S[@]}" --queries q.tsv -l --no-collapse -n 5 --or | awk -F'\t' -v id="$id" '$1 == id { print $2 }' > batch
  cmp -s alone batch || fail "query $id: batch -l differs from a single search"
done < q.tsv
# JSON records carry the query id; -c lines are id<TAB>count.
"${S[@]}" --queries q.tsv --json -n 2 > out
python3 - out <<'PY' || fail "query_id in --json batch records"
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1])]
assert {r["data"]["query_id"] for r in recs} == {"q1", "q2", "q3"}, recs
assert sum(r["type"] == "summary" for r in recs) == 3
PY
expect_exit 0 "${S[@]}" --queries q.tsv -c
expect_in out $'q3\t0'
expect_exit 0 "${S[@]}" --queries q.tsv
expect_in out "## q2: glacier camera"

# Bad query files and combinations.
printf 'q1\tharbour\nnot a query line\n' > bad.tsv
expect_exit 0 "${S[@]}" --queries bad.tsv -c
expect_in err "bad.tsv:2: not a query"
expect_exit 2 "${S[@]}" --queries missing.tsv
expect_in err "--queries 'missing.tsv': cannot read"
expect_exit 2 "${S[@]}" --queries q.tsv harbour
expect_in err "give no query words"
expect_exit 1 "${S[@]}" --queries /dev/null

# Ranking options: a bad --weighting is named; others change scores only.
expect_exit 2 "${S[@]}" --weighting okapi harbour
expect_in err "--weighting 'okapi': unknown scheme"
for w in bm25 bm25:k1=2,b=0.5 bm25+ pl2 dph inl2 lm coord; do
  expect_exit 0 "${S[@]}" -c --weighting "$w" harbour
  [[ $(cat out) == $("${S[@]}" -c harbour) ]] || fail "--weighting $w changed the count"
done
# Stopwords: left out unless alone or quoted.
expect_exit 0 "${S[@]}" --debug -c 'the harbour of the city'
expect_in err "((harbour SYNONYM harbours) AND (city SYNONYM citys))"
grep -q "\bthe\b\|\bof\b" <(grep "parsed query" err) && fail "stopwords kept: $(cat err)"
expect_exit 0 "${S[@]}" --debug -c --keep-stopwords 'the harbour'
expect_in err "(the AND (harbour SYNONYM harbours))"
expect_exit 0 "${S[@]}" -c 'the'
# --expand adds words from the best hits (only reranks without --or).
expect_exit 0 "${S[@]}" --debug -l --expand 'harbour bridge'
expect_in err "AND_MAYBE"
[[ $("${S[@]}" -c --expand 'harbour bridge') == $("${S[@]}" -c 'harbour bridge') ]] ||
  fail "--expand changed the AND match count"
# A count skips the ranking parts, except feedback under --or (it widens).
expect_exit 0 "${S[@]}" --debug -c 'harbour bridge ferry'
grep "parsed query" err | grep -q "NEAR" && fail "-c ran the proximity part: $(cat err)"
expect_exit 0 "${S[@]}" --debug -c --or --expand 'harbour bridge ferry'
expect_in err ") OR (0.05"  # the feedback words, OR'ed: they may add matches
# -j: queries run on several threads, printed in file order with each
# query's messages in order on stderr: the same bytes as one thread.
words=(harbour bridge glacier camera ferry library river council budget festival
       concert lighthouse museum orchard cheese station report sanctions rail flood)
: > many.tsv
for i in $(seq 0 79); do
  q="${words[i % 20]} ${words[(i * 7 + 3) % 20]}"
  (( i % 9 == 4 )) && q="!!! ???"              # nothing to search for: a warning
  (( i % 13 == 6 )) && q="harbour date:2024-13..2025"  # a bad range: a warning
  (( i == 50 )) && q=$(printf 'harbour%.0s ' {1..1500})  # too long: skipped
  printf 'q%d\t%s\n' "$i" "$q" >> many.tsv
done
for fmt in "--format trec -n 20" "-n 3" "-c" "-l --or"; do
  # shellcheck disable=SC2086
  expect_exit 0 "${S[@]}" --queries many.tsv -j 1 $fmt --stats
  mv out one.out; sed 's/, [0-9.]* seconds.*//' err > one.err
  for j in 2 3; do
    # shellcheck disable=SC2086
    expect_exit 0 "${S[@]}" --queries many.tsv -j "$j" $fmt --stats
    cmp -s out one.out || fail "--queries -j $j $fmt: stdout differs from -j 1"
    sed 's/, [0-9.]* seconds.*//' err | cmp -s - one.err || fail "--queries -j $j $fmt: stderr differs"
  done
done
expect_in one.err "query q4 '!!! ???': nothing to search for"
[[ $(grep -c 'nothing to search for' one.err) == $(grep -c '!!!' many.tsv) ]] ||
  fail "want one warning per empty query: $(cat one.err)"
expect_in one.err 'query q50: query of 12000 bytes: the limit is 10000'
expect_in one.err 'trawl-search: 79 queries, '  # q50 is not counted
# A closed pipe stops the batch quietly (exit 0, no --stats line: it ended early).
for r in $(seq 1 20); do sed "s/^/r$r/" many.tsv; done > big.tsv
"${S[@]}" --queries big.tsv -j 2 -n 3 --stats 2> err | head -n 1 > /dev/null
st=${PIPESTATUS[0]}
[[ $st == 0 ]] || fail "--queries | head: exit $st"
grep -q ' queries, ' err && fail "--queries went on after its output was closed"
expect_exit 2 "${S[@]}" --queries many.tsv -j 0
expect_in err "--jobs"
finish
