# Indexes corpus/ with the real binaries and checks ranking, query syntax,
# folding, stemming, output modes and titles (the queries of corpus/README.md).
source "$(dirname "$0")/lib.sh"
DB=$WORK/corpus.db
expect_exit 0 "$TRAWL_INDEX" --db "$DB" "$TRAWL_SOURCE/corpus"
expect_in err "indexed 43 documents from 34 files"

cd "$TRAWL_SOURCE"   # paths are shown relative to the current directory
expect_top corpus/reports/arctic-station-annual-report.txt quillwort
expect_top corpus/news/chess-tournament.txt chess
expect_top corpus/news/harbour-bridge-closure-gazette.txt '"harbour bridge" closure'
expect_top corpus/news/river-flood-warning.txt 'flood NOT bridge'
expect_top corpus/intl/fr-montreal-festival.txt montreal
expect_top corpus/intl/fr-montreal-festival.txt MONTRÉAL
expect_top corpus/intl/de-strassenfest.txt strasse
expect_top corpus/intl/ru-sanctions.txt санкции
expect_top corpus/intl/zh-library.txt 图书馆
expect_top corpus/intl/ja-bridge.txt 通行止
expect_top corpus/news/council-budget.txt coordinated timetable
expect_top corpus/news/lighthouse-restoration.txt title:lighthouse
expect_top corpus/notes/bird-migration-notes.md swallows
expect_top corpus/news/veldoria-sanctions.txt u.s. sanctions
expect_top corpus/news/rail-strike-ends.txt rail strike
expect_top corpus/news/software-release.md tidewater
expect_top corpus/notes/finance-course.txt abc
expect_top corpus/data/science-conference.jsonl session:posters

# Boolean and phrase queries: what must and must not match.
expect_exit 1 "$TRAWL_SEARCH" --db "$DB" '"bridge harbour"'
expect_exit 0 "$TRAWL_SEARCH" --db "$DB" 'glacier AND calving'
expect_exit 1 "$TRAWL_SEARCH" --db "$DB" 'glacier AND tidewater'
[[ $("$TRAWL_SEARCH" --db "$DB" -c 'glacier OR tidewater') -ge 3 ]] || fail "glacier OR tidewater"
[[ $("$TRAWL_SEARCH" --db "$DB" -c 'swallows -migration') -lt $("$TRAWL_SEARCH" --db "$DB" -c swallows) ]] ||
  fail "-migration did not remove documents"
expect_exit 0 "$TRAWL_SEARCH" --db "$DB" 'canoe NEAR/4 green'
expect_exit 0 "$TRAWL_SEARCH" --db "$DB" 'kingfisher*'
# Stemming: another inflection finds the word, the exact form in quotes too.
expect_top corpus/news/rail-strike-ends.txt striking drivers
expect_exit 0 "$TRAWL_SEARCH" --db "$DB" '"drivers"'
# Accents and case in the query, none in the document, and the reverse.
expect_top corpus/notes/meeting-notes-budget.txt NAIVE parking
expect_exit 0 "$TRAWL_SEARCH" --db "$DB" Noël
# -F: operators are words.
expect_exit 0 "$TRAWL_SEARCH" --db "$DB" -F 'harbour AND bridge'

# Titles: the headline, not the date or navigation line.
"$TRAWL_SEARCH" --db "$DB" --json 'flood warning' > "$WORK/out"
expect_in "$WORK/out" '"title":"River Lune flood warning for the lower valley"'
"$TRAWL_SEARCH" --db "$DB" --json 'rail strike' > "$WORK/out"
expect_in "$WORK/out" '"title":"Rail strike ends after drivers accept new pay offer"'
# JSON Lines records keep their ids; snippets highlight in the original text.
"$TRAWL_SEARCH" --db "$DB" --json lichens > "$WORK/out"
expect_in "$WORK/out" '"id":"conf-02"'
python3 - "$WORK/out" <<'PY' || fail "JSON output"
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1])]
assert recs[-1]["type"] == "summary" and recs[-1]["data"]["matches"] >= 1
for r in recs[:-1]:
    d = r["data"]
    for key in ("rank", "id", "path", "title", "score", "snippet", "highlights"):
        assert key in d, key
    snippet = d["snippet"].encode()
    for s, e in d["highlights"]:
        assert snippet[s:e].decode().lower().startswith("lichen"), snippet[s:e]
PY
# -l lists each file once; -0 ends paths with NUL; -c counts.
"$TRAWL_SEARCH" --db "$DB" -l -n 50 harbour > "$WORK/out"
[[ $(sort "$WORK/out" | uniq -d | wc -l) -eq 0 ]] || fail "-l printed a file twice"
"$TRAWL_SEARCH" --db "$DB" -l -0 chess > "$WORK/out"
[[ "$(tr '\0' '\n' < "$WORK/out")" == corpus/news/chess-tournament.txt ]] || fail "-0 output"
[[ $("$TRAWL_SEARCH" --db "$DB" -c chess) == 1 ]] || fail "-c chess"
# Deep snippet in a long document: the passage around the rare word.
"$TRAWL_SEARCH" --db "$DB" --color never samphire > "$WORK/out"
expect_in "$WORK/out" "samphire"
expect_in "$WORK/out" "…"
finish
