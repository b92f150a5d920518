# Issue 5's search features on a copy of corpus/: spelling, synonyms,
# date/size ranges and filters, sorting, facets, near-duplicate folding,
# --like, --explain, --debug, --passages, --vimgrep, freshness warnings.
# (Configuration files and --generate: tests/cli/comfort.sh.)
source "$(dirname "$0")/lib.sh"

cp -r "$TRAWL_SOURCE/corpus" c
# Files without a date of their own are dated by their mtime: put them all
# in 2020 so the date tests see only the dates written in the documents.
find c -type f -exec touch -d 2020-06-01T12:00:00 {} +
printf 'kingfisher, halcyon\nsamphire, sea asparagus\n' > syn.txt
DB=$WORK/db
expect_exit 0 "$TRAWL_INDEX" --db "$DB" --synonyms syn.txt c
S=("$TRAWL_SEARCH" --db "$DB" --color never)

# json_ids ARGS...: the ids of the hits (file name for files, record id for
# records), one per line, in rank order.
json_ids() {
  "${S[@]}" --json -n 100 "$@" | python3 -c '
import json, sys
for line in sys.stdin:
    d = json.loads(line)
    if d["type"] == "hit":
        print(d["data"]["id"].rsplit("/", 1)[-1])'
}
# expect_ids "WANT" ARGS...: json_ids ARGS, sorted and space-joined, is WANT.
expect_ids() {
  local want=$1; shift
  local got
  got=$(json_ids "$@" | sort | tr '\n' ' ' | sed 's/ $//')
  if [[ "$got" == "$want" ]]; then pass "ids of $*"; else fail "ids of $*: '$got', want '$want'"; fi
}

# --- Spelling: a suggestion on stderr and in JSON, never on stdout.
expect_exit 1 "${S[@]}" lighthose
expect_empty out
expect_in err "did you mean: lighthouse?"
expect_exit 1 "${S[@]}" --json lighthose
python3 - out <<'PY' || fail "did_you_mean in the JSON summary"
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1])]
assert len(lines) == 1 and lines[0]["type"] == "summary", lines
assert lines[0]["data"]["did_you_mean"] == "lighthouse", lines
PY
expect_exit 0 "${S[@]}" --auto-correct -l lighthose
[[ $(head -n 1 out) == c/news/lighthouse-restoration.txt ]] || fail "--auto-correct top hit: $(head -n 1 out)"
expect_in err "nothing matched 'lighthose'; showing results for 'lighthouse'"
expect_exit 0 "${S[@]}" lighthouse      # a correct word gets no suggestion
if grep -q "did you mean" err; then fail "suggestion for a correct word"; fi

# --- Synonyms from trawl-index --synonyms: ~word, or --synonyms for all.
expect_exit 1 "${S[@]}" halcyon
# The travelogue says "Kingfishers": the group of "kingfisher" applies to
# every inflection, and to a word no document holds.
expect_exit 0 "${S[@]}" -l '~halcyon'
expect_in out c/reports/river-travelogue.txt
expect_exit 0 "${S[@]}" -l '~halcyons'
expect_in out c/reports/river-travelogue.txt
expect_exit 0 "${S[@]}" -l --synonyms halcyon
expect_in out c/reports/river-travelogue.txt
# A group entry of several words is a phrase.
expect_exit 0 "${S[@]}" --debug -c '~samphire'
expect_in err '(sea PHRASE 2 asparagus)'
expect_exit 1 "${S[@]}" '~asparagus'      # its words alone are no synonyms
expect_exit 2 "$TRAWL_INDEX" --db "$WORK/db2" --synonyms /nonexistent c
expect_in err "--synonyms '/nonexistent': cannot read"
printf 'one two\n' > bad.txt
expect_exit 2 "$TRAWL_INDEX" --db "$WORK/db2" --synonyms bad.txt c
expect_in err "line 1: a group needs at least two entries, separated by commas"

