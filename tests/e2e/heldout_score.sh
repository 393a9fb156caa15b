#!/usr/bin/env bash
# Scores extraction on our own held-out articles (tests/extract/heldout), written
# independently of the rules: a regression guard for generalisation, with
# thresholds a little under today's figures (relations F1 0.69, entities 0.90).
# Uses ../shared/eval/score.py; skipped (77) without it.
source "$(dirname "$0")/lib.bash"

HELDOUT="$KG_SOURCE_DIR/tests/extract/heldout"
if [ ! -f "$KG_SHARED_DIR/eval/score.py" ]; then
  echo "skipped: no scorer under $KG_SHARED_DIR"
  exit 77
fi
PYTHON=/usr/bin/python3
[ -x "$PYTHON" ] || PYTHON=python3

expect_exit 0 "$KG" ingest "$HELDOUT/articles"
expect_exit 0 "$KG" export --format jsonl -o "$WORK/triples.jsonl"
expect_exit 0 "$KG" export --format entities -o "$WORK/entities.jsonl"
"$PYTHON" "$KG_SHARED_DIR/eval/score.py" --gold "$HELDOUT/gold" --pred "$WORK/triples.jsonl" \
  --entities "$WORK/entities.jsonl" --min-f1 0.65 --min-entity-f1 0.88 >"$WORK/score.txt" 2>&1
status=$?
cat "$WORK/score.txt"
[ "$status" -eq 0 ] || fail "held-out score below thresholds (relation F1 >= 0.65, entity F1 >= 0.88)"
finish
