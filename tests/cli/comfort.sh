# The configuration file of trawl-search and --generate (man pages, shell
# completions) of both programs.
source "$(dirname "$0")/lib.sh"

mkdir d && printf 'Tide tables\n\nHigh water at noon.\n' > d/a.txt &&
  printf 'Tide notes\n\nLow water at dawn.\n' > d/b.txt
DB=$WORK/db
expect_exit 0 "$TRAWL_INDEX" --db "$DB" d

# --- Configuration file: one option a line; the command line wins.
export HOME=$WORK/home
mkdir -p "$HOME/.config/trawl"
printf -- '# defaults\n--color=never\n\n-l\n  --limit=1  \n' > "$HOME/.config/trawl/config"
expect_exit 0 "$TRAWL_SEARCH" --db "$DB" tide
[[ $(cat out) == d/a.txt || $(cat out) == d/b.txt ]] || fail "~/.config/trawl/config not applied: $(cat out)"
expect_exit 0 "$TRAWL_SEARCH" --db "$DB" -n 5 tide    # a later --limit wins
[[ $(wc -l < out) -eq 2 ]] || fail "-n 5 after the config's --limit=1"
expect_exit 0 "$TRAWL_SEARCH" --db "$DB" --no-config --color never tide
expect_in out "Tide"                                 # full hits, not -l
printf -- '--json\n' > cfg
TRAWL_CONFIG_PATH=$WORK/cfg expect_exit 0 "$TRAWL_SEARCH" --db "$DB" tide
expect_in out '"type":"summary"'                     # $TRAWL_CONFIG_PATH beats ~/.config
# Every switch the file turns on, the command line can turn off (the last
# one given wins), and the other way round.
printf -- '--or\n--expand\n--json\n--explain\n' > cfg
TRAWL_CONFIG_PATH=$WORK/cfg expect_exit 0 "$TRAWL_SEARCH" --db "$DB" --debug tide noon
expect_in err "((tide OR noon) AND_MAYBE"
expect_in err "* water"                              # --expand: a word the hits share
TRAWL_CONFIG_PATH=$WORK/cfg expect_exit 0 "$TRAWL_SEARCH" --db "$DB" --debug --and --no-expand \
  --no-json --no-explain --color never tide noon
expect_in err "((tide AND noon) AND_MAYBE"
grep -q water err && fail "--no-expand after the file's --expand"
grep -q '"type"' out && fail "--no-json after the file's --json"
grep -q '^   = ' out && fail "--no-explain after the file's --explain"
expect_exit 0 "$TRAWL_SEARCH" --db "$DB" --no-config --debug --and --or tide noon
expect_in err "((tide OR noon) AND_MAYBE"

# Bad configuration files: named, exit 2, nothing on stdout.
while IFS='|' read -r content message; do
  printf '%b' "$content" > bad
  TRAWL_CONFIG_PATH=$WORK/bad expect_exit 2 "$TRAWL_SEARCH" --db "$DB" tide
  expect_empty out
  expect_in err "configuration file '$WORK/bad': $message"
done <<'EOF'
--bogus\n|The following argument was not expected: --bogus
--sort=colour\n|--sort: colour not in {relevance,date,modified,path,size}
-l\nharbour\n|'harbour' is a query, not an option
EOF
TRAWL_CONFIG_PATH=$WORK/none expect_exit 2 "$TRAWL_SEARCH" --db "$DB" tide
expect_in err "\$TRAWL_CONFIG_PATH '$WORK/none': cannot read"
TRAWL_CONFIG_PATH=$WORK/none expect_exit 0 "$TRAWL_SEARCH" --db "$DB" --no-config tide

# --- --generate, for both programs.
for prog in "$TRAWL_INDEX" "$TRAWL_SEARCH"; do
  name=$(basename "$prog")
  expect_exit 0 "$prog" --generate man
  expect_in out ".SH NAME"
  expect_in out "$(sed 's/-/\\-/g' <<<"$name") \\- "
  expect_in out '\-\-help\fR'
  if command -v man >/dev/null && ! man -l out >/dev/null 2>&1; then fail "man cannot render $name's page"; fi
  expect_exit 0 "$prog" --generate complete-bash
  bash -n out || fail "$name: bash completion is not valid bash"
  # Every long option of --help is offered.
  "$prog" --help | grep -o -- '--[a-z][a-z-]*' | sort -u > long
  while read -r opt; do grep -qF -- "$opt" out || fail "$name: bash completion lacks $opt"; done < long
  (source out && complete -p "$name" >/dev/null) || fail "$name: bash completion registers nothing"
  expect_exit 0 "$prog" --generate complete-zsh
  [[ $(head -n 1 out) == "#compdef $name" ]] || fail "$name: zsh completion header"
  expect_exit 0 "$prog" --generate complete-fish
  expect_in out "complete -c $name -l help"
  expect_exit 2 "$prog" --generate complete-tcsh
done

finish
