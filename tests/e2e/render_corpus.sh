#!/usr/bin/env bash
# The real articles (../shared/corpus) ingested, then drawn and exported: the
# pictures and exports hold what `kg stats` says the graph holds.
source "$(dirname "$0")/lib.bash"
PY=/usr/bin/python3
corpus="$KG_SHARED_DIR/corpus"
[ -d "$corpus" ] || { echo "no shared corpus: skipped"; exit 77; }
"$KG" ingest "$corpus" >"$WORK/ingest.out" 2>&1 || { echo "ingest failed: skipped"; exit 77; }

expect_exit 0 "$KG" stats --json
cp "$WORK/out" "$WORK/stats.json"
expect_exit 0 "$KG" render -o "$WORK/corpus.svg" --max-nodes 0
expect_exit 0 "$KG" export --format graphml -o "$WORK/corpus.graphml"
expect_exit 0 "$KG" export --format json -o "$WORK/corpus.json"
$PY - "$WORK" <<'PYEOF' || fail "corpus picture or export disagrees with kg stats"
import json, sys, xml.etree.ElementTree as ET
import networkx as nx
work = sys.argv[1]
stats = json.load(open(f"{work}/stats.json"))
svg = ET.parse(f"{work}/corpus.svg").getroot()
nodes = [g for g in svg.iter("{http://www.w3.org/2000/svg}g") if g.get("class") == "node"]
edges = [g for g in svg.iter("{http://www.w3.org/2000/svg}g") if g.get("class") == "edge"]
assert len(nodes) == stats["entities"], (len(nodes), stats["entities"])
assert len(edges) == stats["relations"], (len(edges), stats["relations"])
g = nx.read_graphml(f"{work}/corpus.graphml")
assert (g.number_of_nodes(), g.number_of_edges()) == (stats["entities"], stats["relations"])
h = nx.node_link_graph(json.load(open(f"{work}/corpus.json")))
assert (h.number_of_nodes(), h.number_of_edges()) == (stats["entities"], stats["relations"])
print("corpus ok:", stats["entities"], "entities,", stats["relations"], "relations")
PYEOF

alibaba=$("$KG" export --format entities | $PY -c "
import json,sys
for l in sys.stdin:
    e=json.loads(l)
    if e['type']=='Company' and 'alibaba' in e['name'].lower(): print(e['name']); break")
if [ -n "$alibaba" ]; then
  expect_exit 0 "$KG" render -o "$WORK/alibaba.png" --focus "$alibaba" --depth 1
  head -c 8 "$WORK/alibaba.png" | od -An -tx1 | grep -q "89 50 4e 47" || fail "focus PNG"
  expect_exit 0 "$KG" render -o "$WORK/alibaba.pdf" --focus "$alibaba" --depth 2 --layout sfdp
  [ "$(head -c 5 "$WORK/alibaba.pdf")" = "%PDF-" ] || fail "focus PDF"
fi
finish
