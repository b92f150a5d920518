# trawl-index --store-text: a long text that is its file's bytes (LF or
# CRLF lines) is read back from the file for snippets, not copied (a
# smaller index); a file changed or gone since indexing loses its snippet,
# with a warning naming it, never shows wrong text; `all` keeps copies.
source "$(dirname "$0")/lib.sh"

# 3,000 distinct lines (about 200 KB), with `rare` on line 2,500.
make_text() {  # $1 = file, $2 = rare word, $3 = line end
  python3 - "$1" "$2" "$3" <<'PY'
import sys
path, rare, end = sys.argv[1], sys.argv[2], sys.argv[3].encode().decode("unicode_escape")
lines = ["Long file", ""]
lines += ["line %d of the harbour log, ferry %d crossed" % (k, k * 7) for k in range(1, 3001)]
lines[2501] += " " + rare
with open(path, "w", newline="", encoding="latin-1" if rare == "cafe" else "utf-8") as f:
    f.write(end.join(lines) + end)
PY
}
mkdir d
make_text d/lf.txt quokka '\n'
make_text d/crlf.txt wombat '\r\n'
make_text d/latin.txt cafe '\n'
printf 'Long latin file\n\nun caf\xe9 noir\n' >> d/latin.txt  # not UTF-8: converted, so copied
printf 'Short note\n\nnumbat in a short text\n' > d/short.txt
expect_exit 0 "$TRAWL_INDEX" -q --db db d
expect_exit 0 "$TRAWL_INDEX" -q --db copies --store-text all d

# Snippets come from the files, with their own line numbers.
for w in quokka wombat cafe; do
  expect_exit 0 "$TRAWL_SEARCH" --db db --vimgrep "$w"
  expect_in out "crossed $w"
done
expect_exit 0 "$TRAWL_SEARCH" --db db --vimgrep numbat
expect_in out "numbat in a short text"
expect_exit 0 "$TRAWL_SEARCH" --db db --vimgrep quokka
expect_in out "d/lf.txt:2502:"
expect_in out "ferry 17500 crossed quokka"
expect_exit 0 "$TRAWL_SEARCH" --db db -C 1 wombat
expect_in out "2502:line 2500 of the harbour log, ferry 17500 crossed wombat"
expect_in out "2503-line 2501"
expect_empty err
expect_exit 0 "$TRAWL_SEARCH" --db copies --vimgrep quokka
expect_in out "d/lf.txt:2502:"

# The two long UTF-8 texts are not in the index: only the Latin-1 one's
# pieces are (xapian-metadata lists the keys; each text has its anchors).
if command -v xapian-metadata >/dev/null; then
  pieces() { xapian-metadata list "$(live_db "$1")" trawl.text: | grep -c ':[0-9]*$'; }
  anchors() { xapian-metadata list "$(live_db "$1")" trawl.text: | grep -c ':a$'; }
  [[ $(anchors db) -eq 3 && $(anchors copies) -eq 3 ]] && pass "3 long texts in each" ||
    fail "long texts: $(anchors db) and $(anchors copies), want 3"
  (( $(pieces db) > 0 && $(pieces db) * 3 == $(pieces copies) )) &&
    pass "pieces of 1 text without copies, of 3 with" ||
    fail "pieces: $(pieces db) without copies, $(pieces copies) with"
fi