# --- --no-stem: each word only as typed (case and accents still folded);
# synonyms apply as written in the group.
expect_ids "council-minutes.md fr-montreal-festival.txt harbour-bridge-concert.txt" concert
expect_ids "council-minutes.md harbour-bridge-concert.txt" --no-stem concert
expect_ids "fr-montreal-festival.txt" --no-stem CONCERTS
expect_exit 1 "${S[@]}" --no-stem '~halcyon'       # the travelogue says "Kingfishers"
expect_exit 0 "${S[@]}" -l --no-stem '~kingfishers'
expect_in out c/reports/river-travelogue.txt

# --- --stats: one line on stderr after the results; stdout as without it.
expect_exit 0 "${S[@]}" -l concert
cp out plain.out
expect_exit 0 "${S[@]}" -l --stats concert
cmp -s out plain.out || fail "--stats changed stdout"
expect_in err "trawl-search: 1 query, 3 matching documents, 3 shown, "
expect_exit 0 "${S[@]}" --stats --no-collapse bridge
expect_in err " matching documents, 6 shown, "
printf 'a\tconcert\nb\tlighthouse\n' > q.tsv
expect_exit 0 "${S[@]}" -c --stats --queries q.tsv
expect_in err "trawl-search: 2 queries, 7 matching documents, 0 shown, "
expect_in err " queries/s)"

# --- -m (grep's spelling of -n) and 0 for every match.
expect_exit 0 "${S[@]}" -l -m 2 bridge
[[ $(wc -l < out) == 2 ]] || fail "-m 2 printed $(wc -l < out) paths"
expect_exit 0 "${S[@]}" -l --max-count 0 --no-collapse bridge
[[ $(wc -l < out) == 6 ]] || fail "-m 0 printed $(wc -l < out) of the 6 bridge paths"
expect_exit 2 "${S[@]}" -n -1 bridge

# --- --hyperlink-format: OSC 8 links on the paths, only in coloured output.
expect_exit 0 "$TRAWL_SEARCH" --db "$DB" --color always --hyperlink-format vscode lighthouse
expect_in out $'\e]8;;vscode://file'"$WORK/c/news/lighthouse-restoration.txt:"
expect_exit 0 "${S[@]}" --hyperlink-format vscode lighthouse
grep -q $'\e' out && fail "--hyperlink-format without colour wrote escapes"
expect_exit 2 "${S[@]}" --hyperlink-format 'open:{file}' lighthouse
expect_in err "--hyperlink-format 'open:{file}': unknown field '{file}'"

# --- A query of excluded words alone: every document without them.
expect_exit 0 "${S[@]}" -c 'NOT bridge'
not_bridge=$(cat out)
expect_exit 0 "${S[@]}" -c -- -bridge
[[ "$(cat out)" == "$not_bridge" ]] || fail "-bridge counted $(cat out), NOT bridge $not_bridge"
expect_exit 0 "${S[@]}" -c bridge
[[ $(( $(cat out) + not_bridge )) -gt $not_bridge ]] || fail "bridge matched nothing"

# --- -g: paths as printed (relative to here), gitignore syntax, like trawl-index -g.
expect_ids "council-minutes.md harbour-bridge-closure-herald.md" -g '*.md' bridge
expect_ids "harbour-bridge-closure-herald.md" -g 'c/news/**' -g '!*.txt' bridge
expect_ids "council-minutes.md" -g '*.md' -g '!news/' bridge
(cd c/news && "${S[@]}" -l --no-collapse -g 'harbour-*' -g '!*concert*' bridge) > out
[[ "$(sort out | tr '\n' ' ')" == "harbour-bridge-closure-gazette.txt harbour-bridge-closure-herald.md " ]] ||
  fail "-g from a subfolder: $(tr '\n' ' ' < out)"

