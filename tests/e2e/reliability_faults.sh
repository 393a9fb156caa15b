#!/usr/bin/env bash
# Faults: every write/pwrite, fsync/fdatasync, open/openat and rename that a
# small `kg ingest` (and a `kg export -o`) makes in its directory fails once,
# in turn, through the LD_PRELOAD shim tests/tools/faultfs.c (EIO; ENOSPC for
# writes too). Each run must end with exit 0 and the full result (SQLite or
# kg retried), or a non-zero exit with a "kg: error:" message; never a crash
# or sanitizer report; the database must stay intact with every document
# whole, and a clean re-run must reach the reference state. Then a read-only
# database (a tmpfs remounted read-only) and a full disk (a 512 KiB tmpfs; the
# shim's ENOSPC when mounting is not allowed) must fail clearly, database unchanged.
#   KG_FAULT_MAX   at most this many call numbers per kind (default 400)
#   FAULTFS        the shim (default: next to $KG in tests/tools/)
source "$(dirname "$0")/lib.bash"
PY=/usr/bin/python3
TOOLS=$KG_SOURCE_DIR/tests/tools
CHECK="$PY $TOOLS/db_check.py"
MAX=${KG_FAULT_MAX:-400}
SHIM=${FAULTFS:-$(dirname "$KG")/tests/tools/libfaultfs.so}
[ -f "$SHIM" ] || { echo "no faultfs shim at $SHIM (build target faultfs): skipped"; exit 77; }
# An ASan-built kg needs libasan first in LD_PRELOAD.
asan=$(ldd "$KG" | awk '/libasan/ {print $3}')
PRELOAD="${asan:+$asan }$SHIM"
export ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0:detect_leaks=0

D=$WORK/f
mkdir -p "$D/docs" "$D/more"
$PY "$TOOLS/make_articles.py" "$D/docs" 3 11 base
$PY "$TOOLS/make_articles.py" "$D/more" 3 12 more
export KG_DB=$D/kg.db

# Reference: the base state and the state after adding "more".
"$KG" ingest -q "$D/docs" || fail "base ingest"
cp "$KG_DB" "$WORK/base.db"
"$KG" export --format jsonl --every-evidence -o "$WORK/base.jsonl"
"$KG" ingest -q "$D/more" || fail "reference ingest"
"$KG" export --format jsonl --every-evidence -o "$WORK/after.jsonl"
$PY "$TOOLS/canonical_export.py" "$WORK/after.jsonl" >"$WORK/after.canon"
$CHECK "$KG_DB" documents >"$WORK/after.docs"

reset_db() { rm -f "$KG_DB" "$KG_DB"-wal "$KG_DB"-shm; cp "$WORK/base.db" "$KG_DB"; }

faulted() {  # kind nth errno command...: runs command with one fault
  local kind=$1 nth=$2 errno=$3
  shift 3
  env LD_PRELOAD="$PRELOAD" FAULTFS_DIR="$D" FAULTFS_CALL="$kind" FAULTFS_NTH="$nth" FAULTFS_ERRNO="$errno" \
    FAULTFS_COUNTS="${COUNTS:-}" timeout 120 "$@" >"$WORK/out" 2>"$WORK/err"
}

