# --filter EXT:COMMAND: external converters run without a shell, bounded in
# time and output; their failures are named per file.
source "$(dirname "$0")/lib.sh"

mkdir in
printf 'Converted notes\n\nThe quarry reopened.\n' > in/a.raw
printf 'whatever\n' > in/b.fails
printf 'whatever\n' > in/c.slow
printf 'whatever\n' > "in/d;rm -rf x.shell"
touch in/e.empty
mkdir x
printf 'sleep 30\n' > slow.sh

expect_exit 1 "$TRAWL_INDEX" --db db --filter 'raw:cat' --filter 'fails:false' \
  --filter "slow:sh $WORK/slow.sh" --filter-timeout 0.5 --filter 'shell:cat %f' \
  --filter 'empty:cat' --filter 'missing:no-such-command-here' in
expect_in err "'in/b.fails': filter 'false' exited with status 1"
expect_in err "'in/c.slow': filter 'sh': timed out after 500 ms"
expect_in err "'in/e.empty': skipped: filter output empty"
expect_exit 0 "$TRAWL_SEARCH" --db db quarry
[[ -d x ]] || fail "a file name was run by a shell"
expect_exit 0 "$TRAWL_SEARCH" --db db whatever   # the ';' name was passed as one argument
expect_exit 2 "$TRAWL_INDEX" --db db2 --filter 'nocolon' in
expect_in err "--filter: filter 'nocolon' is not EXT:COMMAND"

mkdir in2 && printf 'x\n' > in2/f.missing
expect_exit 1 "$TRAWL_INDEX" --db db3 --filter 'missing:no-such-command-here' in2
expect_in err "cannot run filter 'no-such-command-here': No such file or directory"
finish
