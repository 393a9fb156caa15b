#!/usr/bin/env bash
# kg render: SVG that an XML parser reads with one node group per drawn
# entity, PNG and PDF signatures, scope options, size cap, safe outputs.
source "$(dirname "$0")/lib.bash"
PY=/usr/bin/python3
here=$(dirname "$0")

$PY "$here/export_hostile_graph.py" "$WORK/hostile.jsonl" 120
expect_exit 0 "$KG" import "$WORK/hostile.jsonl"
expect_exit 0 "$KG" export --format entities -o "$WORK/entities.jsonl"
entities=$(wc -l <"$WORK/entities.jsonl")

# svg_nodes FILE: node groups in the SVG, parsed by expat through xml.etree.
svg_nodes() {
  $PY -c "
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
groups = [g for g in root.iter('{http://www.w3.org/2000/svg}g') if g.get('class') == 'node']
print(len(groups))
" "$1"
}

expect_exit 0 "$KG" render -o "$WORK/all.svg" --max-nodes 0
[ "$(svg_nodes "$WORK/all.svg")" = "$entities" ] || fail "whole-graph SVG has $(svg_nodes "$WORK/all.svg") nodes, expected $entities"
grep -q 'Quote &quot;Inc&quot;\|Quote "Inc"' "$WORK/all.svg" || fail "hostile name missing from SVG"

expect_exit 0 "$KG" render -o "$WORK/capped.svg" --max-nodes 25
[ "$(svg_nodes "$WORK/capped.svg")" = 25 ] || fail "--max-nodes 25 drew $(svg_nodes "$WORK/capped.svg")"
expect_grep "left out: $((entities - 25)) entities" "$WORK/capped.svg"

expect_exit 0 "$KG" render -o "$WORK/focus.svg" --focus "Eddie Wu" --depth 1 --layout dot
n=$(svg_nodes "$WORK/focus.svg")
[ "$n" -ge 2 ] && [ "$n" -lt 10 ] || fail "--focus drew $n nodes"
expect_grep "neighbours of Eddie Wu" "$WORK/focus.svg"

expect_exit 0 "$KG" render -o "$WORK/query.svg" --query '? ceo_of ?'
[ "$(svg_nodes "$WORK/query.svg")" = 2 ] || fail "--query drew $(svg_nodes "$WORK/query.svg") nodes"

for layout in dot neato fdp sfdp circo; do
  expect_exit 0 "$KG" render -o "$WORK/l-$layout.svg" --layout "$layout" --focus "Eddie Wu" --depth 2
  [ "$(svg_nodes "$WORK/l-$layout.svg")" -ge 2 ] || fail "layout $layout drew nothing"
done

expect_exit 0 "$KG" render -o "$WORK/g.png" --max-nodes 40
head -c 8 "$WORK/g.png" | od -An -tx1 | grep -q "89 50 4e 47 0d 0a 1a 0a" || fail "not a PNG"
[ "$(stat -c %s "$WORK/g.png")" -gt 5000 ] || fail "PNG suspiciously small"
expect_exit 0 "$KG" render -o "$WORK/g.pdf" --max-nodes 40
[ "$(head -c 5 "$WORK/g.pdf")" = "%PDF-" ] || fail "not a PDF"
expect_exit 0 "$KG" render -o - --format svg --max-nodes 10
expect_grep "<svg" "$WORK/out"

expect_exit 2 "$KG" render -o "$WORK/g.gif"
expect_exit 2 "$KG" render -o "$KG_DB.svg" --layout spiral
expect_exit 2 "$KG" render -o /dev/null --format svg
expect_exit 1 "$KG" render -o "$WORK/none.svg" --focus "No Such Entity"
[ ! -e "$WORK/none.svg" ] || fail "a failed render left a file"
finish
