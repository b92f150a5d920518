# The indexer cases I1-I20 of the reliability plan (../shared/docs/
# RELIABILITY.md, section I; summarised in docs/reliability.md). Each case
# builds its input in its own folder and indexes it alone, so a case that
# misbehaves is named. Common rule for every case: exit 0 or 1 within its
# time bound, peak RSS under the bound, xapian-check clean, and the good
# file beside the bad input still found.
source "$(dirname "$0")/lib.sh"
command -v xapian-check >/dev/null || skip "xapian-check is not installed (xapian-tools)"
# Memory bound (KiB of peak RSS); sanitizer builds use about 3 times more,
# and more the longer a run frees memory (ASan keeps freed blocks in
# quarantine): I17, whose 400,000-word table is indexed whole in 4 parts
# since the thirteenth session, peaks at 116 MB in a normal build and
# took 930 MB under ASan.
RSS_KB=$((300 * 1024))
[[ -n "${TRAWL_SANITIZED:-}" ]] && RSS_KB=$((1200 * 1024))

# index_case ID SECONDS [trawl-index flags...]: indexes case/ID into db/ID.
index_case() {
  local id=$1 secs=$2; shift 2
  printf 'Good file\n\nneighbourword is here.\n' > "case/$id/good.txt"
  /usr/bin/time -f %M -o "rss.$id" timeout "$secs" "$TRAWL_INDEX" --db "db/$id" "$@" "case/$id" \
    >"out.$id" 2>"err.$id"
  local code=$?
  cp "out.$id" out; cp "err.$id" err
  if [[ $code -gt 1 ]]; then fail "$id: exit $code"; sed 's/^/  /' "err.$id" | head -5 >&2; return 1; fi
  local rss; rss=$(tail -n 1 "rss.$id")
  [[ "$rss" =~ ^[0-9]+$ && $rss -lt $RSS_KB ]] || fail "$id: peak RSS ${rss} KiB over ${RSS_KB}"
  if ! xapian-check "$(live_db "db/$id")" > "check.$id" 2>&1; then
    fail "$id: xapian-check failed"; grep -v '^ *$' "check.$id" | tail -5 | sed 's/^/  /' >&2
  fi
  "$TRAWL_SEARCH" --db "db/$id" -q neighbourword || fail "$id: the good file is not indexed"
  pass "$id indexed (exit $code, ${rss} KiB)"
}
found() {  # found ID WORD: WORD is searchable in case ID
  "$TRAWL_SEARCH" --db "db/$1" -q "$2" && pass "$1: '$2' found" || fail "$1: '$2' not found"
}
absent() {
  "$TRAWL_SEARCH" --db "db/$1" -q "$2" && fail "$1: '$2' found" || pass "$1: '$2' absent"
}
valid_utf8_json() {  # every string of the --json output is valid UTF-8
  python3 -c 'import json,sys; [json.loads(l) for l in open(sys.argv[1], encoding="utf-8", errors="strict")]' "$1"
}
mkdir -p db
mk() { mkdir -p "case/$1"; }

# I1: invalid UTF-8 is repaired (U+FFFD), the words around it indexed.
mk I1; printf 'Broken bytes\n\nokword \xc0\xaf \x80 \xed\xa0\x80 \xff \xfe afterword\n' > case/I1/bad.txt
index_case I1 10 && found I1 okword && found I1 afterword
"$TRAWL_SEARCH" --db db/I1 --json okword > out; valid_utf8_json out || fail "I1: output is not valid UTF-8"

# I2: byte-order marks: UTF-16 LE/BE, UTF-8, UTF-32 LE.
mk I2
python3 - <<'PY'
t = "BOM title\n\n{} inside\n"
open("case/I2/le.txt", "wb").write(b"\xff\xfe" + t.format("utfsixteenle").encode("utf-16-le"))
open("case/I2/be.txt", "wb").write(b"\xfe\xff" + t.format("utfsixteenbe").encode("utf-16-be"))
open("case/I2/u8.txt", "wb").write(b"\xef\xbb\xbf" + t.format("utfeightbom").encode())
open("case/I2/u32.txt", "wb").write(b"\xff\xfe\x00\x00" + t.format("utfthirtytwo").encode("utf-32-le"))
PY
index_case I2 10 && for w in utfsixteenle utfsixteenbe utfeightbom utfthirtytwo; do found I2 "$w"; done

# I3: Latin-1 / Windows-1252 without a BOM: café is found as café.
mk I3; printf 'Menu\n\nUn caf\xe9 cr\xe8me sur la fa\xe7ade.\n' > case/I3/latin1.txt
index_case I3 10 && found I3 café && found I3 façade

