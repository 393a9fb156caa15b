#!/usr/bin/env bash
# Concurrency: 8 ingest processes (25 documents each, swapping every document
# between two versions and ingesting again, so each round replaces them),
# 4 query loops and an export loop share one database for
# $KG_CONCURRENCY_SECONDS (default 60). Afterwards every worker ingests its
# first version once more: all 200 documents must be present, the graph must
# equal a serial ingest of those documents, no process may have failed or
# shown "database is locked"/busy to the user, and every export taken during
# the run must be complete, valid JSON Lines.
source "$(dirname "$0")/lib.bash"
PY=/usr/bin/python3
TOOLS=$KG_SOURCE_DIR/tests/tools
SECONDS_TO_RUN=${KG_CONCURRENCY_SECONDS:-60}
WORKERS=8
LOGS=$WORK/logs
mkdir -p "$LOGS"

for w in $(seq 0 $((WORKERS - 1))); do
  $PY "$TOOLS/make_articles.py" "$WORK/v1/w$w" 25 $((100 + w)) "w$w"
  $PY "$TOOLS/make_articles.py" "$WORK/v2/w$w" 25 $((200 + w)) "w$w"
  mkdir -p "$WORK/live/w$w"
  cp "$WORK/v1/w$w"/* "$WORK/live/w$w/"
done
# Serial reference over the same directories (hence the same document names):
# one process, one thread, one document per transaction.
KG_DB=$WORK/reference.db "$KG" ingest -q --threads 1 --batch 1 "$WORK"/live/w* 2>"$LOGS/reference.err" ||
  { fail "reference ingest: $(cat "$LOGS/reference.err")"; finish; }
KG_DB=$WORK/reference.db "$KG" export --format jsonl --every-evidence -o "$WORK/reference.jsonl"
KG_DB=$WORK/reference.db "$KG" export --format entities -o "$WORK/reference.entities"
$PY "$TOOLS/canonical_export.py" "$WORK/reference.jsonl" "$WORK/reference.entities" >"$WORK/reference.canon"

deadline=$(($(date +%s) + SECONDS_TO_RUN))
worker() {
  local w=$1 round=0 version
  while [ "$(date +%s)" -lt "$deadline" ]; do
    version=$((round % 2 == 0 ? 2 : 1))
    cp "$WORK/v$version/w$w"/* "$WORK/live/w$w/"
    "$KG" ingest -q --batch $((round % 3 == 0 ? 1 : 25)) "$WORK/live/w$w" >/dev/null 2>>"$LOGS/ingest-$w.err" ||
      echo "ingest w$w round $round exited $?" >>"$LOGS/failures"
    round=$((round + 1))
  done
  echo "$round" >"$LOGS/rounds-$w"
}
reader() {
  local r=$1 round=0
  local -a commands=("query ?a partners_with ?b" "stats" "neighbors Nvidia" "rank --top 5")
  local command=${commands[$r]}
  while [ "$(date +%s)" -lt "$deadline" ]; do
    # An entity may be briefly absent while its documents are replaced: exit 1 with
    # "not found" is an answer; any other failure is not.
    # shellcheck disable=SC2086
    "$KG" $command >/dev/null 2>"$LOGS/reader-$r.last"
    code=$?
    cat "$LOGS/reader-$r.last" >>"$LOGS/reader-$r.err"
    if [ $code -ne 0 ] && ! grep -qiE "not found|no entity|unknown entity|did you mean|no database|no kg data yet" "$LOGS/reader-$r.last"; then
      echo "reader '$command' round $round exited $code: $(head -c 200 "$LOGS/reader-$r.last")" >>"$LOGS/failures"
    fi
    round=$((round + 1))
  done
  echo "$round" >"$LOGS/reads-$r"
}
exporter() {
  local round=0
  while [ "$(date +%s)" -lt "$deadline" ]; do
    # Until the first ingest has created the database, "no database" is the answer.
    [ -e "$KG_DB" ] || { sleep 0.2; continue; }
    if "$KG" export --format jsonl -o "$WORK/during.jsonl" 2>>"$LOGS/export.err"; then
      $PY -c "
import json, sys
for line in open(sys.argv[1], encoding='utf-8'): json.loads(line)" "$WORK/during.jsonl" ||
        echo "export round $round: invalid JSON Lines" >>"$LOGS/failures"
    else
      # Exports read in one snapshot (Store::Open snapshot); a failure here
      # means a commit between their reads became visible.
      echo "export round $round failed: $(tail -n 1 "$LOGS/export.err")" >>"$LOGS/failures"
    fi
    round=$((round + 1))
  done
  echo "$round" >"$LOGS/exports"
}

pids=()
for w in $(seq 0 $((WORKERS - 1))); do worker "$w" & pids+=($!); done
for r in 0 1 2 3; do reader "$r" & pids+=($!); done
exporter & pids+=($!)
for pid in "${pids[@]}"; do wait "$pid"; done
[ -n "${KG_KEEP_LOGS:-}" ] && cp -r "$LOGS" "$KG_KEEP_LOGS"

# Each worker leaves version 1 behind, as in the reference.
for w in $(seq 0 $((WORKERS - 1))); do
  cp "$WORK/v1/w$w"/* "$WORK/live/w$w/"
  "$KG" ingest -q "$WORK/live/w$w" >/dev/null 2>>"$LOGS/ingest-$w.err" || fail "final ingest of w$w"
done

echo "ingest rounds per worker: $(cat "$LOGS"/rounds-* | tr '\n' ' ')"
echo "reader rounds: $(cat "$LOGS"/reads-* | tr '\n' ' '); export rounds: $(cat "$LOGS/exports")"
[ -s "$LOGS/failures" ] && fail "failures during the run: $(head -c 1500 "$LOGS/failures")"
grep -liE "locked|busy" "$LOGS"/*.err && fail "a user saw 'database is locked' or busy: $(grep -hiE "locked|busy" "$LOGS"/*.err | head -3)"
grep -lE "AddressSanitizer|runtime error:" "$LOGS"/*.err && fail "sanitizer reports: $(grep -hE "AddressSanitizer|runtime error:" "$LOGS"/*.err | head -3)"
documents=$($PY "$TOOLS/db_check.py" "$KG_DB" count documents)
[ "$documents" -eq $((WORKERS * 25)) ] || fail "$documents documents stored, expected $((WORKERS * 25))"
$PY "$TOOLS/db_check.py" "$KG_DB" integrity || fail "database damaged"
"$KG" export --format jsonl --every-evidence -o "$WORK/final.jsonl" || fail "final export"
"$KG" export --format entities -o "$WORK/final.entities" || fail "final export"
$PY "$TOOLS/canonical_export.py" "$WORK/final.jsonl" "$WORK/final.entities" >"$WORK/final.canon"
cmp -s "$WORK/reference.canon" "$WORK/final.canon" ||
  fail "the concurrent result differs from the serial run: $(diff "$WORK/reference.canon" "$WORK/final.canon" | head -c 800)"
finish
