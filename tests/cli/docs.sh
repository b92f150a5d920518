# README.md stays true: every option in either program's --help is in it.
source "$(dirname "$0")/lib.sh"

for prog in "$TRAWL_INDEX" "$TRAWL_SEARCH"; do
  expect_exit 0 "$prog" --help
  # Option lines look like "  -n,--limit UINT ..." in CLI11's help.
  flags=$(grep -E '^ +-' out | awk '{print $1}' | tr ',' '\n' | sort -u)
  [[ -n "$flags" ]] || fail "no flags found in $(basename "$prog") --help"
  for f in $flags; do
    if grep -qE -- "\`[^\`]*$f([ ,=\`]|$)" "$TRAWL_SOURCE/README.md"; then
      pass "README documents $(basename "$prog") $f"
    else
      fail "README.md does not document $(basename "$prog") $f"
    fi
  done
done
finish
