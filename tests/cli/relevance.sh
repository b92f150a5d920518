# Relevance regression guard. Reads ../shared/datasets (Cranfield and
# SciFact) and ../shared/tools/ir_eval.py; skipped when ../shared is absent.
# Indexes each collection, runs its judged queries in one batch (top 1000,
# --or, TREC run) and fails if nDCG@10 falls below the level reached
# (docs/relevance.md), less 0.001 for floating-point noise between builds.
source "$(dirname "$0")/lib.sh"
DATA=$TRAWL_SHARED/datasets
EVAL=$TRAWL_SHARED/tools/ir_eval.py
[[ -d "$DATA/cranfield" && -f "$EVAL" ]] || skip "no $DATA (../shared is not beside this checkout)"

while read -r name floor; do
  dir=$DATA/$name
  "$TRAWL_INDEX" -q --db "$WORK/$name.db" "$dir/corpus.jsonl" 2>/dev/null
  [[ $? -le 1 ]] || { fail "$name: indexing failed"; continue; }
  expect_exit 0 "$TRAWL_SEARCH" --db "$WORK/$name.db" --no-config --queries "$dir/queries.jsonl" \
    --format trec -n 1000 --or
  mv out "$name.run"
  dups=$(awk '{ print $1, $3 }' "$name.run" | sort | uniq -d | head -3)
  [[ -z "$dups" ]] || fail "$name: documents listed twice for a query: $dups"
  ndcg=$(python3 "$EVAL" "$dir/qrels.tsv" "$name.run" | awk '$1 == "ndcg@10" { print $2 }')
  if python3 -c "import sys; sys.exit(0 if float('$ndcg') >= $floor else 1)"; then
    pass "$name nDCG@10 $ndcg >= $floor"
  else
    fail "$name nDCG@10 $ndcg fell below $floor"
  fi
done <<'LEVELS'
cranfield 0.382
scifact 0.702
LEVELS
finish
