#!/usr/bin/env bash
# kg ingest on the example articles and the shared sample corpus: every file
# stored, a second run stores nothing new and leaves `kg stats` unchanged.
source "$(dirname "$0")/lib.bash"

ran=0
for corpus in "$KG_SOURCE_DIR/examples/articles" "$KG_SHARED_DIR/corpus"; do
  [ -d "$corpus" ] || continue
  files=$(find "$corpus" -type f ! -name '.*' ! -path '*/.*' | wc -l)
  [ "$files" -gt 0 ] || continue
  ran=1
  export KG_DB="$WORK/$(basename "$corpus").db"
  expect_exit 0 "$KG" ingest "$corpus"
  expect_grep "^ingested $files documents \($files added, 0 replaced, 0 unchanged\)" "$WORK/out"
  "$KG" stats --json >"$WORK/stats1.json" || fail "stats after ingesting $corpus"
  python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert d['entities'] > 0 and d['relations'] > 0, d" \
    "$WORK/stats1.json" || fail "$corpus gave no entities or relations"
  expect_exit 0 "$KG" ingest "$corpus"
  expect_grep "^ingested $files documents \(0 added, 0 replaced, $files unchanged\)" "$WORK/out"
  "$KG" stats --json >"$WORK/stats2.json"
  cmp -s "$WORK/stats1.json" "$WORK/stats2.json" || fail "stats changed after re-ingesting $corpus"
done
[ "$ran" -eq 1 ] || { echo "no example articles or shared corpus: skipped"; exit 77; }
finish
