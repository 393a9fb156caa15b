# Shared helpers for tests/e2e/*.sh (sourced, not run; not itself a test). Each test gets $KG,
# $KG_SOURCE_DIR and $KG_SHARED_DIR from ctest, and a scratch directory $WORK
# that is removed on exit.
set -uo pipefail
: "${KG:?KG must name the kg binary}"
: "${KG_SOURCE_DIR:?}"
KG_SHARED_DIR="${KG_SHARED_DIR:-$KG_SOURCE_DIR/../shared}"
WORK=$(mktemp -d)
trap '[ -n "${KG_KEEP_WORK:-}" ] || rm -rf "$WORK"' EXIT
export KG_DB="$WORK/kg.db"
failures=0

fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

# expect_exit CODE COMMAND...: runs COMMAND, fails unless it exits with CODE.
# Its stdout and stderr are kept in $WORK/out and $WORK/err.
expect_exit() {
  local want=$1
  shift
  "$@" >"$WORK/out" 2>"$WORK/err"
  local got=$?
  if [ "$got" -ne "$want" ]; then
    fail "'$*' exited $got, expected $want; stderr: $(head -c 400 "$WORK/err")"
  fi
}

# expect_grep PATTERN FILE: fails unless FILE has a line matching PATTERN.
expect_grep() {
  grep -qE -- "$1" "$2" || fail "expected /$1/ in $2: $(head -c 400 "$2")"
}

finish() {
  if [ "$failures" -ne 0 ]; then
    echo "$failures check(s) failed" >&2
    exit 1
  fi
  echo "all checks passed"
  exit 0
}
