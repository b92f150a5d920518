# trawl-search --fresh: the database brought up to date (trawl-index over
# the paths it was built from) before the search; problems are warnings.
source "$(dirname "$0")/lib.sh"

mkdir d
echo "alpha words" > d/a.txt
expect_exit 0 "$TRAWL_INDEX" --db db d
echo "zebra stripes" > d/new.txt
expect_exit 1 "$TRAWL_SEARCH" --db db -l zebra
expect_exit 0 "$TRAWL_SEARCH" --db db -l --fresh zebra
expect_in out "d/new.txt"
expect_empty err
rm d/a.txt
expect_exit 1 "$TRAWL_SEARCH" --db db -c --fresh alpha

# A run over part of the tree keeps the wider path recorded.
mkdir d/sub
echo "yak hair" > d/sub/y.txt
expect_exit 0 "$TRAWL_INDEX" --db db -q d/sub
echo "quokka smile" > d/q.txt
expect_exit 0 "$TRAWL_SEARCH" --db db -l --fresh quokka
expect_in out "d/q.txt"

# Without $TRAWL_INDEX the indexer is found beside trawl-search (here: the
# build tree's ../indexer/).
echo "narwhal tusk" > d/n.txt
expect_exit 0 env -u TRAWL_INDEX "$TRAWL_SEARCH" --db db -l --fresh narwhal
expect_in out "d/n.txt"

# Problems are warnings; the search goes on with the index as it is.
expect_exit 0 env TRAWL_INDEX=/nonexistent "$TRAWL_SEARCH" --db db -l --fresh zebra
expect_in err "trawl-search: warning: --fresh: database '$WORK/db': cannot run '/nonexistent'"
flock db/lock sleep 30 &
locker=$!
sleep 0.2
echo "okapi stripes" > d/o.txt
expect_exit 1 "$TRAWL_SEARCH" --db db -l --fresh okapi
expect_in err "another trawl-index is updating it; searching it as it is"
kill "$locker"
wait "$locker" 2>/dev/null
finish