# I4: NUL bytes. Many NULs: binary, skipped and counted. A stray NUL in a
# long text: stripped, and the text after it still indexed.
mk I4; printf 'Nuls\n\nbefore\0\0\0\0after\0\0\0\0\0\0\n' > case/I4/many.txt
python3 -c "open('case/I4/one.txt','wb').write(b'One NUL\n\n' + b'filler words here. ' * 1000 + b'prenul\0postnul end\n')"
index_case I4 10 && found I4 prenul && found I4 postnul && absent I4 after
expect_in err "skipped 1 (1 binary)"

# I5: binary files: an executable, a PNG header, 10 MB of random bytes.
mk I5; cp "$(type -P true)" case/I5/prog.bin
printf '\x89PNG\r\n\x1a\n\0\0\0\rIHDR' > case/I5/img.png
head -c 10485760 /dev/urandom > case/I5/random.dat
index_case I5 20 && expect_in err "skipped 3 (3 binary)"

# I6: a 1 GB file and a 1 GB single line (sparse): skipped by size, unread.
mk I6; truncate -s 1G case/I6/huge.txt; truncate -s 1G case/I6/oneline.log
index_case I6 60 && expect_in err "'case/I6/huge.txt': skipped: too large"

# I7: a 1 MB token is dropped; its neighbours are indexed.
mk I7; python3 -c "open('case/I7/tok.txt','w').write('Token\n\nbeforetok ' + 'x' * (1 << 20) + ' aftertok\n')"
index_case I7 20 && found I7 beforetok && found I7 aftertok

# I8: many files in one folder (10,000 here, to keep the suite fast).
mk I8; (cd case/I8 && for i in $(seq 1 10000); do printf 'F%d\n\nmanyword%d\n' "$i" "$i" > "f$i.txt"; done)
index_case I8 120 && found I8 manyword9999
expect_in err "indexed 10001 documents"

# I9: nesting 1,000 folders deep, and a path longer than PATH_MAX (4096).
mk I9
(cd case/I9 && for i in $(seq 1 1000); do mkdir d && cd d || exit 1; done && printf 'Deep\n\ndeepestword\n' > deep.txt)
long=$(printf 'n%.0s' {1..200})
(cd case/I9 && for i in $(seq 1 25); do mkdir "$long" && cd "$long" || exit 1; done && printf 'Long\n\nlongpathword\n' > l.txt)
index_case I9 60 && found I9 deepestword
"$TRAWL_SEARCH" --db db/I9 -q longpathword || expect_in err "File name too long"

# I10: symlink loops, with -L: each real file once, the run ends.
mk I10; mkdir case/I10/a; ln -s ../I10 case/I10/a/up; ln -s b case/I10/c; ln -s c case/I10/b
index_case I10 20 -L && [[ $("$TRAWL_SEARCH" --db db/I10 -c neighbourword) == 1 ]] || fail "I10: a file indexed twice"

# I11: unreadable file and folder: a warning naming each, exit 1. (Root
# reads everything: the case needs an ordinary user.)
mk I11; printf 'Secret\n\nsecretword\n' > case/I11/locked.txt; mkdir case/I11/closed
if [[ $(id -u) -ne 0 ]]; then
  chmod 000 case/I11/locked.txt case/I11/closed
  index_case I11 10; expect_in err "case/I11/locked.txt"; expect_in err "case/I11/closed"
  chmod 755 case/I11/closed; chmod 644 case/I11/locked.txt
else
  echo "I11: running as root, unreadable files cannot be made; skipped"
fi

# I12: files deleted, truncated, replaced by folders and grown during the
# crawl; the next run converges to a clean index of what is left.
mk I12; for i in $(seq 1 300); do printf 'M%d\n\nmutword%d\n' "$i" "$i" > "case/I12/m$i.txt"; done
( for r in $(seq 1 30); do
    i=$((RANDOM % 300 + 1))
    case $((r % 4)) in
      0) rm -f "case/I12/m$i.txt" ;;
      1) : > "case/I12/m$i.txt" 2>/dev/null ;;
      2) rm -f "case/I12/m$i.txt"; mkdir -p "case/I12/m$i.txt" ;;
      3) printf 'grown mutword%d\n' "$i" >> "case/I12/m$i.txt" 2>/dev/null ;;
    esac
    sleep 0.01
  done ) &
index_case I12 30; wait
"$TRAWL_INDEX" --db db/I12 case/I12 2>/dev/null
"$TRAWL_INDEX" --db db/I12b case/I12 2>/dev/null
[[ $("$TRAWL_SEARCH" --db db/I12 -c --no-config mutword*) == $("$TRAWL_SEARCH" --db db/I12b -c --no-config mutword*) ]] ||
  fail "I12: the re-run did not converge to a clean index"

# I13: FIFO, socket, character device and a symlink to /dev/zero: never
# opened, skipped, no hang (also with -L).
mk I13; mkfifo case/I13/fifo.txt; ln -s /dev/zero case/I13/zero.txt; ln -s /dev/null case/I13/null.txt
python3 -c "import socket; s=socket.socket(socket.AF_UNIX); s.bind('case/I13/sock.txt')"
index_case I13 10 && index_case I13 10 -L --follow-outside

