#!/usr/bin/env bash
# kg import: bad lines are named file:line and skipped (exit 1), good ones are
# merged through the store's canonicalisation, re-import is idempotent, and
# export -> import into a fresh database -> export gives the same graph.
source "$(dirname "$0")/lib.bash"
PY=/usr/bin/python3
here=$(dirname "$0")

cat >"$WORK/mixed.jsonl" <<'JSONL'
{"subject":"Alibaba Group","subject_type":"Company","relation":"partners_with","object":"Apple","object_type":"Company","confidence":0.9,"source":"a.txt","sentence":"Alibaba partners with Apple.","span":[0,28]}
this is not json
{"subject":"Alibaba","subject_type":"Company","relation":"invests","object":"$53 billion","object_type":"Amount","object_value":5.3e10,"object_unit":"USD","confidence":0.8,"source":"a.txt","evidence":"Alibaba will invest $53 billion."}
{"subject":"Eddie Wu","relation":"ceo_of","object":"Alibaba","object_type":"Company"}
{"subject":"Eddie Wu","subject_type":"Person","relation":"ceo_of","object":"Alibaba Group Holding Ltd.","object_type":"Company","source":"b.txt"}
JSONL
expect_exit 1 "$KG" import "$WORK/mixed.jsonl"
expect_grep "mixed.jsonl:2: not JSON" "$WORK/err"
expect_grep "mixed.jsonl:4: 'subject_type'" "$WORK/err"
grep -q "mixed.jsonl:[135]:" "$WORK/err" && fail "a good line was reported: $(cat "$WORK/err")"
expect_exit 0 "$KG" stats --json
$PY -c "
import json,sys; s=json.load(open(sys.argv[1]))
assert s['entities'] == 4, s   # Alibaba (three spellings), Apple, \$53B, Eddie Wu
assert s['relations'] == 3, s
" "$WORK/out" || fail "import did not merge by name: $(cat "$WORK/out")"

# Unchanged files change nothing.
"$KG" export --format jsonl --every-evidence >"$WORK/before.jsonl"
expect_exit 1 "$KG" import "$WORK/mixed.jsonl"
"$KG" export --format jsonl --every-evidence >"$WORK/after.jsonl"
cmp -s "$WORK/before.jsonl" "$WORK/after.jsonl" || fail "re-importing an unchanged file changed the graph"

# A missing file is an error, other files still import.
printf '{"subject":"Nvidia","subject_type":"Company","relation":"develops","object":"H20","object_type":"Chip"}\n' >"$WORK/ok.jsonl"
expect_exit 1 "$KG" import "$WORK/missing.jsonl" "$WORK/ok.jsonl"
expect_grep "missing.jsonl" "$WORK/err"
"$KG" export --format jsonl | grep -q '"object":"H20"' || fail "the good file after a missing one was not imported"

# Round trip on the hostile graph: export, import into a fresh database, export again.
$PY "$here/export_hostile_graph.py" "$WORK/hostile.jsonl" 30
export KG_DB="$WORK/first.db"
expect_exit 0 "$KG" import "$WORK/hostile.jsonl"
"$KG" export --format jsonl >"$WORK/first.jsonl"
"$KG" export --format entities >"$WORK/first-entities.jsonl"
expect_exit 0 "$KG" --db "$WORK/second.db" import "$WORK/first.jsonl" "$WORK/first-entities.jsonl"
"$KG" --db "$WORK/second.db" export --format jsonl >"$WORK/second.jsonl"
"$KG" --db "$WORK/second.db" export --format entities >"$WORK/second-entities.jsonl"
$PY - "$WORK" <<'PYEOF' || fail "the round trip changed the graph"
import json, sys
work = sys.argv[1]
def triples(name):
    keep = ("subject", "subject_type", "relation", "object", "object_type", "object_value",
            "object_unit", "confidence", "sentence", "span")
    return sorted(json.dumps([json.loads(l)[k] for k in keep]) for l in open(f"{work}/{name}"))
def entities(name):
    rows = [json.loads(l) for l in open(f"{work}/{name}")]
    return sorted(json.dumps([r["name"], r["type"], sorted(r["aliases"]), r["value"], r["unit"]]) for r in rows)
a, b = triples("first.jsonl"), triples("second.jsonl")
assert len(a) > 60 and a == b, (len(a), len(b), set(a) ^ set(b))
assert entities("first-entities.jsonl") == entities("second-entities.jsonl")
print("round trip ok:", len(a), "triples")
PYEOF
# The gold annotations import as they are (their `evidence` field, entity lines with aliases),
# and the evaluator scores the exported graph perfectly against them.
gold="$KG_SHARED_DIR/gold/seeds"
if [ -f "$gold/triples.jsonl" ] && [ -f "$KG_SHARED_DIR/eval/score.py" ]; then
  export KG_DB="$WORK/gold.db"
  expect_exit 0 "$KG" import "$gold/triples.jsonl" "$gold/entities.jsonl"
  "$KG" export --format jsonl -o "$WORK/gold-triples.jsonl"
  "$KG" export --format entities -o "$WORK/gold-entities.jsonl"
  $PY "$KG_SHARED_DIR/eval/score.py" --gold "$gold" --pred "$WORK/gold-triples.jsonl" \
    --entities "$WORK/gold-entities.jsonl" --min-f1 1.0 --min-entity-f1 1.0 >"$WORK/score.out" 2>&1 ||
    fail "gold import does not score 1.0: $(tail -3 "$WORK/score.out")"
else
  echo "no shared gold: gold import skipped" >&2
fi
finish