# A file changed since indexing: the hit stays, its snippet goes, and a
# warning names the file (exit 0: results were found).
sed -i 's/crossed quokka/crossed QUOKKA/' d/lf.txt
expect_exit 0 "$TRAWL_SEARCH" --db db --json quokka
expect_in out '"path":"d/lf.txt"'
expect_in out '"snippet":""'
expect_in out '"changed":true'
expect_in err "trawl-search: warning: '$WORK/d/lf.txt': changed or gone since it was indexed: snippet left out"
expect_exit 0 "$TRAWL_SEARCH" --db db quokka
expect_in out "   (changed since it was indexed)"
# A piece the change did not touch still reads.
expect_exit 0 "$TRAWL_SEARCH" --db db --vimgrep '"line 10 of the harbour log"'
expect_in out "d/lf.txt:12:"
# Copies keep the indexed text.
expect_exit 0 "$TRAWL_SEARCH" --db copies --vimgrep quokka
expect_in out "crossed quokka"
# A CRLF file turned into LF lines, and a file gone.
sed -i 's/\r$//' d/crlf.txt
expect_exit 0 "$TRAWL_SEARCH" --db db --vimgrep wombat
expect_in err "d/crlf.txt': changed or gone"
rm d/short.txt
expect_exit 0 "$TRAWL_SEARCH" --db db --vimgrep numbat  # a short text lives in its record
expect_in out "numbat in a short text"

# The next run makes them whole again, though lf.txt kept its size and may
# keep its mtime (edited in the second it was indexed: compared by content).
expect_exit 0 "$TRAWL_INDEX" -q --db db d
expect_exit 0 "$TRAWL_SEARCH" --db db --json QUOKKA
expect_in out "crossed QUOKKA"
if grep -q '"changed"' out; then fail "a re-indexed file still marked changed"; else pass "not changed"; fi
expect_empty err
expect_exit 0 "$TRAWL_SEARCH" --db db --vimgrep wombat
expect_in out "d/crlf.txt:2502:"
expect_empty err

# A file rewritten with its size and mtime in the second a run started is
# still read again by the next run (racily clean, as git calls it).
printf 'Racy note\n\nfirst words\n' > d/racy.txt
touch -d "@$(( $(date +%s) + 5 ))" d/racy.txt  # (not before the run's second, whenever it starts)
expect_exit 0 "$TRAWL_INDEX" -q --db db d
stamp=$(stat -c %Y d/racy.txt)
printf 'Racy note\n\nsecond word\n' > d/racy.txt
touch -d "@$stamp" d/racy.txt
expect_exit 0 "$TRAWL_INDEX" -q --db db d
expect_exit 0 "$TRAWL_SEARCH" --db db -l second
expect_in out "d/racy.txt"

# A log that grew is appended to; its old parts still read from the file.
python3 - <<'PY'
lines = ["Harbour log", ""] + ["entry %d of the harbour log, ferry %d crossed the bay" % (k, k * 7)
                                for k in range(1, 50001)]
lines[101] += " narwhal"    # part 1
lines[45001] += " dugong"   # part 2 (2.6 MB: parts of 2 MiB)
open("d/app.log", "w").write("\n".join(lines) + "\n")
PY
expect_exit 0 "$TRAWL_INDEX" -q --db db d
printf 'appended line with a platypus\n' >> d/app.log
expect_exit 0 "$TRAWL_INDEX" --db db d
expect_in err "1 updated"
expect_exit 0 "$TRAWL_SEARCH" --db db --vimgrep platypus
expect_in out "d/app.log:50003:"
expect_exit 0 "$TRAWL_SEARCH" --db db --vimgrep narwhal dugong --or --no-collapse
expect_in out "d/app.log:102:"
expect_in out "crossed the bay narwhal"
expect_in out "d/app.log:45002:"
expect_in out "crossed the bay dugong"
expect_empty err

# Another --store-text than the last run's applies to files indexed from
# then on: a warning says so (not with --force, which makes them all again).
mkdir e; make_text e/t.txt quokka '\n'
expect_exit 0 "$TRAWL_INDEX" -q --db switch e
expect_exit 0 "$TRAWL_INDEX" -q --db switch --store-text all e
expect_in err "trawl-index: warning: 'switch': --store-text all (was auto): applies to the files indexed from now on; --force indexes the others again"
expect_exit 0 "$TRAWL_INDEX" -q --db switch --store-text all e
expect_empty err
expect_exit 0 "$TRAWL_INDEX" -q --db switch --force e
expect_empty err
finish
