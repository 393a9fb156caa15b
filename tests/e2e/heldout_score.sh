#!/usr/bin/env bash
# Scores extraction on our own held-out articles (tests/extract/heldout), written
# independently of the rules, in sets scored apart: articles 01-10, 16-25, 26-35 and
# 36-45, which rule work has since looked at (regression guards), and 11-15 and 46-55,
# never tuned on (generalisation guards). Thresholds sit a little under today's figures
# (relations F1 / entities F1: 01-10 0.867 / 0.977, 11-15 0.730 / 0.923, 16-25 0.803 /
# 0.946, 26-35 0.850 / 0.960, 36-45 0.777 / 0.960, 46-55 0.593 / 0.909). Uses
# ../shared/eval/score.py; skipped (77) without it.
source "$(dirname "$0")/lib.bash"

HELDOUT="$KG_SOURCE_DIR/tests/extract/heldout"
if [ ! -f "$KG_SHARED_DIR/eval/score.py" ]; then
  echo "skipped: no scorer under $KG_SHARED_DIR"
  exit 77
fi
PYTHON=/usr/bin/python3
[ -x "$PYTHON" ] || PYTHON=python3

# score NAME GOLD_DIR MIN_RELATION_F1 MIN_ENTITY_F1 ARTICLE...
score() {
  local name=$1 gold=$2 min_f1=$3 min_entity_f1=$4
  shift 4
  export KG_DB="$WORK/$name.db"
  expect_exit 0 "$KG" ingest "$@"
  expect_exit 0 "$KG" export --format jsonl -o "$WORK/$name-triples.jsonl"
  expect_exit 0 "$KG" export --format entities -o "$WORK/$name-entities.jsonl"
  "$PYTHON" "$KG_SHARED_DIR/eval/score.py" --gold "$gold" --pred "$WORK/$name-triples.jsonl" \
    --entities "$WORK/$name-entities.jsonl" --min-f1 "$min_f1" --min-entity-f1 "$min_entity_f1" \
    >"$WORK/$name-score.txt" 2>&1
  local status=$?
  echo "== articles $name"
  cat "$WORK/$name-score.txt"
  [ "$status" -eq 0 ] ||
    fail "held-out $name below thresholds (relation F1 >= $min_f1, entity F1 >= $min_entity_f1)"
}

score 01-10 "$HELDOUT/gold" 0.85 0.96 "$HELDOUT"/articles/0[1-9]_*.txt "$HELDOUT"/articles/10_*.txt
score 11-15 "$HELDOUT/gold-11-15" 0.72 0.91 "$HELDOUT"/articles/1[1-5]_*.txt
score 16-25 "$HELDOUT/gold-16-25" 0.78 0.93 "$HELDOUT"/articles/1[6-9]_*.txt "$HELDOUT"/articles/2[0-5]_*.txt
score 26-35 "$HELDOUT/gold-26-35" 0.83 0.94 "$HELDOUT"/articles/2[6-9]_*.txt "$HELDOUT"/articles/3[0-5]_*.txt
score 36-45 "$HELDOUT/gold-36-45" 0.76 0.94 "$HELDOUT"/articles/3[6-9]_*.txt "$HELDOUT"/articles/4[0-5]_*.txt
score 46-55 "$HELDOUT/gold-46-55" 0.57 0.89 "$HELDOUT"/articles/4[6-9]_*.txt "$HELDOUT"/articles/5[0-5]_*.txt
finish
