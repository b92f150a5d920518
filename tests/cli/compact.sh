# trawl-index --compact: after incremental runs the database gets smaller,
# answers the same, passes xapian-check, and is a new generation swapped
# in; sharded databases have each shard compacted; misuse is refused.
source "$(dirname "$0")/lib.sh"

cp -r "$TRAWL_SOURCE/corpus" c
DB=$WORK/db
expect_exit 0 "$TRAWL_INDEX" --db "$DB" --quiet c
for _ in 1 2 3; do expect_exit 0 "$TRAWL_INDEX" --db "$DB" --quiet --force c; done

answers() {  # the ranked paths and counts of a few queries
  for q in harbour 'bridge closure' 'title:lighthouse' '-harbour'; do
    "$TRAWL_SEARCH" --db "$1" --no-config -l -n 0 "$q"; "$TRAWL_SEARCH" --db "$1" --no-config -c "$q"
  done
}
answers "$DB" > before.txt
size_before=$(du -sk "$(live_db "$DB")" | cut -f1)
stub_before=$(cat "$DB/XAPIANDB")
expect_exit 0 "$TRAWL_INDEX" --db "$DB" --compact
expect_in err "compacted:"
size_after=$(du -sk "$(live_db "$DB")" | cut -f1)
[[ $size_after -lt $size_before ]] && pass "smaller: $size_before -> $size_after KiB" \
  || fail "not smaller: $size_before -> $size_after KiB"
[[ "$(cat "$DB/XAPIANDB")" != "$stub_before" ]] && pass "a new generation is live" || fail "same generation"
answers "$DB" > after.txt
cmp -s before.txt after.txt && pass "same answers" || fail "answers changed: $(diff before.txt after.txt | head)"
expect_exit 0 xapian-check "$(live_db "$DB")"
# An incremental run afterwards finds nothing to do.
expect_exit 0 "$TRAWL_INDEX" --db "$DB" c
expect_in err "0 added, 0 updated, 0 moved, 0 deleted"

# Sharded: every shard.
expect_exit 0 "$TRAWL_INDEX" --db sharded --shards 2 --quiet c
answers sharded > before.txt
expect_exit 0 "$TRAWL_INDEX" --db sharded --compact --quiet
expect_empty err
answers sharded > after.txt
cmp -s before.txt after.txt && pass "sharded: same answers" || fail "sharded: answers changed"
for k in 0 1; do expect_exit 0 xapian-check "$(live_db sharded/shard-$k)"; done

expect_exit 2 "$TRAWL_INDEX" --db "$WORK/none" --compact
expect_in err "trawl-index: error: database '$WORK/none': does not exist"
[[ ! -e "$WORK/none" ]] && pass "nothing created" || fail "--compact created $WORK/none"
expect_exit 2 "$TRAWL_INDEX" --db "$DB" --compact --watch c
expect_in err "--compact cannot be combined with"
finish
