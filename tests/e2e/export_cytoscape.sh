#!/usr/bin/env bash
# The Cytoscape.js export loads into Cytoscape.js itself (headless, in Node).
# npm installs cytoscape into tests/e2e/node_modules (cache in .npm-cache,
# both gitignored); without npm or the registry the test is skipped (77).
source "$(dirname "$0")/lib.bash"
here=$(cd "$(dirname "$0")" && pwd)

command -v node >/dev/null && command -v npm >/dev/null || { echo "no node/npm: skipped"; exit 77; }
if [ ! -d "$here/node_modules/cytoscape" ]; then
  npm install --prefix "$here" --no-save --no-audit --no-fund --cache "$here/.npm-cache" \
    cytoscape@3 >"$WORK/npm.log" 2>&1 || { echo "npm install failed: skipped"; exit 77; }
fi

/usr/bin/python3 "$here/export_hostile_graph.py" "$WORK/hostile.jsonl" 20
expect_exit 0 "$KG" import "$WORK/hostile.jsonl"
expect_exit 0 "$KG" export --format entities -o "$WORK/entities.jsonl"
expect_exit 0 "$KG" export --format jsonl -o "$WORK/triples.jsonl"
expect_exit 0 "$KG" export --format cytoscape -o "$WORK/g.cyjs"
NODE_PATH="$here/node_modules" node - "$WORK/g.cyjs" "$(wc -l <"$WORK/entities.jsonl")" \
  "$(wc -l <"$WORK/triples.jsonl")" >"$WORK/node.out" 2>&1 <<'JSEOF' || fail "Cytoscape.js: $(cat "$WORK/node.out")"
const fs = require("fs");
const cytoscape = require("cytoscape");
const [file, entities, relations] = process.argv.slice(2);
const exported = JSON.parse(fs.readFileSync(file, "utf8"));
const cy = cytoscape({ headless: true, elements: exported.elements });
if (cy.nodes().length !== Number(entities)) throw new Error(`nodes ${cy.nodes().length} != ${entities}`);
if (cy.edges().length !== Number(relations)) throw new Error(`edges ${cy.edges().length} != ${relations}`);
if (cy.nodes().filter(n => n.data("name") === 'Quote "Inc"').length !== 1) throw new Error("name lost");
cy.edges().forEach(e => { if (!e.source().isNode() || !e.target().isNode()) throw new Error("dangling"); });
const again = cytoscape({ headless: true });
again.json(exported);  // the .cyjs document as a whole
if (again.elements().length !== cy.elements().length) throw new Error("cy.json() load differs");
console.log("cytoscape ok", cy.nodes().length, cy.edges().length);
JSEOF
finish
