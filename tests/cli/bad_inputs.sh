# Inputs that must never abort a run or corrupt the database: a 1 MB token,
# a 1 GB file, NUL bytes, odd file names, FIFOs, symlink loops, deep paths.
source "$(dirname "$0")/lib.sh"
command -v xapian-check >/dev/null || skip "xapian-check is not installed (xapian-tools)"

mkdir -p in
printf 'Good file\n\nThe harbour crane lifted containers.\n' > in/good.txt
python3 -c "print('Long token\n\n' + 'x' * (1 << 20) + ' tailword')" > in/token.txt
truncate -s 1G in/huge.txt                       # sparse: costs no disk
printf 'Nul file\n\nbefore\0after\n' > in/nul.txt
printf 'Name with newline\n\nnewlineword\n' > "in/new"$'\n'"line.txt"
printf 'Bad name\n\nbadnameword\n' > "in/bad"$'\xff'"name.txt"
printf 'Escape name\n\nescapeword\n' > "in/esc"$'\x1b'"[31mred.txt"
mkfifo in/pipe.txt
deep=in/$(printf 'd%.0s' {1..60})/$(printf 'e%.0s' {1..60})/$(printf 'f%.0s' {1..60})/$(printf 'g%.0s' {1..60})
mkdir -p "$deep" && printf 'Deep file\n\ndeepword\n' > "$deep/deep.txt"
mkdir in/loop && ln -s .. in/loop/up

expect_exit 0 timeout 60 "$TRAWL_INDEX" --db db in
expect_in err "'in/huge.txt': skipped: too large"
expect_in err "indexed 6 documents"
expect_exit 0 xapian-check "$(live_db db)"
expect_exit 0 "$TRAWL_SEARCH" --db db tailword
expect_exit 0 "$TRAWL_SEARCH" --db db deepword
expect_exit 1 "$TRAWL_SEARCH" --db db after
# Control characters in names are escaped on the terminal, exact in JSON.
expect_exit 0 "$TRAWL_SEARCH" --db db --color always escapeword
grep -q $'\x1b\[31mred' out && fail "raw escape sequence from a file name reached the terminal"
expect_in out 'esc\x1B[31mred.txt'
expect_exit 0 "$TRAWL_SEARCH" --db db --json newlineword
python3 -c "import json,sys; [json.loads(l) for l in open('out')]" || fail "JSON with a newline in a path"
expect_in out 'in/new\nline.txt'
expect_exit 0 "$TRAWL_SEARCH" --db db -l -0 badnameword
# -L: the loop is detected, every file indexed once, the run ends.
expect_exit 0 timeout 60 "$TRAWL_INDEX" --db db2 -L --debug in
expect_in err "symlink loop"
expect_exit 0 xapian-check "$(live_db db2)"
[[ $("$TRAWL_SEARCH" --db db2 -c harbour) == 1 ]] || fail "good.txt indexed more than once with -L"
# A file that is not a FIFO-safe regular file never blocks the run.
expect_exit 0 timeout 20 "$TRAWL_INDEX" --db db3 in/pipe.txt
# The database folder is private.
[[ $(stat -c %a db) == 700 ]] || fail "database folder mode $(stat -c %a db), want 700"
# One huge document cannot break the memory budget, and loses nothing: a
# text longer than --memory / 128 (here 128 KiB) is indexed in parts, each
# a document that knows the file's line it starts on (until the thirteenth
# session its text was cut at --memory / 16, with a warning).
mkdir huge
long_text huge/h.txt firstword lastword
expect_exit 0 "$TRAWL_INDEX" --db db4 --memory 16M huge
grep -q warning err && fail "a warning for the huge file: $(cat err)"
expect_exit 0 "$TRAWL_SEARCH" --db db4 firstword
expect_exit 0 "$TRAWL_SEARCH" --db db4 --vimgrep lastword
expect_in out "huge/h.txt:30004:1:"
expect_exit 0 "$TRAWL_SEARCH" --db db4 --json lastword
python3 -c "import json; d = json.loads(open('out').readline())['data']; assert d['part'] > 3, d" \
  || fail "lastword is not in a later part"
expect_exit 0 "$TRAWL_SEARCH" --db db4 -l filler
[[ $(wc -l < out) == 1 ]] || fail "-l printed a file in parts more than once"
# A TREC run names a file once (its parts share its id), ranks 1, 2, ...
expect_exit 0 "$TRAWL_SEARCH" --db db4 --format trec -n 50 filler
[[ $(wc -l < out) == 1 && $(awk '{print $4}' out) == 1 ]] || fail "TREC lines of a file in parts: $(cat out)"
# Its parts show as one hit, the best part's, listing the others;
# --no-collapse shows each.
expect_exit 0 "$TRAWL_SEARCH" --db db4 --color=never filler
[[ $(grep -c 'huge/h.txt' out) == 1 ]] || fail "a file in parts shown as more than one hit"
expect_in out "more parts:"
expect_exit 0 "$TRAWL_SEARCH" --db db4 --json --no-collapse filler
[[ $(grep -c '"type":"hit"' out) -gt 3 ]] || fail "--no-collapse folded the parts"
# A file of more matching parts than the collapse looks at (-n 1: 13 hits)
# counts them all, and lists those it saw.
mkdir many
python3 -c "
with open('many/m.log', 'w') as f:
    f.write('Many parts\n\n' + ''.join('filler line %d of many parts\n' % i for i in range(100000)))"
