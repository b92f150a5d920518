# The searcher cases Q1-Q9 of the reliability plan (../shared/docs/
# RELIABILITY.md, section Q; summarised in docs/reliability.md). Pass rule
# for each query: exit 0, 1 or 2 (never a crash or a signal), within 5 s,
# peak RSS under the bound, stdout valid UTF-8 and free of raw terminal
# escapes; exit 2 always comes with a message on stderr.
source "$(dirname "$0")/lib.sh"
RSS_KB=$((200 * 1024))
[[ -n "${TRAWL_SANITIZED:-}" ]] && RSS_KB=$((600 * 1024))

mkdir -p c
for i in $(seq 1 200); do printf 'Note %d\n\nalpha beta gamma word%d echo delta\n' "$i" "$i" > "c/n$i.txt"; done
printf 'Escapes\n\nterminal \x1b]52;c;evil\x07 \x1b[2J \xe2\x80\xae reversed escword\n' > c/esc.txt
DB=$WORK/db
expect_exit 0 "$TRAWL_INDEX" --db "$DB" c

# search_ok ID WANT_CODES ARGS...: runs trawl-search and checks the rule.
search_ok() {
  local id=$1 codes=$2; shift 2
  /usr/bin/time -f %M -o rss timeout 5 "$TRAWL_SEARCH" --db "$DB" --no-config --color always "$@" \
    >out 2>err
  local code=$?
  if [[ ",$codes," != *",$code,"* ]]; then
    fail "$id: exit $code, want one of $codes"; sed 's/^/  /' err | head -3 >&2; return 1
  fi
  [[ $code -ne 2 || -s err ]] || fail "$id: exit 2 without a message"
  local rss; rss=$(tail -n 1 rss)
  [[ "$rss" =~ ^[0-9]+$ && $rss -lt $RSS_KB ]] || fail "$id: peak RSS ${rss} KiB"
  python3 -c 'open("out", encoding="utf-8", errors="strict").read()' 2>/dev/null || fail "$id: stdout is not UTF-8"
  grep -qaP '\x1b\](?!0;)|\x1b\[2J|\x07' out && fail "$id: a raw escape sequence from the index reached stdout"
  pass "$id: exit $code (${rss} KiB)"
}

# Q1: unbalanced quotes and brackets: best effort.
search_ok Q1a 0,1 '"unbalanced alpha'
search_ok Q1b 0,1 '(alpha AND (beta'
# Q2: operators only: Xapian rejects it; trawl searches the words instead.
search_ok Q2 0,1 'AND OR NOT ) ( +-'
expect_in err "searching for the words instead"
# Q3: very long and deeply nested queries, 500 NEARs.
search_ok Q3a 0,1,2 "$(python3 -c "print(' '.join(['alpha'] * 2000))")"
search_ok Q3b 0,1,2 "$(python3 -c "print(' '.join('w%d' % i for i in range(15000)))")"
search_ok Q3c 0,1,2 "$(python3 -c "print('(' * 5000 + 'alpha' + ')' * 5000)")"
search_ok Q3d 0,1,2 "$(python3 -c "print(' NEAR '.join(['alpha'] * 501))")"
# Q4: only stopwords: they are kept when they are all there is.
search_ok Q4 0,1 'the of and'
# Q5: wildcards that match everything: expansion is capped.
search_ok Q5a 0,1 'w*'
search_ok Q5b 0,1,2 '*'
search_ok Q5c 0,1,2 '?*'
search_ok Q5d 0,1 'word1*'
# Q6: unknown and empty fields.
search_ok Q6a 0,1 'nosuchfield:foo'
search_ok Q6b 0,1 'title:'
search_ok Q6c 0,1 ':foo'
# Q7: NUL from a query file, invalid UTF-8, RTL override, combining marks;
# titles and snippets with escapes from the index are shown escaped.
printf 'q1\talpha\0beta\nq2\t\xff\xfe broken\n' > q.tsv
search_ok Q7a 0,1 --queries q.tsv
search_ok Q7b 0,1 $'alpha \xff\xfe \xe2\x80\xae beta'
search_ok Q7c 0,1,2 "alpha $(python3 -c "print('a' + '\u0301' * 5000)")"
search_ok Q7d 0 escword
expect_in out '\u202E'    # the bidi override is shown, not obeyed
search_ok Q7e 0 --json escword
python3 -c "import json; [json.loads(l) for l in open('out')]" || fail "Q7e: --json is not JSON"
# Q8: out-of-range numbers are refused with a message.
for args in "--limit -1" "--limit 1000001" "--limit 9223372036854775808" "--offset 9223372036854775808" \
            "--snippet-len 0" "--snippet-len 10485760" "--passages 0" "--offset -1"; do
  # shellcheck disable=SC2086
  search_ok "Q8 $args" 2 $args alpha
done
# Q9: bad databases: missing, a file, an empty folder, half created, foreign.
search_ok Q9a 2 --db "$WORK/none" alpha 2>/dev/null
printf 'x' > afile
search_ok Q9b 2 --db "$WORK/afile" alpha
mkdir emptydir
search_ok Q9c 2 --db "$WORK/emptydir" alpha
mkdir -p half/db-1 && printf 'glass' > half/db-1/postlist.glass && printf 'auto db-1\n' > half/XAPIANDB
search_ok Q9d 2 --db "$WORK/half" alpha
cp -r "$DB" newer && printf 'auto nowhere\n' > newer/XAPIANDB
search_ok Q9e 2 --db "$WORK/newer" alpha

finish
