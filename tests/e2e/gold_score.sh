#!/usr/bin/env bash
# Scores the whole pipeline against the gold seeds: ingest the sample corpus with
# the real kg binary, export triples and entities, and run ../shared/eval/score.py.
# Fails below relation F1 0.85 or entity F1 0.90; skipped (77) without the shared gold.
source "$(dirname "$0")/lib.bash"

GOLD="$KG_SHARED_DIR/gold/seeds"
if [ ! -d "$GOLD" ] || [ ! -d "$KG_SHARED_DIR/corpus" ] || [ ! -f "$KG_SHARED_DIR/eval/score.py" ]; then
  echo "skipped: no gold seeds, corpus or scorer under $KG_SHARED_DIR"
  exit 77
fi
PYTHON=/usr/bin/python3
[ -x "$PYTHON" ] || PYTHON=python3

expect_exit 0 "$KG" --db "$WORK/gold.db" ingest "$KG_SHARED_DIR"/corpus/*.txt
expect_exit 0 "$KG" --db "$WORK/gold.db" export --format jsonl -o "$WORK/triples.jsonl"
expect_exit 0 "$KG" --db "$WORK/gold.db" export --format entities -o "$WORK/entities.jsonl"
[ -s "$WORK/triples.jsonl" ] || fail "no triples exported"

"$PYTHON" "$KG_SHARED_DIR/eval/score.py" --gold "$GOLD" --pred "$WORK/triples.jsonl" \
  --entities "$WORK/entities.jsonl" --min-f1 0.85 --min-entity-f1 0.90 >"$WORK/score.txt" 2>&1
status=$?
cat "$WORK/score.txt"
[ "$status" -eq 0 ] || fail "score.py below thresholds (relation F1 >= 0.85, entity F1 >= 0.90)"
finish
