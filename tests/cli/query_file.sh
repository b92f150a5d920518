# trawl-search -f FILE: queries one a line, a document matches any of them
# (grep -f), with the words given; bad files named.
source "$(dirname "$0")/lib.sh"

DB=$WORK/db
expect_exit 0 "$TRAWL_INDEX" --db "$DB" "$TRAWL_SOURCE/corpus"
S=("$TRAWL_SEARCH" --db "$DB" --no-config --color never)

printf 'harbour bridge\n\n"glacier camera"\r\nlighthouse\n' > list.txt
# The hits of -f are the hits of its lines, searched one by one.
: > alone
for q in 'harbour bridge' '"glacier camera"' lighthouse; do
  "${S[@]}" -l --no-collapse -n 0 "$q" >> alone
done
sort -u alone > alone.sorted
expect_exit 0 "${S[@]}" -l --no-collapse -n 0 -f list.txt
sort out | cmp -s - alone.sorted || fail "-f list.txt: $(sort out | tr '\n' ' ') vs $(tr '\n' ' ' < alone.sorted)"
[[ $(wc -l < alone.sorted) -ge 3 ]] || fail "the lines found too little to test: $(cat alone.sorted)"
# Ranked as one search, counted exactly; stdin, several files and words too.
expect_exit 0 "${S[@]}" -c -f list.txt
[[ $(cat out) == $(wc -l < alone.sorted) ]] || fail "-c -f: $(cat out)"
"${S[@]}" -c -f - < list.txt > out2
cmp -s out out2 || fail "-f - (stdin) differs from -f list.txt"
printf 'harbour bridge\n' > a.txt; printf '"glacier camera"\nlighthouse\n' > b.txt
"${S[@]}" -c -f a.txt -f b.txt > out2
cmp -s out out2 || fail "-f a.txt -f b.txt differs from one file of both"
expect_exit 0 "${S[@]}" -c -f a.txt museum
[[ $(cat out) -gt $("${S[@]}" -c -f a.txt) ]] || fail "-f a.txt museum: the words add no hits"
# The JSON summary lists the lines (blank ones dropped, CR removed).
"${S[@]}" --json -n 1 -f list.txt museum | tail -1 > summary.json
python3 - summary.json <<'PY' || fail "--json -f: query_lines"
import json, sys
d = json.load(open(sys.argv[1]))["data"]
assert d["query_lines"] == ["harbour bridge", '"glacier camera"', "lighthouse"], d
assert d["query"] == "museum", d
PY
# --debug shows each line's query, OR'ed.
expect_exit 0 "${S[@]}" --debug -c -f list.txt
expect_in err " OR (glacier@1 PHRASE 2 camera@2) OR lighthouse"

# Empty, missing, too long, too many, and combinations.
: > empty.txt
expect_exit 1 "${S[@]}" -f empty.txt
expect_in err "-f 'empty.txt': nothing to search for"
expect_empty out
expect_exit 2 "${S[@]}" -f missing.txt
expect_in err "trawl-search: error: -f 'missing.txt': cannot read"
{ echo harbour; head -c 12000 /dev/zero | tr '\0' 'a'; echo; } > long.txt
expect_exit 2 "${S[@]}" -f long.txt
expect_in err "-f 'long.txt': line 2: query of 12000 bytes: the limit is 10000"
seq 1 1001 | sed 's/^/word/' > many.txt
expect_exit 2 "${S[@]}" -f many.txt
expect_in err "-f 'many.txt': more than 1000 queries"
seq 1 1000 | sed 's/^/word/' > thousand.txt
expect_exit 1 "${S[@]}" -c -f thousand.txt
printf 'q1\tharbour\n' > q.tsv
expect_exit 2 "${S[@]}" -f list.txt --queries q.tsv
expect_in err "-f and --queries cannot be combined"
finish
