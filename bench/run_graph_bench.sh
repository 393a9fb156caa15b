#!/usr/bin/env bash
# Query and graph-algorithm benchmark: kg against networkx and igraph on one synthetic
# graph (100k entities, 1M relations by default). Builds a Release tree in
# build/query-release, writes the database once, runs bench/query_bench, times whole
# `kg query` processes, runs bench/graph_peers.py, and prints a comparison.
#   bench/run_graph_bench.sh [ENTITIES RELATIONS]
set -euo pipefail
source_dir=$(cd "$(dirname "$0")/.." && pwd)
build=${KG_BENCH_BUILD:-$source_dir/build/query-release}
entities=${1:-100000}
relations=${2:-1000000}
out=$build/graph-bench
mkdir -p "$out"
db=$out/synthetic-${entities}-${relations}.db
PY=/usr/bin/python3

cmake -S "$source_dir" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
ninja -C "$build" kg query_bench gen_synthetic_bench >/dev/null

if [ ! -s "$db" ]; then
  "$build/bench/gen_synthetic_bench" "$db" --entities "$entities" --relations "$relations"
fi
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(uname -sr)"
cat "$db" >/dev/null  # a warm page cache for every contender

"$build/bench/query_bench" "$db" --samples-out "$out/samples.json" >"$out/kg.json"

# Whole `kg query` processes: start, open, resolve, answer, print, exit.
$PY - "$build/kg" "$db" "$out/samples.json" >"$out/kg_process.json" <<'PY'
import json, statistics, subprocess, sys, time
kg, db, samples = sys.argv[1], sys.argv[2], json.load(open(sys.argv[3]))
times = []
for text in samples["median_queries"][:50]:
    started = time.perf_counter()
    subprocess.run([kg, "--db", db, "query", text], check=True, stdout=subprocess.DEVNULL)
    times.append(time.perf_counter() - started)
print(json.dumps({"kg_query_process_median_ms": statistics.median(times) * 1e3,
                  "kg_query_process_p90_ms": sorted(times)[int(0.9 * (len(times) - 1))] * 1e3}))
PY

$PY "$source_dir/bench/graph_peers.py" "$db" "$out/samples.json" >"$out/peers.json" 2>/dev/null

$PY - "$out" <<'PY'
import json, sys
out = sys.argv[1]
kg = json.load(open(f"{out}/kg.json"))
process = json.load(open(f"{out}/kg_process.json"))
peers = json.load(open(f"{out}/peers.json"))
ig, nx = peers["igraph"], peers["networkx"]
print(f"graph: {kg['entities']} entities, {kg['relations']} relations, median degree {kg['median_degree']}")
def row(name, kg_value, ig_value, nx_value, unit):
    def cell(value):
        return f"{value:.3g} {unit}" if value is not None else "-"
    ratio = f"{ig_value / kg_value:.2f}x" if ig_value and kg_value else "-"
    print(f"| {name} | {cell(kg_value)} | {cell(ig_value)} | {cell(nx_value)} | {ratio} |")
print("| operation | kg | igraph | networkx | igraph / kg |")
print("|---|---|---|---|---|")
row("load graph from SQLite", kg["load_s"], ig["load_s"], nx["load_s"], "s")
row("stream relations only (kg) / read edges (python)", kg["stream_relations_s"], ig["read_sqlite_s"], nx["read_sqlite_s"], "s")
row("one-hop query, median entity (in process)", kg["one_hop_query_median_us"], ig["one_hop_incident_median_us"], None, "µs")
row("`kg query` whole process, median", process["kg_query_process_median_ms"], None, None, "ms")
row("3-hop neighbourhood, median", kg["three_hop_median_ms"], ig["three_hop_median_ms"], nx["three_hop_median_ms"], "ms")
row("100 shortest paths", kg["shortest_paths_100_s"], ig["shortest_paths_100_s"], nx["shortest_paths_100_s"], "s")
row("PageRank", kg["pagerank_s"], ig["pagerank_s"], nx.get("pagerank_s"), "s")
row("connected components", kg["components_s"], ig["components_s"], nx["components_s"], "s")
row("Louvain", kg["louvain_s"], ig["louvain_s"], None, "s")
print(f"3-hop reached (median): kg {kg['three_hop_median_reached']}, igraph {ig['three_hop_median_reached']}, networkx {nx['three_hop_median_reached']}")
print(f"paths found: kg {kg['shortest_paths_found']}, igraph {ig['shortest_paths_found']}, networkx {nx['shortest_paths_found']}")
print(f"Louvain: kg {kg['louvain_communities']} communities, Q={kg['louvain_modularity']:.3f}; igraph {ig['louvain_communities']}, Q={ig['louvain_modularity']:.3f}")
print(f"one-hop query p90 {kg['one_hop_query_p90_us']:.0f} µs; kg query process p90 {process['kg_query_process_p90_ms']:.1f} ms; store 2-hop neighbourhood median {kg['store_neighborhood_2hop_median_ms']:.1f} ms")
PY
