#!/usr/bin/env bash
# kg neighbors, path, rank and communities end to end on graphs with known answers:
# two 4-cliques of companies (A1..A4, B1..B4) joined by A1 -- B1, a CEO of A2, and an
# island pair; then the shared sample corpus when present.
source "$(dirname "$0")/lib.bash"
PY=/usr/bin/python3

triple() {
  printf '{"subject":"%s","subject_type":"%s","relation":"%s","object":"%s","object_type":"%s","confidence":0.9,"source":"g.txt","sentence":"%s %s %s.","span":[0,10]}\n' \
    "$1" "$2" "$3" "$4" "$5" "$1" "$3" "$4"
}
{
  for side in A B; do
    for i in 1 2 3 4; do
      for j in 1 2 3 4; do
        [ "$i" -lt "$j" ] && triple "$side$i" Company partners_with "$side$j" Company
      done
    done
  done
  triple A1 Company invests_in B1 Company
  triple "Pat Lee" Person ceo_of A2 Company
  triple Island Company competes_with Isle Company
} >"$WORK/graph.jsonl"
"$KG" import "$WORK/graph.jsonl" >/dev/null 2>"$WORK/err" || { cat "$WORK/err" >&2; exit 1; }

# Neighbourhoods: depth and relation filters.
expect_exit 0 "$KG" neighbors A1
expect_grep "within 1 hop: 4 entities" "$WORK/out"
expect_exit 0 "$KG" neighbors A1 --depth 2 --format json
$PY - "$WORK/out" <<'PY' || fail "neighbors --depth 2 --format json"
import json, sys
result = json.load(open(sys.argv[1]))
hops = {entity["name"]: entity["hops"] for entity in result["entities"]}
assert hops["A1"] == 0 and hops["B1"] == 1 and hops["B2"] == 2 and hops["Pat Lee"] == 2, hops
assert "Island" not in hops
PY
expect_exit 0 "$KG" neighbors A1 --relation 'invests in'
expect_grep "within 1 hop via invests_in: 1 entities" "$WORK/out"
expect_exit 2 "$KG" neighbors A1 --relation frobnicates
expect_grep "unknown relation 'frobnicates'" "$WORK/err"
expect_exit 1 "$KG" neighbors Nobody
expect_grep "no entity named 'Nobody'" "$WORK/err"

# Paths: the shortest crosses the bridge; --all lists longer ones too; none to the island.
expect_exit 0 "$KG" path "Pat Lee" B4
expect_grep "^4 hops" "$WORK/out"
expect_grep "A1 -\[invests_in\]-> B1" "$WORK/out"
expect_grep "Pat Lee ceo_of A2\." "$WORK/out"
expect_exit 0 "$KG" path B1 A1
expect_grep "B1 <-\[invests_in\]- A1" "$WORK/out"
expect_exit 0 "$KG" path A2 B2 --all --max-hops 4 --format json
$PY - "$WORK/out" <<'PY' || fail "path --all --format json"
import json, sys
paths = json.load(open(sys.argv[1]))["paths"]
lengths = [len(path["hops"]) for path in paths]
assert lengths == sorted(lengths) and lengths[0] == 3, lengths
assert len(paths) == 1 + 2 + 2, lengths  # 3 hops: 1; 4 hops: a detour on either side
assert all(path["hops"][0]["from"] == "A2" and path["hops"][-1]["to"] == "B2" for path in paths)
PY
expect_exit 1 "$KG" path A1 Island
expect_grep "no path from A1 to Island" "$WORK/err"
expect_exit 1 "$KG" path A1 B4 --max-hops 1

# Centrality: the bridge ends (and A2 with its CEO) lead on degree, A1 on betweenness.
expect_exit 0 "$KG" rank --by degree --top 3 --format json
$PY - "$WORK/out" <<'PY' || fail "rank --by degree"
import json, sys
names = sorted(entity["name"] for entity in json.load(open(sys.argv[1]))["entities"])
assert names == ["A1", "A2", "B1"], names
PY
expect_exit 0 "$KG" rank --by betweenness --top 1
expect_grep "^1 +A1 +Company" "$WORK/out"
expect_exit 0 "$KG" rank --type Person
expect_grep "Pat Lee" "$WORK/out"
grep -q "A1" "$WORK/out" && fail "rank --type Person listed a company"
expect_exit 0 "$KG" rank --format csv --top 3
[ "$(wc -l <"$WORK/out")" -eq 4 ] || fail "rank csv should have a header and 3 rows"
expect_exit 2 "$KG" rank --type Robot

# Communities: the two cliques, the island pair; components join the cliques.
expect_exit 0 "$KG" communities --format json
$PY - "$WORK/out" <<'PY' || fail "communities --format json"
import json, sys
result = json.load(open(sys.argv[1]))
groups = sorted(sorted(m["name"] for m in c["members"]) for c in result["communities"])
assert ["A1", "A2", "A3", "A4", "Pat Lee"] in groups, groups
assert ["B1", "B2", "B3", "B4"] in groups, groups
assert ["Island", "Isle"] in groups, groups
assert result["modularity"] > 0.4, result["modularity"]
PY
expect_exit 0 "$KG" communities --method components
expect_grep "^2 components" "$WORK/out"
expect_grep "^#1 \(9 entities\)" "$WORK/out"

# The shared sample corpus, when present: every command runs and finds Alibaba central.
if [ -d "$KG_SHARED_DIR/corpus" ]; then
  export KG_DB="$WORK/corpus.db"
  expect_exit 0 "$KG" ingest "$KG_SHARED_DIR/corpus"
  expect_exit 0 "$KG" rank --by degree --type Company --top 1
  expect_grep "Alibaba" "$WORK/out"
  expect_exit 0 "$KG" neighbors BABA --depth 2
  expect_exit 0 "$KG" communities
  expect_exit 0 "$KG" path Nvidia Apple --format json
  expect_grep '"to": "Apple"' "$WORK/out"
else
  echo "no shared corpus at $KG_SHARED_DIR/corpus: skipping the corpus checks" >&2
fi
finish
