#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""The query and graph benchmark's operations in networkx and igraph, on the graph of a
kg database (edges exported with sqlite3) and the samples query_bench chose.

usage: /usr/bin/python3 bench/graph_peers.py DB SAMPLES.json [--skip-networkx-pagerank]
Prints one JSON object: {"igraph": {...}, "networkx": {...}} with seconds.
"""
import json
import sqlite3
import statistics
import sys
import time

import igraph
import networkx

SYMMETRIC = ("partners_with", "competes_with", "equals")


def timed(work):
    started = time.perf_counter()
    value = work()
    return time.perf_counter() - started, value


def median_timed(runs, work):
    """The median seconds of `runs` calls (whole-graph algorithms vary run to run), and a value."""
    results = [timed(work) for _ in range(runs)]
    return statistics.median(seconds for seconds, _ in results), results[-1][1]


def read_graph(path):
    """Entity ids and directed edges (symmetric relations both ways), as kg loads them."""
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    ids = [row[0] for row in db.execute("SELECT id FROM entities ORDER BY id")]
    edges = []
    for subject, kind, obj in db.execute("SELECT subject_id, type, object_id FROM relations ORDER BY id"):
        edges.append((subject, obj))
        if kind in SYMMETRIC and subject != obj:
            edges.append((obj, subject))
    db.close()
    return ids, edges


def run_igraph(path, samples):
    result = {}
    started = time.perf_counter()
    ids, edges = read_graph(path)
    result["read_sqlite_s"] = time.perf_counter() - started
    vertex = {entity: index for index, entity in enumerate(ids)}
    build_s, graph = timed(lambda: igraph.Graph(
        n=len(ids), edges=[(vertex[a], vertex[b]) for a, b in edges], directed=True))
    result["build_s"] = build_s
    result["load_s"] = time.perf_counter() - started

    one_hop = []
    for entity in samples["median_entities"]:
        seconds, _ = timed(lambda: graph.incident(vertex[entity], mode="all"))
        one_hop.append(seconds)
    result["one_hop_incident_median_us"] = statistics.median(one_hop) * 1e6

    three_hop, reached = [], []
    for entity in samples["three_hop_sources"]:
        seconds, found = timed(lambda: graph.neighborhood(vertex[entity], order=3, mode="all"))
        three_hop.append(seconds)
        reached.append(len(found))
    result["three_hop_median_ms"] = statistics.median(three_hop) * 1e3
    result["three_hop_median_reached"] = statistics.median(reached)

    def paths():
        found = 0
        for a, b in samples["path_pairs"]:
            path = graph.get_shortest_paths(vertex[a], to=vertex[b], mode="all")[0]
            found += 1 if path else 0
        return found
    result["shortest_paths_100_s"], result["shortest_paths_found"] = timed(paths)
    result["pagerank_s"], _ = median_timed(5, lambda: graph.pagerank(directed=True, damping=0.85))
    undirected_s, undirected = timed(lambda: graph.as_undirected(mode="each"))
    result["components_s"], _ = median_timed(5, lambda: undirected.connected_components())
    simple = undirected.copy()
    simple.simplify(multiple=True, loops=True)
    result["louvain_s"], clustering = median_timed(3, lambda: simple.community_multilevel())
    result["louvain_communities"] = len(clustering)
    result["louvain_modularity"] = clustering.modularity
    return result


def run_networkx(path, samples, pagerank):
    result = {}
    started = time.perf_counter()
    ids, edges = read_graph(path)
    result["read_sqlite_s"] = time.perf_counter() - started
    def build():
        graph = networkx.DiGraph()
        graph.add_nodes_from(ids)
        graph.add_edges_from(edges)
        return graph
    result["build_s"], graph = timed(build)
    result["load_s"] = time.perf_counter() - started
    undirected = graph.to_undirected(as_view=True)

    three_hop, reached = [], []
    for entity in samples["three_hop_sources"]:
        seconds, found = timed(
            lambda: networkx.single_source_shortest_path_length(undirected, entity, cutoff=3))
        three_hop.append(seconds)
        reached.append(len(found))
    result["three_hop_median_ms"] = statistics.median(three_hop) * 1e3
    result["three_hop_median_reached"] = statistics.median(reached)

    def paths():
        found = 0
        for a, b in samples["path_pairs"]:
            try:
                networkx.bidirectional_shortest_path(undirected, a, b)
                found += 1
            except networkx.NetworkXNoPath:
                pass
        return found
    result["shortest_paths_100_s"], result["shortest_paths_found"] = timed(paths)
    if pagerank:
        result["pagerank_s"], _ = timed(lambda: networkx.pagerank(graph, alpha=0.85))
    result["components_s"], _ = timed(
        lambda: sum(1 for _ in networkx.connected_components(undirected)))
    return result


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    path, samples_path = sys.argv[1], sys.argv[2]
    samples = json.load(open(samples_path))
    report = {"igraph": run_igraph(path, samples)}
    report["networkx"] = run_networkx(path, samples, "--skip-networkx-pagerank" not in sys.argv)
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
