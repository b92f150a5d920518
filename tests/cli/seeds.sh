# Reads ../shared/corpus/seeds (the five seed articles; present in CI,
# absent in a user's clone: then this test is skipped).
source "$(dirname "$0")/lib.sh"
SEEDS=$TRAWL_SHARED/corpus/seeds
[[ -d "$SEEDS" ]] || skip "no $SEEDS (../shared is not beside this checkout)"

DB=$WORK/seeds.db
expect_exit 0 "$TRAWL_INDEX" --db "$DB" "$SEEDS"
expect_in err "indexed 5 documents from 5 files"

expect_top 000_11e460c5837aa03e.txt Magnitsky
expect_top 003_cc9861c39d547221.txt Lukashenko political prisoners
expect_top 002_2c324f5412b52082.txt Arctic Council
# 001 says MONTRÉAL; the query has neither case nor accent.
"$TRAWL_SEARCH" --db "$DB" -l montreal > out
expect_in out 001_6ce8175613da4187.txt
# The snippet highlights the word as written.
"$TRAWL_SEARCH" --db "$DB" --json montreal > out
python3 - out <<'PY' || fail "montreal is not highlighted as MONTRÉAL in 001"
import json, sys
hits = [json.loads(l)["data"] for l in open(sys.argv[1]) if '"hit"' in l]
h = next(h for h in hits if h["path"].endswith("001_6ce8175613da4187.txt"))
b = h["snippet"].encode()
words = [b[s:e].decode() for s, e in h["highlights"]]
assert "MONTRÉAL" in words, words
PY
# The date line and the breadcrumb of 001 are not its title.
"$TRAWL_SEARCH" --db "$DB" --json 'montreal' > out
expect_in out '"title":"Canada and allies discuss joint response to Russia’s imprisonment of Navalny"'

# Every title is the headline: never a date line, a breadcrumb or site navigation.
"$TRAWL_SEARCH" --db "$DB" --json --no-collapse -n 10 path:seeds > out
python3 - out <<'PY' || fail "seed titles"
import json, sys
titles = {json.loads(l)["data"]["path"].rsplit("/", 1)[1][:3]: json.loads(l)["data"]["title"]
          for l in open(sys.argv[1]) if '"hit"' in l}
want = {
    "000": "Canada and allies discuss joint response to Russia's imprisonment of Kremlin critic Navalny",
    "001": "Canada and allies discuss joint response to Russia’s imprisonment of Navalny",
    "002": "Reviewing Russian-Canadian Bilateral Relations",
    "004": "To the Prime Minister of Canada",
}
for k, v in want.items():
    assert titles[k] == v, (k, titles[k])
# 003 has no headline: its first sentence, shortened at a word boundary.
assert titles["003"].startswith("Canada and its allies on Friday called on Belarus"), titles["003"]
assert titles["003"].endswith("…") and len(titles["003"]) <= 151, titles["003"]
PY

finish
