# The format samples of tests/data/formats through the real binaries: each
# file's title and words (MANIFEST.tsv), skips and failures with their
# messages, JSON events, --files and --debug.
source "$(dirname "$0")/lib.sh"
DATA=$TRAWL_SOURCE/tests/data
cp -r "$DATA/formats" corpus
rm corpus/MANIFEST.tsv corpus/make_files.py corpus/pdf/make_pdfs.py  # not samples
DB=$WORK/db

expect_exit 1 "$TRAWL_INDEX" --db "$DB" corpus
cp err index.err
expect_in index.err "trawl-index: error: 'corpus/pdf/damaged.pdf': damaged or not a PDF"
expect_in index.err "trawl-index: error: 'corpus/email/not-a-message.eml': not an e-mail message"
expect_in index.err "trawl-index: warning: 'corpus/pdf/scan.pdf': skipped: no text layer"
expect_in index.err "skipped"
expect_in index.err "binary"
expect_in index.err "trawl-index: error: 'corpus/office/broken.docx': not a ZIP package ("
expect_in index.err "trawl-index: error: 'corpus/other/bad.gz': cannot decompress: "

# Each row: the title is extracted and every word finds the file.
# (Empty cells become "-": read would merge consecutive tabs.)
sed -e 's/\t\t/\t-\t/g' -e 's/\t$/\t-/' "$DATA/formats/MANIFEST.tsv" > manifest
while IFS=$'\t' read -r path title words absent; do
  [[ -z "$path" || "$path" == \#* ]] && continue
  [[ "$title" == - ]] && title=""
  [[ "$absent" == - ]] && absent=""
  first=${words%%,*}
  IFS=, read -ra list <<< "$words"
  for w in "${list[@]}"; do
    "$TRAWL_SEARCH" --db "$DB" -l --no-collapse -n 100 "$w" > hits 2>/dev/null
    grep -qxF "corpus/$path" hits && pass "$w finds $path" || fail "$w does not find $path"
  done
  IFS=, read -ra list <<< "$absent"
  for w in "${list[@]}"; do
    "$TRAWL_SEARCH" --db "$DB" -l --no-collapse -n 100 "$w" > hits 2>/dev/null
    grep -qxF "corpus/$path" hits && fail "$w finds $path" || pass "$w does not find $path"
  done
  "$TRAWL_SEARCH" --db "$DB" --json --no-collapse -n 100 "$first" > hits.json 2>/dev/null
  python3 - "$path" "$title" hits.json <<'PY' || fail "title of $path is not '$title'"
import json, sys
path, title, hits = sys.argv[1], sys.argv[2], sys.argv[3]
for line in open(hits):
    r = json.loads(line)
    if r["type"] == "hit" and r["data"]["path"] == "corpus/" + path:
        assert r["data"]["title"] == title, r["data"]["title"]
        sys.exit(0)
sys.exit(1)
PY
done < manifest

# Field filters: they restrict, they do not change the ranking.
f() { "$TRAWL_SEARCH" --db "$DB" -l --no-collapse -n 100 "$@" 2>/dev/null | sort | tr '\n' ' '; }
[[ "$(f 'ext:pdf')" == "corpus/pdf/latin1.pdf corpus/pdf/report.pdf " ]] || fail "ext:pdf gave $(f ext:pdf)"
[[ "$(f 'harbour type:pdf')" == "corpus/pdf/report.pdf " ]] || fail "type:pdf"
[[ "$(f 'type:html lang:de')" == "corpus/html/utf8.html " ]] || fail "type:html lang:de gave $(f 'type:html lang:de')"
[[ "$(f 'author:leclerc')" == "corpus/email/qp-latin1.eml " ]] || fail "author:leclerc"
[[ "$(f 'author:Varga path:markdown')" == "corpus/markdown/front-matter.md " ]] || fail "author:Varga path:markdown"
[[ "$(f 'holidays')" == "corpus/email/html-only.eml corpus/email/mailbox.mbox " ]] || fail "holidays gave $(f holidays)"
[[ "$(f 'holidays -path:email')" == "" ]] || fail "-path:email gave $(f 'holidays -path:email')"
[[ "$(f 'tags:navigation')" == "corpus/markdown/front-matter.md " ]] || fail "tags:navigation"
s1=$("$TRAWL_SEARCH" --db "$DB" --json harbour | grep report.pdf | grep -o '"score":[0-9.e-]*')
s2=$("$TRAWL_SEARCH" --db "$DB" --json 'harbour ext:pdf' | grep report.pdf | grep -o '"score":[0-9.e-]*')
[[ -n "$s1" && "$s1" == "$s2" ]] || fail "a filter changed the score ($s1 vs $s2)"

# Archive members: shown as "archive #member", of their own type and of
# type archive; their JSON id is the member's name.
expect_exit 0 "$TRAWL_SEARCH" --db "$DB" --color never --no-collapse regatta
expect_in out "corpus/archive/bundle.zip #notes/plan.md"
[[ "$(f 'regatta type:markdown')" == "corpus/archive/bundle.zip " ]] || fail "type:markdown misses a member"
[[ "$(f regatta -t archive)" == "corpus/archive/bundle.zip " ]] || fail "-t archive misses a member"
[[ "$(f regatta -T archive)" == "" ]] || fail "-T archive keeps a member"
[[ "$(f heron -t text)" == "corpus/text/diary.txt.gz " ]] || fail "-t text misses diary.txt.gz"
[[ "$(f lighthouse -t office)" == "corpus/office/report.docx " ]] || fail "-t office gave $(f lighthouse -t office)"
"$TRAWL_SEARCH" --db "$DB" --json --no-collapse walrus > out
expect_in out '"id":"data.jsonl#a"'
expect_in out '"format":"jsonl"'
# An archive inside an archive is opened: its members are "#inner#member".
expect_exit 0 "$TRAWL_SEARCH" --db "$DB" --color never nestedarchiveword
expect_in out "corpus/archive/bundle.zip #inner.zip#deep/note.txt"

# --json: one event per file, a summary last; valid JSON throughout.
rm -rf "$DB"
"$TRAWL_INDEX" --db "$DB" --json corpus > events.json 2> events.err
python3 - events.json <<'PY' || fail "JSON events"
import json, sys
events = [json.loads(l) for l in open(sys.argv[1])]
kinds = {}
for e in events:
    kinds.setdefault(e["type"], []).append(e["data"])
assert events[-1]["type"] == "summary", events[-1]
assert any(d["path"] == "corpus/pdf/damaged.pdf" for d in kinds["failed"])
assert any(d["path"] == "corpus/other/blob.dat" and d["reason"] == "binary" for d in kinds["skipped"])
assert any(d["path"] == "corpus/text/cp1251.txt" and d["encoding"] == "windows-1251" for d in kinds["indexed"])
# damaged.pdf, not-a-message.eml, broken.docx, bad.gz, and a damaged zip
# inside bundle.zip (a member that fails, as a bad JSON line)
assert events[-1]["data"]["failed"] == 5
assert any(d["path"] == "corpus/archive/bundle.zip" and d["reason"].startswith("inner.zip#broken.zip: not a readable archive") for d in kinds["failed"])
assert any(d["path"] == "corpus/archive/bundle.zip" and d["format"] == "archive" and d["documents"] == 5 for d in kinds["indexed"])
PY
expect_empty events.err

# --files lists what would be indexed and writes nothing.
expect_exit 0 "$TRAWL_INDEX" --db "$WORK/none" --files corpus
expect_in out corpus/other/notes.xyz
expect_in out corpus/pdf/report.pdf
grep -q blob.dat out && fail "--files lists a binary file"
[[ -e "$WORK/none" ]] && fail "--files created a database"

# --debug names every skipped file with its reason; files whose content
# failed on the first run are skipped while unchanged (exit 0).
expect_exit 0 "$TRAWL_INDEX" --db "$DB" --debug corpus
expect_in err "'corpus/other/blob.dat': skipped: binary"
expect_in err "'corpus/pdf/damaged.pdf': skipped: failed before (damaged or not a PDF"

# JSON mapping flags.
cp -r "$DATA/mapped" mapped
expect_exit 0 "$TRAWL_INDEX" --db "$WORK/mapped.db" --jsonl-id doc --jsonl-title headline --jsonl-text content mapped
"$TRAWL_SEARCH" --db "$WORK/mapped.db" --json strike > out
expect_in out '"id":"m1"'
expect_in out '"title":"Rail strike ends"'
expect_in out '"region":"north"'
expect_in out '"author":"Ola Berg"'
expect_in out '"date":"2021-03-05"'
expect_exit 0 "$TRAWL_SEARCH" --db "$WORK/mapped.db" region:north
expect_exit 1 "$TRAWL_SEARCH" --db "$WORK/mapped.db" region:south

# A Maildir folder: messages have no extension (sniffed as e-mail), and a
# mail program renames them as they are read and answered (new/X ->
# cur/X:2,S -> cur/X:2,RS): each rename is a move, never a new extraction.
msg=1700000001.M12P345.mailhost
mkdir -p maildir/new maildir/cur
cp "$DATA/formats/email/maildir/cur/$msg" maildir/new/
expect_exit 0 "$TRAWL_INDEX" --db "$WORK/mail.db" maildir
mv "maildir/new/$msg" "maildir/cur/$msg:2,S"
expect_exit 0 "$TRAWL_INDEX" --db "$WORK/mail.db" --json maildir
expect_in out '{"type":"moved","data":{"from":"maildir/new/'"$msg"'","path":"maildir/cur/'"$msg"':2,S"}}'
mv "maildir/cur/$msg:2,S" "maildir/cur/$msg:2,RS"
expect_exit 0 "$TRAWL_INDEX" --db "$WORK/mail.db" --json maildir
expect_in out '"moved":1'
expect_in out '"added":0'
"$TRAWL_SEARCH" --db "$WORK/mail.db" --json 'slipway from:dora' > out
expect_in out '"path":"maildir/cur/'"$msg"':2,RS","title":"Slipway repairs"'

# -t email takes Maildir messages by their folder and delivery name, even
# from a host whose name ends like a file type (".org" is Org text).
mkdir -p typed/cur
cp "$DATA/formats/email/maildir/cur/$msg" "typed/cur/1700000002.M1P2.mx.example.org:2,S"
echo "Slipway notes kept as text" > typed/notes.txt
expect_exit 0 "$TRAWL_INDEX" --db "$WORK/typed.db" --json -t email typed
expect_in out '"added":1'
"$TRAWL_SEARCH" --db "$WORK/typed.db" --json 'slipway from:dora' > out
expect_in out '"title":"Slipway repairs"'

# A mail folder that only grew (new mail at the end, as mail programs
# write it) is read from where it ended: one new message, one document
# made, numbered after the others. A folder changed before its end (a
# message deleted and the folder compacted) is read whole again.
mkdir -p grow
msg_of() { printf 'From %s@example.org Mon Jan  1 00:00:00 2024\nSubject: %s\n\n%s\n\n' "$1" "$2" "$3"; }
{ msg_of ada one growfirstword; msg_of bo two growsecondword; } > grow/Inbox
expect_exit 0 "$TRAWL_INDEX" --db "$WORK/grow.db" grow
msg_of cy three growthirdword >> grow/Inbox
expect_exit 0 "$TRAWL_INDEX" --db "$WORK/grow.db" --dry-run grow
expect_in out "append grow/Inbox (from byte "
expect_exit 0 "$TRAWL_INDEX" --db "$WORK/grow.db" grow
expect_in err "trawl-index: indexed 1 document from 1 file (0 added, 1 updated"
"$TRAWL_SEARCH" --db "$WORK/grow.db" --json growthirdword > out
expect_in out '"id":"3","path":"grow/Inbox","title":"three"'
expect_exit 0 "$TRAWL_SEARCH" --db "$WORK/grow.db" growfirstword
{ msg_of ada one growfirstword; msg_of cy three growthirdword; } > grow/Inbox
msg_of di four growfourthword >> grow/Inbox
expect_exit 0 "$TRAWL_INDEX" --db "$WORK/grow.db" grow
expect_in err "trawl-index: indexed 3 documents from 1 file (0 added, 1 updated"
expect_exit 1 "$TRAWL_SEARCH" --db "$WORK/grow.db" growsecondword
[[ "$("$TRAWL_SEARCH" --db "$WORK/grow.db" -c --no-collapse 'growfirstword OR growthirdword OR growfourthword')" == 3 ]] ||
  fail "the compacted folder does not hold its 3 messages once each"
# A folder whose last message lacks the closing blank line, grown with the
# blank line first, is appended to as well (read whole before the
# thirteenth session).
printf 'From ada@example.org Mon Jan  1 00:00:00 2024\nSubject: one\n\nnoblankfirst\n' > grow/Sent
expect_exit 0 "$TRAWL_INDEX" --db "$WORK/grow.db" grow
sent_size=$(stat -c %s grow/Sent)
printf '\nFrom bo@example.org Mon Jan  1 00:00:00 2024\nSubject: two\n\nnoblanksecond\n\n' >> grow/Sent
expect_exit 0 "$TRAWL_INDEX" --db "$WORK/grow.db" --dry-run grow
expect_in out "append grow/Sent (from byte $((sent_size + 1)))"
expect_exit 0 "$TRAWL_INDEX" --db "$WORK/grow.db" grow
expect_in err "trawl-index: indexed 1 document from 1 file (0 added, 1 updated"
"$TRAWL_SEARCH" --db "$WORK/grow.db" --json noblanksecond > out
expect_in out '"id":"2","path":"grow/Sent","title":"two"'
expect_exit 0 "$TRAWL_SEARCH" --db "$WORK/grow.db" noblankfirst

# A long text file that only grew (a log) is read from where it ended too:
# its new lines are parts after the old ones (text_parts.h), with the
# log's title and their own line numbers; the old parts are kept.
mkdir -p growlog
python3 - <<'PY'
with open("growlog/app.log", "w") as f:
    f.write("Harbour crane log\n\n")
    for i in range(8000):
        f.write("crane %d lifted a container oldlogword\n" % i)
PY
expect_exit 0 "$TRAWL_INDEX" --db "$WORK/growlog.db" --memory 16M growlog
parts_before=$("$TRAWL_SEARCH" --db "$WORK/growlog.db" -c --no-collapse crane)
[[ $parts_before -ge 2 ]] || fail "a 320 KB log at --memory 16M is $parts_before documents, not parts"
printf 'crane late lifted newlogword\n' >> growlog/app.log
expect_exit 0 "$TRAWL_INDEX" --db "$WORK/growlog.db" --memory 16M --dry-run growlog
expect_in out "append growlog/app.log (from byte "
expect_exit 0 "$TRAWL_INDEX" --db "$WORK/growlog.db" --memory 16M --json growlog
expect_in out '"action":"appended","format":"text"'
"$TRAWL_SEARCH" --db "$WORK/growlog.db" --vimgrep newlogword > out
expect_in out "growlog/app.log:$(grep -c '' growlog/app.log):19:crane late lifted newlogword"
"$TRAWL_SEARCH" --db "$WORK/growlog.db" --json newlogword > out
expect_in out '"title":"Harbour crane log"'
[[ "$("$TRAWL_SEARCH" --db "$WORK/growlog.db" -c --no-collapse crane)" == $((parts_before + 1)) ]] ||
  fail "the grown log is not its old parts and one more"
[[ "$("$TRAWL_SEARCH" --db "$WORK/growlog.db" -c --no-collapse oldlogword)" == "$parts_before" ]] ||
  fail "the grown log's old parts were made again or lost"

# --encoding forces one; an unknown one is a usage error.
expect_exit 2 "$TRAWL_INDEX" --db "$WORK/e.db" --encoding klingon-8 corpus
expect_in err "unknown encoding"

finish
