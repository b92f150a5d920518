# Security rules of issue 7 that the other tests do not already cover
# (symlinks inside/outside: crawl.sh; FIFOs and devices: plan_indexer.sh
# I13; folder mode and terminal escapes: bad_inputs.sh, plan_queries.sh Q7;
# filters without a shell: filters.sh).
source "$(dirname "$0")/lib.sh"
SRC=$TRAWL_SOURCE

# No shell anywhere: no system(), popen() or exec through /bin/sh.
if grep -rnE '\b(system|popen)\(|execl\(|"/bin/sh"' "$SRC"/common "$SRC"/indexer "$SRC"/searcher \
     --include='*.cc' --include='*.h' > found; then
  fail "a shell is used: $(head -3 found)"
else
  pass "no system(), popen() or /bin/sh in the sources"
fi
# trawl-search opens only the files the user names (--queries, -f, the
# configuration file, --db stub files) and, to read back the snippets of
# texts kept in their files, read_file_range (stored_text.cc: regular
# files only, shown only where the indexed checks agree; below).
grep -rnE 'ifstream|fopen|(^|[^A-Za-z_])::open\(|openat\(' "$SRC"/searcher "$SRC"/common --include='*.cc' |
  grep -v '^[^:]*:[0-9]*: *//' |
  grep -vE 'batch\.cc:.*queries_file|command_line\.cc:.*ifstream (in\(path\)|file;)|open_db\.cc:.*ifstream in\(stub\)|stored_text\.cc:.*::open\(path\.c_str\(\), O_RDONLY' > found
[[ -s found ]] && fail "trawl-search opens other files: $(head -3 found)" || pass "trawl-search opens only named files"

# A database whose records name files outside any root (as a tampered
# index would): searching, listing and --like print the names, read nothing.
mkdir root && printf 'Harmless\n\ntamperword\n' > root/a.txt
"$TRAWL_INDEX" -q --db db root
# (Debian's python3, which python3-xapian is for, even if another is first on PATH.)
PYX=/usr/bin/python3; [[ -x $PYX ]] || PYX=python3
"$PYX" - "$(live_db db)" "$WORK/root/a.txt" <<'PY' 2>/dev/null || echo "python3-xapian not installed: tampered-record case skipped"
import sys
import xapian  # python3-xapian, if present
db = xapian.WritableDatabase(sys.argv[1], xapian.DB_OPEN)
old = sys.argv[2].encode()
new = b"/" * (len(old) - len(b"etc/shadow")) + b"etc/shadow"  # the same length: fields keep their sizes
for d in db.postlist("tamperword"):
    doc = db.get_document(d.docid)
    doc.set_data(doc.get_data().replace(old, new))
    db.replace_document(d.docid, doc)
db.commit()
PY
expect_exit 0 "$TRAWL_SEARCH" --db db --color never tamperword
if "$PYX" -c 'import xapian' 2>/dev/null; then
  expect_in out "/etc/shadow"  # the record decodes and names it
  expect_in out "tamperword"   # its text is the record's own
fi
"$TRAWL_SEARCH" --db db --like root/a.txt -c > /dev/null 2>&1
[[ $? -le 1 ]] || fail "--like on a tampered record"

# A long text read back from its file (--store-text auto): a tampered
# record naming another file shows nothing of it (its pieces' checks
# differ), and says the text changed.
mkdir sec0 && python3 - <<'PY'
lines = ["Long harmless text", ""] + ["harmless line %d tamperlong" % k for k in range(1, 2000)]
open("root/long.txt", "w").write("\n".join(lines) + "\n")
open("sec0/long.txt", "w").write("".join("SECRETWORD line %d\n" % k for k in range(1, 5000)))
PY
"$TRAWL_INDEX" -q --db dbl root
"$PYX" - "$(live_db dbl)" <<'PY' 2>/dev/null || echo "python3-xapian not installed: tampered long text case skipped"
import sys
import xapian
db = xapian.WritableDatabase(sys.argv[1], xapian.DB_OPEN)
for d in db.postlist("tamperlong"):
    doc = db.get_document(d.docid)
    doc.set_data(doc.get_data().replace(b"/root/long.txt", b"/sec0/long.txt"))  # (same length)
    db.replace_document(d.docid, doc)
db.commit()
PY
expect_exit 0 "$TRAWL_SEARCH" --db dbl --color never -C 2 tamperlong
if grep -q SECRETWORD out; then fail "a tampered record showed another file's text"; else
  pass "a tampered record shows nothing of the file it names"; fi
if "$PYX" -c 'import xapian' 2>/dev/null; then
  expect_in out "sec0/long.txt"
  expect_in err "sec0/long.txt': changed or gone since it was indexed"
fi

# Symlinks: by default not followed; -L follows those inside the roots
# only; a link swapped to point outside during a run is not followed out.
mkdir -p outside tree && printf 'Out\n\noutsideword\n' > outside/o.txt
ln -s ../outside tree/out
printf 'In\n\ninsideword\n' > tree/i.txt
expect_exit 0 "$TRAWL_INDEX" -q --db db2 tree
expect_exit 1 "$TRAWL_SEARCH" --db db2 outsideword
expect_exit 0 "$TRAWL_INDEX" -q --db db3 -L tree
expect_exit 1 "$TRAWL_SEARCH" --db db3 outsideword
mkdir tree/swap && printf 'S\n\nswapword\n' > tree/swap/s.txt
( for i in $(seq 1 200); do rm -rf tree/swap; ln -sfn ../outside tree/swap; rm -f tree/swap; mkdir -p tree/swap
    printf 'S\n\nswapword\n' > tree/swap/s.txt; done ) &
for i in 1 2 3 4 5; do "$TRAWL_INDEX" -q --db db4 -L tree 2>/dev/null; done
wait
expect_exit 1 "$TRAWL_SEARCH" --db db4 outsideword
finish