# judge LABEL CODE: the outcome rules above for an ingest of "more".
judge() {
  local label=$1 code=$2
  if [ "$code" -ge 124 ] || grep -qE "AddressSanitizer|runtime error:|LeakSanitizer" "$WORK/err"; then
    fail "$label: crashed or hung (exit $code): $(head -c 400 "$WORK/err")"
  elif [ "$code" -ne 0 ] && ! grep -q "kg: error: ." "$WORK/err"; then
    fail "$label: exit $code without a clear message: $(head -c 300 "$WORK/err")"
  fi
  $CHECK "$KG_DB" integrity || { fail "$label: database damaged"; return; }
  $CHECK "$KG_DB" documents >"$WORK/now.docs"
  # Every stored document is whole; the base documents are all still there.
  $PY - "$WORK/after.docs" "$WORK/now.docs" "$code" <<'PYEOF' || fail "$label"
import sys
reference = dict(l.split("\t", 1) for l in open(sys.argv[1]))
now = dict(l.split("\t", 1) for l in open(sys.argv[2]))
for name, counts in now.items():
    if reference.get(name) != counts:
        sys.exit(f"{name!r} is not whole: {counts!r} vs {reference.get(name)!r}")
lost = [n for n in reference if "/docs/" in n and n not in now]
if lost:
    sys.exit(f"base documents lost: {lost}")
if sys.argv[3] == "0" and set(now) != set(reference):
    sys.exit(f"exit 0 but documents missing: {set(reference) - set(now)}")
PYEOF
  # A clean re-run completes the job.
  "$KG" ingest -q "$D/more" >/dev/null 2>"$WORK/rerun.err" || fail "$label: clean re-run failed: $(head -c 300 "$WORK/rerun.err")"
  "$KG" export --format jsonl --every-evidence -o "$WORK/now.jsonl"
  $PY "$TOOLS/canonical_export.py" "$WORK/now.jsonl" | cmp -s - "$WORK/after.canon" ||
    fail "$label: after a clean re-run the database differs from the reference"
}

