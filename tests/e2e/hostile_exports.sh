#!/usr/bin/env bash
# Injection and export validity: 10,000 hostile names (quotes, backslashes,
# `"];`, braces, markup, newlines, control characters, SQL, right-to-left
# marks, emoji, `node`, `graph`, very long strings, trailing backslashes) are
# imported as triples, then every export format is read back by an independent
# parser (python json/csv, expat + networkx, Graphviz gvpr/dot, rapper) and
# must give back every name and relation exactly, up to each format's
# documented replacements (tests/tools/check_exports.py). Output-path safety:
# devices and the database itself are refused and the database is unchanged.
source "$(dirname "$0")/lib.bash"
PY=/usr/bin/python3
TOOLS=$KG_SOURCE_DIR/tests/tools
COUNT=${KG_HOSTILE_NAMES:-10000}

"$KG" import --help >/dev/null 2>&1 || { echo "kg import is not built yet: skipped"; exit 77; }
for tool in gvpr dot rapper; do
  command -v $tool >/dev/null || { echo "$tool is missing (scripts/setup installs it): skipped"; exit 77; }
done

$PY "$TOOLS/hostile_names.py" "$WORK/hostile.jsonl" "$WORK/expected.json" "$COUNT" || fail "generator"
expect_exit 0 "$KG" import "$WORK/hostile.jsonl"
expect_exit 0 "$KG" stats --json
$PY -c "
import json, sys
stats = json.load(open(sys.argv[1]))
assert stats['entities'] == int(sys.argv[2]), stats['entities']
assert stats['relations'] == int(sys.argv[2]) // 2, stats['relations']" "$WORK/out" "$COUNT" ||
  fail "import did not keep every hostile name apart: $(head -c 300 "$WORK/out")"

for format in jsonl entities json cytoscape graphml dot ntriples; do
  expect_exit 0 "$KG" export --format $format -o "$WORK/export.$format"
  timeout 600 $PY "$TOOLS/check_exports.py" "$WORK/expected.json" $format "$WORK/export.$format" \
    >"$WORK/check.out" 2>"$WORK/check.err" || fail "$format: $(head -c 1500 "$WORK/check.err")"
  cat "$WORK/check.out"
done
mkdir -p "$WORK/csv"
expect_exit 0 "$KG" export --format csv -o "$WORK/csv/"
timeout 600 $PY "$TOOLS/check_exports.py" "$WORK/expected.json" csv "$WORK/csv/nodes.csv" "$WORK/csv/relationships.csv" \
  >"$WORK/check.out" 2>"$WORK/check.err" || fail "csv: $(head -c 1500 "$WORK/check.err")"
cat "$WORK/check.out"
xmllint --noout "$WORK/export.graphml" 2>"$WORK/xmllint.err" || fail "xmllint: $(head -c 300 "$WORK/xmllint.err")"

# Standard output is "-" (or no -o); devices, directories and the database are refused.
before=$(sha256sum "$KG_DB" | cut -d' ' -f1)
expect_exit 0 "$KG" export --format jsonl -o -
[ -s "$WORK/out" ] || fail "-o - wrote nothing to standard output"
for target in /dev/null /dev/full /dev/zero "$WORK" "$KG_DB" "$KG_DB-wal"; do
  [ -e "$target" ] || continue
  expect_exit 2 "$KG" export --format dot -o "$target"
  grep -qF -- "$target" "$WORK/err" || fail "refusing -o $target does not name it: $(cat "$WORK/err")"
done
ln -s "$KG_DB" "$WORK/db-link.json"
expect_exit 2 "$KG" export --format json -o "$WORK/db-link.json"
[ "$before" = "$(sha256sum "$KG_DB" | cut -d' ' -f1)" ] || fail "the database changed"
$PY "$TOOLS/db_check.py" "$KG_DB" integrity || fail "database damaged"
ls -a "$WORK" | grep -q '^\.kg-output' && fail "a temporary output file was left behind"
finish
