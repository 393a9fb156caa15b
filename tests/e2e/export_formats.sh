#!/usr/bin/env bash
# Every export format read back by its real consumer: networkx (GraphML,
# node-link JSON), Graphviz's own parser (DOT), rapper (N-Triples), Python's
# csv module (Neo4j CSV), on a graph whose names break naive writers.
source "$(dirname "$0")/lib.bash"
PY=/usr/bin/python3
here=$(dirname "$0")

$PY "$here/export_hostile_graph.py" "$WORK/hostile.jsonl" 40 || { echo "cannot write input"; exit 1; }
expect_exit 0 "$KG" import "$WORK/hostile.jsonl"

# The ground truth: entities and relations as the lead's JSON Lines exports list them.
expect_exit 0 "$KG" export --format entities -o "$WORK/entities.jsonl"
expect_exit 0 "$KG" export --format jsonl -o "$WORK/triples.jsonl"
entities=$(wc -l <"$WORK/entities.jsonl")
relations=$(wc -l <"$WORK/triples.jsonl")
[ "$entities" -gt 50 ] || fail "expected more than 50 entities, got $entities"

expect_exit 0 "$KG" export --format graphml -o "$WORK/g.graphml"
expect_exit 0 "$KG" export --format json -o "$WORK/g.json"
$PY - "$WORK" "$entities" "$relations" <<'PYEOF' || fail "networkx could not read the exports"
import json, re, sys
import networkx as nx
work, entities, relations = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
names = {json.loads(l)["name"] for l in open(f"{work}/entities.jsonl", encoding="utf-8")}
# XML 1.0 cannot carry most control characters: the GraphML writer documents U+FFFD for them.
xml_names = {re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", "\ufffd", n) for n in names}
assert xml_names != names  # the test graph does hold such a name
g = nx.read_graphml(f"{work}/g.graphml")
assert g.number_of_nodes() == entities, (g.number_of_nodes(), entities)
assert g.number_of_edges() == relations, (g.number_of_edges(), relations)
assert {d["name"] for _, d in g.nodes(data=True)} == xml_names
assert 'Quote "Inc"' in names and "Back\\slash\\" in names
for _, _, d in g.edges(data=True):
    assert isinstance(d["confidence"], float) and 0 <= d["confidence"] <= 1
    assert d["relation"] and d["source"].startswith("import:")
amounts = [d for _, d in g.nodes(data=True) if d["type"] == "Amount"]
assert any(d.get("value") == 5.3e10 and d.get("unit") == "USD" for d in amounts), amounts
h = nx.node_link_graph(json.load(open(f"{work}/g.json", encoding="utf-8")))
assert h.is_directed() and h.is_multigraph()
assert h.number_of_nodes() == entities and h.number_of_edges() == relations
assert {d["name"] for _, d in h.nodes(data=True)} == names
assert {d["relation"] for *_, d in h.edges(keys=True, data=True)} == \
       {d["relation"] for *_, d in g.edges(data=True)}
print("networkx ok:", entities, "nodes,", relations, "edges")
PYEOF

expect_exit 0 "$KG" export --format dot -o "$WORK/g.dot"
if dot -Tcanon "$WORK/g.dot" >"$WORK/canon.dot" 2>"$WORK/dot.err"; then
  nodes=$(gvpr 'BEG_G { printf("%d %d", nNodes($G), nEdges($G)) }' "$WORK/g.dot")
  [ "$nodes" = "$entities $relations" ] || fail "dot sees '$nodes', expected '$entities $relations'"
  # The labels Graphviz reads are the names exactly (backslashes doubled for label escapes).
  gvpr 'N { print(label) }' "$WORK/g.dot" >"$WORK/labels.txt"
  grep -qF 'Quote "Inc"' "$WORK/labels.txt" || fail "quoted name lost in DOT"
else
  fail "Graphviz rejected the DOT export: $(head -c 300 "$WORK/dot.err")"
fi

expect_exit 0 "$KG" export --format ntriples -o "$WORK/g.nt"
if rapper -i ntriples -c "$WORK/g.nt" >"$WORK/rapper.out" 2>&1; then
  expect_grep "returned [0-9]+ triples" "$WORK/rapper.out"
  predicates=$(grep -c '<https://kg.example/relation/' "$WORK/g.nt")
  [ "$predicates" -eq "$relations" ] || fail "N-Triples has $predicates relation triples, expected $relations"
else
  fail "rapper rejected the N-Triples: $(head -c 400 "$WORK/rapper.out")"
fi

mkdir -p "$WORK/neo4j"
expect_exit 0 "$KG" export --format csv -o "$WORK/neo4j"
expect_exit 0 "$KG" export --format csv -o "$WORK/prefix-"
[ -f "$WORK/prefix-nodes.csv" ] && [ -f "$WORK/prefix-relationships.csv" ] || fail "csv prefix output"
$PY - "$WORK" "$entities" "$relations" <<'PYEOF' || fail "the Neo4j CSV did not read back"
import csv, json, sys
work, entities, relations = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
with open(f"{work}/neo4j/nodes.csv", newline="", encoding="utf-8") as f:
    nodes = list(csv.DictReader(f))
with open(f"{work}/neo4j/relationships.csv", newline="", encoding="utf-8") as f:
    rels = list(csv.DictReader(f))
assert len(nodes) == entities and len(rels) == relations, (len(nodes), len(rels))
ids = {n["entity_id:ID"] for n in nodes}
assert all(r[":START_ID"] in ids and r[":END_ID"] in ids for r in rels)
names = {json.loads(l)["name"] for l in open(f"{work}/entities.jsonl", encoding="utf-8")}
assert {n["name"] for n in nodes} == names
assert all(r[":TYPE"] for r in rels)
print("csv ok")
PYEOF

# Scoped exports: a query's answer and a neighbourhood.
expect_exit 0 "$KG" export --format json --focus "Eddie Wu" --depth 1 -o "$WORK/focus.json"
$PY -c "
import json,sys; g=json.load(open(sys.argv[1]))
names={n['name'] for n in g['nodes']}
assert 'Eddie Wu' in names and 'Quote \"Inc\"' in names and len(names) < $entities, names
" "$WORK/focus.json" || fail "--focus export"
expect_exit 0 "$KG" export --format graphml --query '? ceo_of ?' -o "$WORK/query.graphml"
$PY -c "
import networkx as nx,sys; g=nx.read_graphml(sys.argv[1])
assert g.number_of_edges() == 1 and g.number_of_nodes() == 2, (g.number_of_nodes(), g.number_of_edges())
" "$WORK/query.graphml" || fail "--query export"

# Outputs never go over the database or a device; csv needs a destination.
expect_exit 2 "$KG" export --format graphml -o "$KG_DB"
expect_exit 2 "$KG" export --format dot -o /dev/full
expect_exit 2 "$KG" export --format csv
finish