# Count the calls a clean run makes, then fail each in turn.
reset_db
rm -f "$WORK/counts"
COUNTS=$WORK/counts faulted none 0 EIO "$KG" ingest -q "$D/more" || fail "counting run: $(cat "$WORK/err")"
declare -A total
while read -r kind count; do total[$kind]=$((${total[$kind]:-0} + count)); done <"$WORK/counts"
echo "a clean ingest makes: write ${total[write]}, fsync ${total[fsync]}, open ${total[open]}, rename ${total[rename]}"
injected=0
declare -A injected_by
for spec in write:EIO write:ENOSPC fsync:EIO open:EIO open:EACCES rename:EIO; do
  kind=${spec%%:*} errno=${spec#*:}
  count=${total[$kind]:-0}
  step=$(((count + MAX - 1) / MAX))
  ((step < 1)) && step=1
  for ((nth = 1; nth <= count; nth += step)); do
    reset_db
    faulted "$kind" "$nth" "$errno" "$KG" ingest -q "$D/more"
    judge "ingest, $kind #$nth fails with $errno" $?
    injected=$((injected + 1))
    injected_by[$spec]=$((${injected_by[$spec]:-0} + 1))
  done
done
for spec in "${!injected_by[@]}"; do echo "ingest faults injected: $spec ${injected_by[$spec]}"; done

# Exports: a failed write, sync or rename leaves the old file (or none) and no temporary.
reset_db
echo "an older export" >"$D/graph.json"
rm -f "$WORK/counts"
COUNTS=$WORK/counts faulted none 0 EIO "$KG" export --format json -o "$D/fresh.json" || fail "export counting run"
unset total
declare -A total
while read -r kind count; do total[$kind]=$((${total[$kind]:-0} + count)); done <"$WORK/counts"
echo "a clean export makes: write ${total[write]:-0}, fsync ${total[fsync]:-0}, open ${total[open]:-0}, rename ${total[rename]:-0}"
export_faults=0
for kind in write fsync open rename; do
  for ((nth = 1; nth <= ${total[$kind]:-0}; nth++)); do
    faulted "$kind" "$nth" EIO "$KG" export --format json -o "$D/graph.json"
    code=$?
    if [ $code -ne 0 ]; then
      # A fault on the database side names the database; on the output side, the output.
      grep -qE "kg: error: .*(graph\.json|kg\.db|database)" "$WORK/err" ||
        fail "export $kind #$nth: the error names neither the output nor the database: $(head -c 300 "$WORK/err")"
      [ "$(cat "$D/graph.json")" = "an older export" ] || fail "export $kind #$nth failed but replaced the file"
    else
      $PY -c "import json,sys; json.load(open(sys.argv[1]))" "$D/graph.json" || fail "export $kind #$nth: exit 0 but bad file"
      echo "an older export" >"$D/graph.json"
    fi
    ls -a "$D" | grep -q '^\.kg-output' && { fail "export $kind #$nth: temporary file left"; rm -f "$D"/.kg-output*; }
    export_faults=$((export_faults + 1))
  done
done
echo "export faults injected: $export_faults"

# Read-only and full file systems.
M=$WORK/mnt
mkdir -p "$M"
reset_db
"$KG" export --format jsonl --every-evidence -o "$WORK/before.jsonl"
if mount -t tmpfs -o size=512k tmpfs "$M" 2>/dev/null; then
  trap 'umount "$M" 2>/dev/null; rm -rf "$WORK"' EXIT
  cp "$KG_DB" "$M/kg.db"
  mount -o remount,ro "$M" || fail "remount read-only"
  KG_DB=$M/kg.db timeout 60 "$KG" ingest -q "$D/more" >"$WORK/out" 2>"$WORK/err"
  code=$?
  [ $code -ne 0 ] && grep -q "kg: error: ." "$WORK/err" ||
    fail "ingest into a read-only database: exit $code: $(head -c 300 "$WORK/err")"
  # The message must say which file and why (SQLite alone says "unable to open database file").
  grep -qiE "kg: error: .*$M/kg.db.*(read-only|readonly|permission)" "$WORK/err" ||
    fail "ingest into a read-only database does not name it and say read-only: $(head -c 300 "$WORK/err")"
  KG_DB=$M/kg.db timeout 60 "$KG" export --format jsonl --every-evidence -o "$WORK/ro.jsonl" 2>"$WORK/err" ||
    echo "note: reading a WAL database on a read-only file system fails: $(head -c 200 "$WORK/err")"
  mount -o remount,rw "$M"
  cmp -s "$M/kg.db" "$KG_DB" || fail "the read-only database changed"
  # Full disk: the new documents do not fit in 512 KiB.
  $PY "$TOOLS/make_articles.py" "$D/huge" 400 13 huge
  KG_DB=$M/kg.db timeout 120 "$KG" ingest -q --batch 1000 "$D/huge" >"$WORK/out" 2>"$WORK/err"
  code=$?
  [ $code -ne 0 ] && grep -qiE "kg: error: .*(full|space)" "$WORK/err" ||
    fail "ingest onto a full disk: exit $code: $(head -c 300 "$WORK/err")"
  grep -qE "AddressSanitizer|runtime error:" "$WORK/err" && fail "full disk: sanitizer report"
  $CHECK "$M/kg.db" integrity || fail "full disk: database damaged"
  KG_DB=$M/kg.db "$KG" export --format jsonl --every-evidence -o "$WORK/full.jsonl" 2>"$WORK/err" ||
    fail "full disk: export of the database afterwards: $(cat "$WORK/err")"
  umount "$M"
  trap 'rm -rf "$WORK"' EXIT
  echo "read-only and full tmpfs: checked"
else
  # No mount privilege: the shim plays the full disk (every write from the 20th on fails).
  env LD_PRELOAD="$PRELOAD" FAULTFS_DIR="$D" FAULTFS_CALL=write FAULTFS_NTH=20 FAULTFS_ALWAYS=1 FAULTFS_ERRNO=ENOSPC \
    timeout 120 "$KG" ingest -q "$D/more" >"$WORK/out" 2>"$WORK/err"
  code=$?
  [ $code -ne 0 ] && grep -qiE "kg: error: .*(full|space)" "$WORK/err" || fail "full disk (shim): exit $code: $(head -c 300 "$WORK/err")"
  $CHECK "$KG_DB" integrity || fail "full disk (shim): database damaged"
  echo "note: no tmpfs mount privilege: full disk simulated by the shim; read-only case skipped"
fi
echo "faults injected: $injected during ingest, $export_faults during export"
finish
