#!/usr/bin/env bash
# Atomic ingest under kill -9. Each round starts `kg ingest` on a random
# subset of generated articles and kills it (SIGKILL) at a random moment. After
# every kill the database must pass PRAGMA integrity_check and
# foreign_key_check, every stored document must carry exactly the evidence and
# mentions a serial reference run gave it (wholly present or absent), and every
# document of an ingest that had exited 0 must still be there. The database
# starts afresh every 10 rounds. A final run completes the rest and must equal
# the serial reference (every evidence line, order-independent form).
# Then: `kg export -o` killed mid-write never leaves a truncated output.
#   KG_KILL_ROUNDS   rounds (default 100)
source "$(dirname "$0")/lib.bash"
PY=/usr/bin/python3
TOOLS=$KG_SOURCE_DIR/tests/tools
CHECK="$PY $TOOLS/db_check.py"
ROUNDS=${KG_KILL_ROUNDS:-100}
DOCS=$WORK/docs

$PY "$TOOLS/make_articles.py" "$DOCS" 80 7 || fail "generator"
# A few larger documents make the write transactions longer.
$PY "$TOOLS/make_articles.py" "$WORK/big" 1 8 big && for _ in $(seq 40); do cat "$WORK/big/big-0000.txt"; done >"$DOCS/big.txt"
[ -d "$KG_SHARED_DIR/corpus" ] && cp "$KG_SHARED_DIR"/corpus/*.txt "$DOCS/" 2>/dev/null

# Serial reference: one thread, one document per transaction.
start=$(date +%s%N)
KG_DB=$WORK/reference.db "$KG" ingest -q --threads 1 --batch 1 "$DOCS" >"$WORK/out" 2>"$WORK/err" ||
  { fail "reference ingest: $(cat "$WORK/err")"; finish; }
reference_ms=$((($(date +%s%N) - start) / 1000000))
$CHECK "$WORK/reference.db" documents >"$WORK/reference.docs"
KG_DB=$WORK/reference.db "$KG" export --format jsonl --every-evidence -o "$WORK/reference.jsonl" || fail "reference export"
KG_DB=$WORK/reference.db "$KG" export --format entities -o "$WORK/reference.entities" || fail "reference export"
$PY "$TOOLS/canonical_export.py" "$WORK/reference.jsonl" "$WORK/reference.entities" >"$WORK/reference.canon"
echo "reference: $(wc -l <"$WORK/reference.docs") documents, $(wc -l <"$WORK/reference.canon") evidence lines, ${reference_ms} ms"

mapfile -t all_files < <(cd "$DOCS" && ls)
: >"$WORK/must_have"
killed=0 completed=0
for round in $(seq 1 "$ROUNDS"); do
  if [ $(((round - 1) % 10)) -eq 0 ]; then
    rm -f "$KG_DB" "$KG_DB"-wal "$KG_DB"-shm
    : >"$WORK/must_have"
  fi
  # A random subset, in a random order, with random batch sizes and threads.
  mapfile -t subset < <(printf '%s\n' "${all_files[@]}" | shuf -n $((RANDOM % ${#all_files[@]} + 1)))
  batch=$((RANDOM % 3 == 0 ? 1 : RANDOM % 40 + 1))
  threads=$((RANDOM % 2 + 1))
  (cd "$DOCS" && exec "$KG" ingest -q --batch "$batch" --threads "$threads" "${subset[@]}") >/dev/null 2>"$WORK/round.err" &
  pid=$!
  # Somewhere between start-up and the expected end of this subset.
  window=$((reference_ms * ${#subset[@]} / ${#all_files[@]} + 150))
  sleep "$(awk -v ms=$((RANDOM % window)) 'BEGIN { printf "%.3f", ms / 1000 }')"
  if kill -9 "$pid" 2>/dev/null; then
    wait "$pid" 2>/dev/null
    killed=$((killed + 1))
  else
    wait "$pid"
    code=$?
    [ "$code" -eq 0 ] || fail "round $round: ingest exited $code: $(head -c 300 "$WORK/round.err")"
    [ "$code" -eq 0 ] && printf '%s\n' "${subset[@]}" >>"$WORK/must_have"
    completed=$((completed + 1))
  fi
  [ -e "$KG_DB" ] || continue
  $CHECK "$KG_DB" integrity || { fail "round $round: database damaged"; break; }
  $CHECK "$KG_DB" documents >"$WORK/round.docs"
  # Every stored document matches the reference exactly (names in docs are relative).
  $PY - "$WORK/reference.docs" "$WORK/round.docs" "$WORK/must_have" "$DOCS" <<'PYEOF' || { fail "round $round"; break; }
import os, sys
def load(path, strip=""):
    rows = {}
    for line in open(path, encoding="utf-8"):
        name, evidence, mentions = line.rstrip("\n").split("\t")
        rows[os.path.basename(name)] = (evidence, mentions)
    return rows
reference, stored = load(sys.argv[1]), load(sys.argv[2])
for name, counts in stored.items():
    if reference.get(name) != counts:
        sys.exit(f"{name}: stored with evidence/mentions {counts}, reference {reference.get(name)}")
missing = {line.strip() for line in open(sys.argv[3]) if line.strip()} - set(stored)
if missing:
    sys.exit(f"documents of a completed ingest are gone: {sorted(missing)[:5]}")
PYEOF
done
echo "kill rounds: $ROUNDS ($killed killed mid-run, $completed completed before the kill)"

# The final run completes whatever is missing and equals the reference.
(cd "$DOCS" && "$KG" ingest -q "${all_files[@]}") >"$WORK/out" 2>"$WORK/err" || fail "final ingest: $(head -c 300 "$WORK/err")"
"$KG" export --format jsonl --every-evidence -o "$WORK/final.jsonl" || fail "final export"
"$KG" export --format entities -o "$WORK/final.entities" || fail "final export"
$PY "$TOOLS/canonical_export.py" "$WORK/final.jsonl" "$WORK/final.entities" >"$WORK/final.canon"
# Documents were named relative to $DOCS here, with the directory in the reference.
# Nodes are compared by type and alias set: which alias is the canonical name
# may depend on which document came first (see canonical_export.py).
sed -i "s#\"source\": \"$DOCS/#\"source\": \"#" "$WORK/reference.canon"
sort -o "$WORK/reference.canon" "$WORK/reference.canon"
sort -o "$WORK/final.canon" "$WORK/final.canon"
[ -n "${KG_KEEP_LOGS:-}" ] && cp "$WORK/reference.canon" "$WORK/final.canon" "$KG_KEEP_LOGS/"
cmp -s "$WORK/reference.canon" "$WORK/final.canon" ||
  fail "after the kills, the completed database differs from the serial reference: $(diff "$WORK/reference.canon" "$WORK/final.canon" | head -c 600)"

# kg export -o killed mid-write: the target is either absent or a complete
# earlier export, and no temporary file survives a completed export.
"$KG" export --format graphml -o "$WORK/complete.graphml" || fail "export"
export_kills=0
for round in $(seq 1 20); do
  rm -f "$WORK/killed.graphml"
  [ $((round % 2)) -eq 0 ] && cp "$WORK/complete.graphml" "$WORK/killed.graphml"
  "$KG" export --format graphml -o "$WORK/killed.graphml" &
  pid=$!
  sleep "$(awk -v ms=$((RANDOM % 400)) 'BEGIN { printf "%.3f", ms / 1000 }')"
  kill -9 "$pid" 2>/dev/null && export_kills=$((export_kills + 1))
  wait "$pid" 2>/dev/null
  if [ -e "$WORK/killed.graphml" ]; then
    cmp -s "$WORK/killed.graphml" "$WORK/complete.graphml" ||
      fail "export round $round: a killed export left a partial file ($(wc -c <"$WORK/killed.graphml") bytes)"
  fi
done
echo "export kills: $export_kills of 20 rounds killed mid-run; no partial output"
"$KG" export --format graphml -o "$WORK/again.graphml" || fail "export after kills"
leftover=$(ls -a "$WORK" | grep -c '^\.kg-output' || true)
echo "temporary files left by killed exports: $leftover (a later export does not trip over them)"
finish
