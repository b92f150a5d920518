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

# --- Issue 5 on the seeds.
# A misspelt name gets a suggestion on stderr; --auto-correct searches for it.
expect_exit 1 "$TRAWL_SEARCH" --db "$DB" Lukashenco
expect_empty out
expect_in err "did you mean: lukashenko?"
expect_exit 0 "$TRAWL_SEARCH" --db "$DB" -l --auto-correct Lukashenco
expect_in out 003_cc9861c39d547221.txt
# More like 000: 001 (the same story) first.
got=$("$TRAWL_SEARCH" --db "$DB" -l --no-collapse --like "$SEEDS/000_11e460c5837aa03e.txt" | head -n 1)
[[ "$got" == */001_6ce8175613da4187.txt ]] || fail "--like 000: first is '$got', want 001"
# 000 and 001 fold into one hit; 000 and 003 (both on political prisoners) do not.
"$TRAWL_SEARCH" --db "$DB" --json -n 10 'Canada OR Navalny OR prisoners' > out
python3 - out <<'PY2' || fail "near-duplicate folding on the seeds"
import json, sys
hits = [json.loads(l)["data"] for l in open(sys.argv[1]) if '"hit"' in l]
name = lambda p: p.rsplit("/", 1)[1][:3]
shown = {name(h["path"]): sorted(name(s["path"]) for s in h["similar"]) for h in hits}
pair = [k for k in ("000", "001") if k in shown]
assert len(pair) == 1, shown                      # one of the two is shown...
assert shown[pair[0]] == [{"000": "001", "001": "000"}[pair[0]]], shown   # ...the other under it
assert "003" in shown and shown["003"] == [], shown
assert len(hits) == 4, shown
PY2
# Dates come from the date line above 001's headline; ext: filters.
[[ $("$TRAWL_SEARCH" --db "$DB" -l 'date:2024-05-03' | xargs -n1 basename) == 001_6ce8175613da4187.txt ]] ||
  fail "date:2024-05-03 is not 001"
expect_exit 1 "$TRAWL_SEARCH" --db "$DB" 'Navalny date:..2023'
[[ $("$TRAWL_SEARCH" --db "$DB" -c 'ext:txt') == 5 ]] || fail "ext:txt counts 5"
expect_exit 1 "$TRAWL_SEARCH" --db "$DB" 'Navalny ext:md'

finish