# --- Date and size ranges, filters.
expect_ids "brief-002 brief-003 brief-004" date:2024
expect_ids "brief-003 brief-004" date:2024-06..2024-12-31
expect_ids "bird-migration-notes.md brief-005 brief-006 fr-marche-de-noel.md river-flood-warning.txt" date:2025..
expect_ids "brief-001" date:2021..2023-12
expect_exit 1 "${S[@]}" date:..2019
expect_ids "bird-migration-notes.md brief-005 river-flood-warning.txt" --after 2025-01 --before 2025-06-30
expect_ids "brief-004" --after 2024-10 --before 2024 'date:2024'
expect_exit 1 "${S[@]}" 'date:2024-13..2025'
expect_in err "left out 'date:2024-13..2025': not a date or size range"
want=$(find c/reports -type f -size +10k -printf '%f\n' | sort | tr '\n' ' ' | sed 's/ $//')
expect_ids "$want" path:reports size:10k..
# Languages: from metadata (the marché's front matter) or guessed from the text.
expect_ids "fr-marche-de-noel.md fr-montreal-festival.txt" 'lang:fr'
expect_ids "de-fussball.txt de-strassenfest.txt" 'lang:de'
expect_ids "ja-bridge.txt" 'lang:ja'
expect_ids "ru-sanctions.txt" 'lang:ru'
expect_ids "zh-library.txt" 'lang:zh'
expect_ids "bird-migration-notes.md brief-002" 'author:"jonas lind" date:..2025-04-30'
# Filters restrict and never change the score of what they keep.
score_of() { "${S[@]}" --json --no-collapse "$@" | python3 -c '
import json, sys
for l in sys.stdin:
    d = json.loads(l)["data"]
    if d.get("id", "").endswith("harbour-bridge-closure-herald.md"): print(d["score"])'; }
a=$(score_of harbour bridge); b=$(score_of harbour bridge ext:md); c=$(score_of harbour bridge 'date:2020')
# (Equal up to rounding: Xapian may add the same parts in another order.)
python3 -c 'import sys; a, b, c = map(float, sys.argv[1:]); sys.exit(not (abs(a - b) < 1e-9 * a and abs(a - c) < 1e-9 * a))' \
  "${a:-nan}" "${b:-nan}" "${c:-nan}" || fail "filters changed the score: $a / $b / $c"

# --- Sorting.
sorted_by() {  # sorted_by FIELD ARGS...: the FIELD of each hit, in order
  local field=$1; shift
  "${S[@]}" --json --no-collapse -n 100 "$@" | python3 -c '
import json, sys
for l in sys.stdin:
    d = json.loads(l)
    if d["type"] == "hit": print(d["data"].get(sys.argv[1], ""))' "$field"
}
sorted_by date --sort date date:2023.. > got && sort got | cmp -s - got || fail "--sort date is not ascending"
[[ $(wc -l < got) -eq 9 ]] || fail "--sort date date:2023..: $(wc -l < got) hits, want 9"
sorted_by date --sort date --reverse date:2023.. > got && sort -r got | cmp -s - got || fail "--sort date --reverse"
sorted_by path --sort path harbour > got && LC_ALL=C sort got | cmp -s - got || fail "--sort path"
sorted_by size --sort size --reverse harbour > got && sort -rn got | cmp -s - got || fail "--sort size --reverse"
expect_exit 2 "${S[@]}" --reverse harbour
expect_in err "--reverse needs --sort date, modified, path or size"
# --sort modified: the files' own mtimes; --sortr KEY = --sort KEY --reverse.
mkdir m && for i in 1 2 3; do echo "walrus $i" > "m/$i.txt"; done
touch -d 2023-01-01 m/1.txt && touch -d 2021-01-01 m/2.txt && touch -d 2022-01-01 m/3.txt
expect_exit 0 "$TRAWL_INDEX" --db "$WORK/mdb" -q m
expect_exit 0 "$TRAWL_SEARCH" --db "$WORK/mdb" -l --sort modified walrus
[[ "$(tr '\n' ' ' < out)" == "m/2.txt m/3.txt m/1.txt " ]] || fail "--sort modified: $(tr '\n' ' ' < out)"
expect_exit 0 "$TRAWL_SEARCH" --db "$WORK/mdb" -l --sortr modified walrus
[[ "$(tr '\n' ' ' < out)" == "m/1.txt m/3.txt m/2.txt " ]] || fail "--sortr modified: $(tr '\n' ' ' < out)"
expect_exit 2 "${S[@]}" --sort colour harbour

# --- Facets: counts of all matching documents, in the order asked for.
expect_exit 0 "${S[@]}" -c --facets year,author date:2023..2025
cat > want <<'EOF'
9
year: 2025 5, 2024 3, 2023 1
author: Jonas Lind 3, Ana Ferreira 2, Priya Nair 2, Claire Dubois 1
EOF
cmp -s want out || { fail "facets"; diff want out >&2; }
"${S[@]}" --json --facets ext,lang date:2025 > out
python3 - out <<'PY' || fail "facets in JSON"
import json, sys
s = [json.loads(l)["data"] for l in open(sys.argv[1]) if '"summary"' in l][0]
assert s["facets"] == {"ext": {"jsonl": 2, "md": 2, "txt": 1}, "lang": {"en": 4, "fr": 1}}, s["facets"]
PY
# --estimate: Xapian's bounds instead of an exact count.
expect_exit 0 "${S[@]}" -c --estimate harbour
grep -Eq '^[0-9]+( \(between [0-9]+ and [0-9]+\))?$' out || fail "-c --estimate: $(cat out)"
expect_exit 2 "${S[@]}" --facets colour harbour
expect_in err "unknown facet 'colour'"

# --- Near-duplicates: the two closure stories fold; the concert does not.
"${S[@]}" --json harbour bridge > out
python3 - out <<'PY' || fail "near-duplicate folding"
import json, sys
hits = [json.loads(l)["data"] for l in open(sys.argv[1]) if '"hit"' in l]
names = [h["path"].rsplit("/", 1)[1] for h in hits]
assert "harbour-bridge-closure-herald.md" not in names, names
g = hits[names.index("harbour-bridge-closure-gazette.txt")]
assert [s["path"].rsplit("/", 1)[1] for s in g["similar"]] == ["harbour-bridge-closure-herald.md"], g
c = hits[names.index("harbour-bridge-concert.txt")]
assert c["similar"] == [], c
PY
expect_exit 0 "${S[@]}" harbour bridge
expect_in out "+ 1 similar: c/news/harbour-bridge-closure-herald.md"
expect_exit 0 "${S[@]}" -l --no-collapse harbour bridge
expect_in out c/news/harbour-bridge-closure-herald.md

# --- More like this.
[[ $(json_ids --no-collapse --like c/news/harbour-bridge-closure-gazette.txt | head -n 1) == \
   harbour-bridge-closure-herald.md ]] || fail "--like gazette: herald is not first"
[[ $(json_ids --like brief-006 | head -n 1) != brief-006 ]] || fail "--like lists the document itself"
expect_ids "harbour-bridge-closure-herald.md" --no-collapse --like c/news/harbour-bridge-closure-gazette.txt ext:md swing
expect_exit 2 "${S[@]}" --like c/no/such.txt
expect_in err "--like: no document 'c/no/such.txt'"

# --- Explain and debug.
expect_exit 0 "${S[@]}" --explain -n 1 kingfisher canoe
expect_in out "canoe [canoe]"
# A CJK word found inside another (通行止め) scores by its character pairs.
expect_exit 0 "${S[@]}" --explain -n 1 通行止
expect_in out "characters: 通行 [XC通行]"
"${S[@]}" --json --explain -n 3 kingfisher canoe > out
python3 - out <<'PY' || fail "--explain contributions add up to the score"
import json, sys
hits = [json.loads(l)["data"] for l in open(sys.argv[1]) if '"hit"' in l]
assert hits
for h in hits:
    total = sum(c["weight"] for c in h["explain"])
    assert abs(total - h["score"]) < 1e-6 * max(1, h["score"]), (total, h["score"])
    assert all(c["matched"] for c in h["explain"]), h["explain"]
PY
"${S[@]}" -l canoe > plain
expect_exit 0 "${S[@]}" -l --debug canoe
cmp -s plain out || fail "--debug changed stdout"
expect_in err "parsed query: Query("

# --- Passages and --vimgrep: each line:column points at a match in the file.
expect_exit 0 "${S[@]}" --passages 3 -n 1 canoe
[[ $(grep -c '^   [0-9]*: ' out) -eq 3 ]] || fail "--passages 3: want 3 numbered passages"
expect_exit 0 "${S[@]}" --vimgrep --passages 3 'canoe OR "expansion joints"'
[[ $(wc -l < out) -ge 4 ]] || fail "--vimgrep: too few lines"
while IFS=: read -r path line col _; do
  word=$(sed -n "${line}p" "$path" | cut -c"${col}"- | cut -d' ' -f1 | tr 'A-Z' 'a-z')
  [[ "$path" == *.md || "$word" == canoe* || "$word" == expansion* ]] ||
    fail "--vimgrep $path:$line:$col points at '$word'"
done < out

# --- --no-snippets: rank, title, path and score only; --snippets undoes it.
"${S[@]}" -n 3 harbour > with.txt
expect_exit 0 "${S[@]}" -n 3 --no-snippets harbour
# The same output less the passage line under each path line.
awk 'after_path { after_path = 0; next } { print } / \(score [0-9.]+\)$/ { after_path = 1 }' with.txt > without.txt
cmp -s out without.txt && [[ $(wc -l < out) -lt $(wc -l < with.txt) ]] \
  && pass "--no-snippets drops the passage lines" || fail "--no-snippets: $(cat out)"
expect_exit 0 "${S[@]}" -n 3 --no-snippets --snippets harbour
cmp -s out with.txt && pass "--snippets undoes --no-snippets" || fail "--no-snippets --snippets differs"
expect_exit 0 "${S[@]}" --json -n 1 --no-snippets harbour
expect_in out '"snippet":"","highlights":[],"title_highlights":[[24,31]],"passages":[]'

# --- -t/-T: file types by extension, as trawl-index -t (file_types.h).
expect_ids "cheese-cooperative.md council-minutes.md harbour-bridge-closure-herald.md reading-list.md software-release.md" -t md harbour
expect_ids "cheese-cooperative.md council-minutes.md harbour-bridge-closure-herald.md reading-list.md software-release.md" -t markdown -t md harbour
expect_ids "brief-005 conf-05" -T md -T text harbour
all=$("${S[@]}" -c --no-collapse harbour); md=$("${S[@]}" -c -t md --no-collapse harbour); rest=$("${S[@]}" -c -T md --no-collapse harbour)
[[ $((md + rest)) -eq $all && $md -gt 0 && $rest -gt 0 ]] && pass "-t md + -T md = all" || fail "-t/-T counts: $md + $rest != $all"
expect_exit 0 "${S[@]}" -c -t jsonl   # a type alone is a query: every JSON Lines record
expect_in out "11"
expect_exit 2 "${S[@]}" -t jpeg harbour
expect_in err "trawl-search: error: -t 'jpeg': unknown file type (see --type-list)"
expect_exit 0 "$TRAWL_SEARCH" --type-list
expect_in out "markdown (md): *.markdown, *.md, *.mdown"

# --- Accents (FEATURES.md #5): a word typed with marks finds that spelling
# only; typed without, every spelling; --fold-accents folds it anyway.
mkdir acc
printf 'Envoyez votre résumé avant lundi.\n' > acc/a.txt
printf 'Please resume the meeting after lunch.\n' > acc/b.txt
printf 'Le RÉSUMÉ des débats est publié.\n' > acc/c.txt
expect_exit 0 "$TRAWL_INDEX" --db acc.db acc
A=("$TRAWL_SEARCH" --db acc.db --color never -l)
while IFS='|' read -r want args; do
  read -ra argv <<< "$args"
  got=$("${A[@]}" "${argv[@]}" 2>/dev/null | sed 's|.*/||' | sort | tr '\n' ' ' | sed 's/ $//')
  if [[ "$got" == "$want" ]]; then pass "accents: $args"; else fail "accents: $args: '$got', want '$want'"; fi
done <<'TABLE'
a.txt c.txt|résumé
a.txt c.txt|RÉSUMÉ
a.txt b.txt c.txt|resume
a.txt b.txt c.txt|--fold-accents résumé
a.txt c.txt|--fold-accents --no-fold-accents résumé
c.txt|"résumé des"
a.txt b.txt c.txt|résu*
|café
TABLE
"${A[@]}" --color always --no-fold-accents -l résumé > /dev/null  # flags parse together
"$TRAWL_SEARCH" --db acc.db --color always résumé > out
expect_in out $'\e[1;31mRÉSUMÉ'

# --- -C N: passages of whole lines, numbered as grep -C does.
mkdir ctx
printf 'Notes\n\nfirst line\nthe harbour gate\nlast line\nmore\nharbour again\n' > ctx/lines.txt
expect_exit 0 "$TRAWL_INDEX" --db ctx.db ctx
expect_exit 0 "$TRAWL_SEARCH" --db ctx.db --color never -C 1 harbour
expect_in out $'   3-first line\n   4:the harbour gate\n   5-last line\n'
expect_exit 0 "$TRAWL_SEARCH" --db ctx.db --color never -C 0 --passages 2 harbour
expect_in out $'   4:the harbour gate\n   --\n   7:harbour again\n'
expect_exit 0 "$TRAWL_SEARCH" --db ctx.db --color never -C 1 --passages 2 --vimgrep harbour
expect_in out $'ctx/lines.txt:4:5:the harbour gate\nctx/lines.txt:7:1:harbour again\n'
expect_exit 0 "$TRAWL_SEARCH" --db ctx.db --json -C 1 harbour
expect_in out '"text":"first line\nthe harbour gate\nlast line","line":4,"column":5'
expect_in out '"first_line":3'
expect_exit 2 "$TRAWL_SEARCH" --db ctx.db -C -1 harbour
expect_exit 0 "$TRAWL_SEARCH" --db ctx.db --color never -A 1 -C 0 harbour
expect_in out $'\n   4:the harbour gate\n   5-last line\n\n'
expect_exit 0 "$TRAWL_SEARCH" --db ctx.db --color never -B 1 harbour
expect_in out $'\n   3-first line\n   4:the harbour gate\n\n'
# The title line is line 1 as written, and a match in it is a match line.
expect_exit 0 "$TRAWL_SEARCH" --db ctx.db --color never -C 1 notes
expect_in out $'\n   1:Notes\n   2-\n'

# --- --colors: ripgrep's specs; the defaults unchanged without them.
expect_exit 0 "$TRAWL_SEARCH" --db ctx.db --color always -C 0 harbour
expect_in out $'\e[32m4:\e[0mthe \e[1;31mharbour\e[0m gate'
expect_exit 0 "$TRAWL_SEARCH" --db ctx.db --color always -C 0 --colors match:fg:blue --colors match:style:nobold --colors line:none harbour
expect_in out $'4:\e[0mthe \e[34mharbour\e[0m gate'
expect_exit 2 "$TRAWL_SEARCH" --db ctx.db --colors match:fg:purple harbour
expect_in err "--colors 'match:fg:purple': expected"

# --- A path that is not UTF-8 keeps its bytes in JSON: "path_bytes"
# (base64) beside the display form, in both programs' --json.
mkdir odd && printf 'Odd\n\nkelp forest\n' > odd/$'caf\xe9.txt'
expect_exit 0 "$TRAWL_INDEX" --db odd.db --json odd
cp out index.json
expect_exit 0 "$TRAWL_SEARCH" --db odd.db --json kelp
python3 - index.json out <<'PY' && pass "path_bytes round-trips" || fail "path_bytes"
import base64, json, sys
want = b"odd/caf\xe9.txt"
for name in sys.argv[1:]:
    found = [json.loads(l)["data"] for l in open(name, encoding="utf-8") if '"path_bytes"' in l]
    assert found and base64.b64decode(found[0]["path_bytes"]) == want, (name, found)
    assert found[0]["path"] == "odd/caf\ufffd.txt", found[0]["path"]
PY

# --- Freshness: a folder changed after the index run is reported.
expect_exit 0 "${S[@]}" -c harbour
if grep -q "changed since" err; then fail "stale warning right after indexing"; fi
printf 'New note\n\nharbour\n' > c/notes/new.txt
expect_exit 0 "${S[@]}" -c harbour
expect_in err "1 indexed folder changed since the last trawl-index run"
"${S[@]}" --json harbour > out
expect_in out '"stale":1'
expect_exit 0 "$TRAWL_INDEX" --db "$DB" c
expect_exit 0 "${S[@]}" -c harbour
if grep -q "changed since" err; then fail "stale warning after re-indexing"; fi

finish
