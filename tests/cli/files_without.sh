# trawl-search -L / --files-without-match: the indexed files (within -t,
# -g and dates) none of whose documents match, in path order, as grep -L.
source "$(dirname "$0")/lib.sh"

mkdir -p c/notes c/mail
printf 'Harbour notes\n\nThe harbour ferry was late.\n' > c/notes/a.txt
printf 'Garden notes\n\nTomatoes and beans.\n' > c/notes/b.txt
printf '# Budget\n\nThe council budget for the harbour.\n' > c/notes/c.md
printf '# Orchard\n\nApples and pears.\n' > c/notes/d.md
# A file in parts whose only match is in a late part is not listed.
long_text c/big.txt opening lighthouse
expect_exit 0 "$TRAWL_INDEX" --db db --memory 16M c
S=("$TRAWL_SEARCH" --db db --no-config --color never)
expect_exit 0 "${S[@]}" --json --no-collapse lighthouse
grep -q '"part":[2-9]' out || fail "lighthouse is not in a later part of big.txt"

expect_exit 0 "${S[@]}" -L harbour
[[ $(cat out) == $'c/big.txt\nc/notes/b.txt\nc/notes/d.md' ]] || fail "-L harbour: $(cat out)"
expect_exit 0 "${S[@]}" -L lighthouse
[[ $(cat out) == $'c/notes/a.txt\nc/notes/b.txt\nc/notes/c.md\nc/notes/d.md' ]] ||
  fail "-L lighthouse (a file in parts matched in one part): $(cat out)"
# -L and -l split the files in scope between them.
expect_exit 0 "${S[@]}" -l -n 0 --or harbour apples
sort out > with
expect_exit 0 "${S[@]}" -L --or harbour apples
sort out > without
[[ -z $(comm -12 with without) ]] || fail "a file both with and without a match: $(comm -12 with without)"
[[ $(sort -u with without | wc -l) == 5 ]] || fail "-l and -L do not cover the 5 files: $(cat with without)"
# Scope: -t, -g; -0 ends paths with NUL; every file matching: exit 1.
expect_exit 0 "${S[@]}" -L -t md harbour
[[ $(cat out) == c/notes/d.md ]] || fail "-L -t md harbour: $(cat out)"
expect_exit 0 "${S[@]}" -L -g 'c/notes/*.txt' harbour
[[ $(cat out) == c/notes/b.txt ]] || fail "-L -g: $(cat out)"
expect_exit 0 "${S[@]}" -L -0 -t md harbour
[[ $(tr '\0' '|' < out) == 'c/notes/d.md|' ]] || fail "-L -0: $(tr '\0' '|' < out)"
expect_exit 1 "${S[@]}" -L -t md --or harbour apples
expect_empty out
expect_exit 0 "${S[@]}" --files-without-match -t md --or harbour tomatoes
[[ $(cat out) == c/notes/d.md ]] || fail "--files-without-match: $(cat out)"
# In a batch, id<TAB>path lines; with -l or -c: a usage error.
printf 'q1\tharbour\nq2\tfiller\n' > q.tsv
expect_exit 0 "${S[@]}" --queries q.tsv -L -t md
[[ $(cat out) == $'q1\tc/notes/d.md\nq2\tc/notes/c.md\nq2\tc/notes/d.md' ]] || fail "--queries -L: $(cat out)"
expect_exit 2 "${S[@]}" -L -l harbour
expect_in err "-l, -L, -c and -q cannot be combined"
finish