expect_exit 0 "$TRAWL_INDEX" -q --db db5 --memory 16M many
expect_exit 0 "$TRAWL_SEARCH" --db db5 -c --no-collapse filler
parts=$(cat out)
(( parts > 20 )) && pass "$parts parts" || fail "only $parts parts"
expect_exit 0 "$TRAWL_SEARCH" --db db5 --color=never -n 1 filler
expect_in out "+ $((parts - 1)) more parts: "
expect_in out " …"
expect_exit 0 "$TRAWL_SEARCH" --db db5 --json -n 1 filler
expect_in out "\"parts_matching\":$parts"
# Archives, JSON Lines and mbox files are read in pieces, never whole: 120
# MB of each (binary members, lines that are not JSON, messages of one long
# token, between two good ones) is indexed in less memory than its size
# (read whole until the tenth session: 144 MB and more). JSON Lines and
# mbox files have no size limit unless --max-filesize is given; an archive
# needs it raised. The mbox file has no extension, as mail programs keep
# their folders ("Inbox"): it is known by its first lines. Sanitizer builds
# hold freed memory in quarantine, so only their results are checked.
check_rss() {
  local rss
  rss=$(tail -n 1 rss)
  if [[ -z "${TRAWL_SANITIZED:-}" ]] && ! [[ "$rss" =~ ^[0-9]+$ && $rss -lt 100000 ]]; then
    fail "$1 took ${rss} KiB: read whole?"
  fi
}
mkdir bigarc
python3 - <<'PY'
import io, os, tarfile
with tarfile.open("bigarc/big.tar", "w") as t:
    def add(name, data):
        info = tarfile.TarInfo(name)
        info.size = len(data)
        t.addfile(info, io.BytesIO(data))
    add("first.txt", b"First\n\nbigarcfirstword\n")
    for i in range(30):
        add("blob%d.bin" % i, os.urandom(4 << 20))
    add("last.txt", b"Last\n\nbigarclastword\n")
with open("bigarc/big.jsonl", "w") as f:
    f.write('{"id": "a", "text": "bigjsonfirstword"}\n')
    for i in range(30):
        f.write("x" * (4 << 20) + "\n")
    f.write('{"id": "b", "text": "bigjsonlastword"}\n')
with open("bigarc/Inbox", "w") as f:
    for i in range(30):
        word = "bigmboxfirstword" if i == 0 else "bigmboxlastword" if i == 29 else "x" * (4 << 20)
        f.write("From a@b Mon Jan  1 00:00:00 2024\nSubject: %d\n\n%s\n\n" % (i, word))
PY
expect_exit 1 /usr/bin/time -f %M -o rss "$TRAWL_INDEX" --db db5 bigarc
check_rss "120 MB JSON Lines and mbox files"
expect_in err "trawl-index: warning: 'bigarc/big.tar': skipped: too large"
expect_in err "trawl-index: error: 'bigarc/big.jsonl': line 31: invalid JSON"
for w in bigjsonfirstword bigjsonlastword bigmboxfirstword bigmboxlastword; do
  expect_exit 0 "$TRAWL_SEARCH" --db db5 "$w"
done
expect_exit 1 "$TRAWL_SEARCH" --db db5 bigarcfirstword
expect_exit 0 /usr/bin/time -f %M -o rss "$TRAWL_INDEX" --db db5 --max-filesize 200M bigarc/big.tar
check_rss "a 120 MB archive"
for w in bigarcfirstword bigarclastword bigjsonfirstword bigmboxlastword; do
  expect_exit 0 "$TRAWL_SEARCH" --db db5 "$w"
done
# A line over --max-filesize (64M) is read past (at most 64M of it held)
# and named; the lines around it are indexed.
mkdir longline
python3 -c '
with open("longline/l.jsonl", "w") as f:
    f.write("{\"id\": \"a\", \"text\": \"longlinebefore\"}\n" + "x" * (70 << 20) + "\n")
    f.write("{\"id\": \"b\", \"text\": \"longlineafter\"}\n")'
expect_exit 1 "$TRAWL_INDEX" --db db6 longline
expect_in err "trawl-index: error: 'longline/l.jsonl': line 2: 73400321 bytes, over --max-filesize (67108864), not read"
expect_exit 0 "$TRAWL_SEARCH" --db db6 longlinebefore
expect_exit 0 "$TRAWL_SEARCH" --db db6 longlineafter
# A text file longer than a part is read a part at a time, never whole: a
# 60 MB log (under the default --max-filesize) at --memory 64M (parts of
# 512 KiB) in under 100 MB (140 MB read whole, as before the thirteenth
# session), its last line found on its own line number.
mkdir biglog
python3 - <<'PY'
with open("biglog/app.log", "w") as f:
    f.write("Application log\n\nbiglogfirstword\n")
    i = 0
    while f.tell() < 60 << 20:
        f.write("2026-12-07 12:%02d:%02d request %d served in %d ms for /files/%d\n"
                % (i // 60 % 60, i % 60, i, i % 97, i % 5000))
        i += 1
    f.write("bigloglastword\n")
PY
expect_exit 0 /usr/bin/time -f %M -o rss "$TRAWL_INDEX" --db db7 --memory 64M biglog
check_rss "a 60 MB log"
last_line=$(grep -c '' biglog/app.log)
expect_exit 0 "$TRAWL_SEARCH" --db db7 --vimgrep bigloglastword
expect_in out "biglog/app.log:$last_line:1:"
expect_exit 0 "$TRAWL_SEARCH" --db db7 --vimgrep biglogfirstword
expect_in out "biglog/app.log:3:1:"
finish