# I14: a sparse file of 100 GB apparent size: skipped by st_size.
mk I14; truncate -s 100G case/I14/sparse.txt
index_case I14 10 && expect_in err "'case/I14/sparse.txt': skipped: too large"

# I15: JSON Lines: truncated line, bad escape, a 30 MB line, 100,000 nested
# brackets, a BOM, CRLF, an empty line, a non-object: bad lines are named
# by number, the others indexed.
mk I15
python3 - <<'PY'
lines = [
    '\ufeff{"_id":"j1","text":"jsonfirst"}',
    '{"_id":"j2","text":"truncated',
    '{"_id":"j3","text":"bad \\q escape"}',
    '{"_id":"j4","text":"' + "y" * (30 << 20) + '"}',
    "[" * 100000,
    '{"_id":"j6","text":"crlfword"}\r',
    "",
    '[1, 2, 3]',
    '{"_id":"j9","text":"jsonlast"}',
]
open("case/I15/r.jsonl", "w", encoding="utf-8").write("\n".join(lines) + "\n")
PY
index_case I15 60 && found I15 jsonfirst && found I15 crlfword && found I15 jsonlast
expect_in err "line 2:"; expect_in err "line 5:"; expect_in err "line 8:"

# I16: HTML: unclosed tags, script and style, out-of-range entities,
# 100,000 nested <div>, a meta charset that contradicts the BOM.
mk I16
python3 - <<'PY'
html = ('<html><head><title>Page</title><style>stylesecret{}</style>'
        '<script>var scriptsecret = 1;</script></head><body><p>htmlword &#x110000; &#0; &#xD800; '
        + '<div>' * 100000 + 'nestedword <b><i>unclosed')
open("case/I16/p.html", "w").write(html)
open("case/I16/bom.html", "wb").write(b'\xef\xbb\xbf<html><head><meta charset="iso-8859-1"></head>'
                                       b'<body>bomword caf\xc3\xa9</body></html>')
PY
index_case I16 30 && found I16 htmlword && found I16 nestedword && found I16 bomword && found I16 café
absent I16 scriptsecret; absent I16 stylesecret

# I17: Markdown: 10,000 nested quotes and list levels, a 5 MB table, an
# unterminated code fence: parsed within the time bound. The table's 400,000
# distinct words pass the per-document bound (--memory / 2560 distinct
# terms): its text is indexed in parts (indexer/text_parts.h), the last
# row too, without a warning (until the thirteenth session the rest was
# left out).
mk I17
python3 - <<'PY'
open("case/I17/q.md", "w").write("# Q\n\n" + ">" * 10000 + " quoteword\n")
open("case/I17/l.md", "w").write("# L\n\n" + "".join("  " * i + "- item\n" for i in range(0, 10000, 50)) + "listword\n")
rows = "".join("| c%d | tableword%d |\n" % (i, i) for i in range(200000))
open("case/I17/t.md", "w").write("# T\n\n| a | b |\n|---|---|\n" + rows)
open("case/I17/f.md", "w").write("# F\n\n```\nfenceword never closed\n")
PY
index_case I17 60 && found I17 quoteword && found I17 tableword10 && found I17 fenceword
found I17 tableword199999
grep -q warning err && fail "I17: a warning: $(grep warning err)"

# I18: empty files: skipped and counted as empty, on every run alike.
mk I18; : > case/I18/empty-notes.txt
index_case I18 10 && expect_in err "(1 empty)"
index_case I18 10 && expect_in err "(1 empty)"

# I19: odd file names stay byte-exact; nothing is run by a shell.
mk I19
python3 - <<'PY'
names = ["new\nline.txt", "tab\there.txt", b"bad\xffname.txt", "-leading.txt", "$(touch trawl-pwned).txt",
         "quo'te\"s.txt", "x" * 251 + ".txt"]
for n in names:
    p = (b"case/I19/" + (n if isinstance(n, bytes) else n.encode()))
    open(p, "wb").write(b"Odd name\n\noddnameword\n")
PY
index_case I19 10
"$TRAWL_SEARCH" --db db/I19 -l -0 -n 100 --no-collapse oddnameword > names
[[ $(tr -cd '\0' < names | wc -c) -eq 7 ]] || fail "I19: want 7 names"
xargs -0 ls -- < names >/dev/null || fail "I19: -l -0 names do not round-trip to ls"
[[ -e trawl-pwned || -e case/I19/trawl-pwned ]] && fail "I19: a file name was run by a shell"

# I20: hard links and duplicate content: one document per path.
mk I20; printf 'Dup\n\ndupword\n' > case/I20/a.txt; ln case/I20/a.txt case/I20/b.txt; cp case/I20/a.txt case/I20/c.txt
index_case I20 10 && [[ $("$TRAWL_SEARCH" --db db/I20 -c dupword) == 3 ]] || fail "I20: want one document per path"

finish
