# trawl-search -s/-S/-i (ripgrep's meanings): words matched as typed,
# checked in the text of the documents, texts read back from their files
# included; the last flag given wins, the configuration file can set one,
# the command line undoes it; counts, -l, --vimgrep and several databases.
source "$(dirname "$0")/lib.sh"

mkdir d e
printf 'The US limits trade with its partners.\n' > d/upper.txt
printf 'Tell us about trade and the weather.\n' > d/lower.txt
# A long plain text (read back from its file, not copied): "apple" on every
# line, "Apple" only on line 2,502.
python3 - <<'PY'
lines = ["Orchard log", ""]
lines += ["line %d: an apple crate left the orchard at %d" % (k, k * 3) for k in range(1, 3001)]
lines[2501] += ", with Apple Computer stickers"
open("e/orchard.txt", "w").write("\n".join(lines) + "\n")
PY
printf 'apple and pear, nothing capitalised\n' > e/fruit.txt
expect_exit 0 "$TRAWL_INDEX" -q --db db d e
expect_exit 0 "$TRAWL_INDEX" -q --db db1 d
expect_exit 0 "$TRAWL_INDEX" -q --db db2 e

paths() {  # the sorted paths of trawl-search -l with these arguments
  "$TRAWL_SEARCH" --db db -l "$@" 2>"$WORK/err" | sort | tr '\n' ' '
}
expect_paths() {  # expect_paths "WANT" ARGS...
  local want=$1; shift
  local got
  got=$(paths "$@")
  if [[ "$got" == "$want" ]]; then pass "$* -> $want"; else fail "$* -> '$got', want '$want'"; fi
}

# Each mode; the last of -i, -s, -S wins.
expect_paths "d/lower.txt d/upper.txt " US
expect_paths "d/upper.txt " -s US
expect_paths "d/lower.txt " -s us
expect_paths "d/upper.txt " -S US
expect_paths "d/lower.txt d/upper.txt " -S us
expect_paths "d/lower.txt d/upper.txt " -s -i US
expect_paths "d/upper.txt " -i -s US
expect_paths "d/lower.txt " -S --case-sensitive us
expect_paths "d/lower.txt d/upper.txt " --smart-case --ignore-case US
expect_paths "e/orchard.txt " -s Apple
expect_paths "e/fruit.txt e/orchard.txt " -s apple
expect_paths "d/upper.txt e/orchard.txt " -s 'Apple OR US'

# Nothing written as typed: exit 1, as grep.
expect_exit 1 "$TRAWL_SEARCH" --db db -s Trade
expect_empty out
expect_exit 0 "$TRAWL_SEARCH" --db db -c -s US
expect_in out "1"
expect_exit 0 "$TRAWL_SEARCH" --db db -c US
expect_in out "2"

# The long text's passage is its line 2,502, read from the file.
expect_exit 0 "$TRAWL_SEARCH" --db db --vimgrep -s Apple
expect_in out "e/orchard.txt:2502:"
expect_in out "with Apple Computer stickers"
expect_exit 0 "$TRAWL_SEARCH" --db db --json -s Apple
expect_in out '"highlights":[['
expect_empty err

# Two databases searched as one: each document is checked in its own.
for q in "-s US:d/upper.txt" "-s Apple:e/orchard.txt" "-S us:d/lower.txt d/upper.txt"; do
  got=$("$TRAWL_SEARCH" --db db1 --db db2 -l ${q%%:*} | sort | tr '\n' ' ')
  [[ "$got" == "${q#*:} " ]] && pass "two databases, ${q%%:*}" || fail "two databases, ${q%%:*}: '$got'"
done

# The configuration file may ask for smart case; the command line undoes it.
printf -- '--smart-case\n' > cfg
got=$(TRAWL_CONFIG_PATH=$WORK/cfg "$TRAWL_SEARCH" --db db -l US | sort | tr '\n' ' ')
[[ "$got" == "d/upper.txt " ]] && pass "config --smart-case" || fail "config --smart-case: '$got'"
got=$(TRAWL_CONFIG_PATH=$WORK/cfg "$TRAWL_SEARCH" --db db -l -i US | sort | tr '\n' ' ')
[[ "$got" == "d/lower.txt d/upper.txt " ]] && pass "config undone by -i" || fail "config undone by -i: '$got'"

# --help shows the three.
expect_exit 0 "$TRAWL_SEARCH" --help
for flag in "-s,--case-sensitive" "-S,--smart-case" "-i,--ignore-case"; do expect_in out "$flag"; done

finish
