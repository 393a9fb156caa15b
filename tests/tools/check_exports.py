#!/usr/bin/python3
"""Reads each `kg export` format back with an independent parser and checks it
gives back the names written by hostile_names.py, exactly, up to the
replacements each format documents (graph/io/writers.h, graph/io/text_escape.h):
  graphml   characters XML 1.0 cannot carry -> U+FFFD
  dot       control characters (C0 other than "\\n", and DEL) -> " "
Everything else (jsonl, entities, json, cytoscape, csv, ntriples) must be exact.

  check_exports.py EXPECTED.json FORMAT FILE [FILE2]
Exit 1 with up to 5 examples when names or relations differ.
"""
import csv
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ElementTree

XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_form(name):
    return XML_FORBIDDEN.sub("\ufffd", name)


def dot_form(name):
    return re.sub("[\x00-\x09\x0b-\x1f\x7f]", " ", name)


def strict_json(text):
    def refuse(constant):
        raise ValueError(f"non-standard JSON constant {constant}")
    return json.loads(text, parse_constant=refuse)


def compare(label, expected_names, expected_pairs, names, pairs):
    problems = []
    missing = expected_names - names
    extra = names - expected_names
    if missing or extra:
        problems.append(f"{label}: {len(missing)} names missing, {len(extra)} unexpected; "
                        f"e.g. missing {sorted(missing, key=len)[:3]!r} unexpected {sorted(extra, key=len)[:3]!r}")
    if pairs is not None and pairs != expected_pairs:
        missing = expected_pairs - pairs
        extra = pairs - expected_pairs
        problems.append(f"{label}: {len(missing)} relations missing, {len(extra)} unexpected; "
                        f"e.g. missing {sorted(missing)[:2]!r} unexpected {sorted(extra)[:2]!r}")
    return problems


def read_jsonl(path):
    with open(path, encoding="utf-8", errors="strict", newline="\n") as lines:
        return [strict_json(line) for line in lines if line.strip()]


def graphml(path):
    # expat (through ElementTree) is the independent parser; networkx reads it too.
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    root = ElementTree.parse(path).getroot()
    keys = {k.get("id"): k.get("attr.name") for k in root.iter("{%s}key" % ns["g"])}
    names, by_id, pairs = set(), {}, set()
    graph = root.find("g:graph", ns)
    for node in graph.findall("g:node", ns):
        data = {keys.get(d.get("key")): (d.text or "") for d in node.findall("g:data", ns)}
        names.add(data["name"])
        by_id[node.get("id")] = data["name"]
    for edge in graph.findall("g:edge", ns):
        data = {keys.get(d.get("key")): (d.text or "") for d in edge.findall("g:data", ns)}
        pairs.add((by_id[edge.get("source")], data["relation"], by_id[edge.get("target")]))
    try:
        import networkx
        loaded = networkx.read_graphml(path)
        if loaded.number_of_nodes() != len(names):
            raise SystemExit(f"graphml: networkx sees {loaded.number_of_nodes()} nodes, expat {len(names)}")
    except ImportError:
        pass
    return names, pairs


def dot_unescape(value):
    # cgraph keeps backslashes (only \" is undone by its parser); a label is an
    # escString where \\ is a backslash and \n a newline.
    out, i = [], 0
    while i < len(value):
        if value[i] == "\\" and i + 1 < len(value):
            nxt = value[i + 1]
            out.append({"\\": "\\", "n": "\n", '"': '"'}.get(nxt, "\\" + nxt))
            i += 2
        else:
            out.append(value[i])
            i += 1
    return "".join(out)


def dot(path):
    # Graphviz itself is the parser: gvpr reads the file with cgraph, no layout.
    program = r'N { printf("N\037%s\037%s\036", $.name, $.label); } ' \
              r'E { printf("E\037%s\037%s\037%s\036", $.tail.name, $.label, $.head.name); }'
    result = subprocess.run(["gvpr", program, path], capture_output=True)
    if result.returncode != 0 or result.stderr:
        raise SystemExit(f"dot: gvpr failed ({result.returncode}): {result.stderr[:300]!r}")
    names, by_id, raw_edges = set(), {}, []
    for record in result.stdout.decode("utf-8", errors="strict").split("\x1e"):
        if not record:
            continue
        fields = record.split("\x1f")
        if fields[0] == "N":
            label = dot_unescape(fields[2])
            names.add(label)
            by_id[fields[1]] = label
        else:
            raw_edges.append(fields[1:])
    pairs = {(by_id[tail], dot_unescape(label), by_id[head]) for tail, label, head in raw_edges}
    check = subprocess.run(["dot", "-Tcanon", "-o", "/dev/null", path], capture_output=True) \
        if len(names) <= 2000 else None  # layout of 10k nodes is slow; gvpr parsed it
    if check is not None and check.returncode != 0:
        raise SystemExit(f"dot -Tcanon failed: {check.stderr[:300]!r}")
    return names, pairs


NT_ESCAPES = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}


def nt_unescape(body):
    out, i = [], 0
    while i < len(body):
        c = body[i]
        if c != "\\":
            out.append(c)
            i += 1
        elif body[i + 1] == "u":
            out.append(chr(int(body[i + 2:i + 6], 16)))
            i += 6
        elif body[i + 1] == "U":
            out.append(chr(int(body[i + 2:i + 10], 16)))
            i += 10
        else:
            out.append(NT_ESCAPES[body[i + 1]])
            i += 2
    return "".join(out)


def ntriples(path):
    # rapper (Raptor) validates: it must accept every line. It drops the
    # noncharacters U+FFFE/U+FFFF from literals, so names are read from the
    # file itself by the N-Triples grammar below.
    result = subprocess.run(["rapper", "-q", "-i", "ntriples", "-o", "ntriples", path], capture_output=True)
    if result.returncode != 0 or result.stderr:
        raise SystemExit(f"ntriples: rapper failed: {result.stderr[:300]!r}")
    with open(path, encoding="utf-8", errors="strict", newline="\n") as source:
        text = source.read()
    lines = [line for line in text.split("\n") if line]
    parsed = result.stdout.count(b"\n")
    if parsed != len(lines):
        raise SystemExit(f"ntriples: rapper read {parsed} triples from {len(lines)} lines")
    label_of, pairs_raw = {}, []
    line_re = re.compile(r'^(<[^>]*>) (<[^>]*>) (<[^>]*>|"((?:[^"\\]|\\.)*)"(?:\^\^<[^>]*>|@[\w-]+)?) \.$')
    for line in lines:
        match = line_re.match(line)
        if not match:
            raise SystemExit(f"ntriples: unreadable line {line[:200]!r}")
        subject, predicate, obj, literal = match.groups()
        if predicate == "<http://www.w3.org/2000/01/rdf-schema#label>":
            label_of[subject] = nt_unescape(literal)
        elif "/relation/" in predicate:
            pairs_raw.append((subject, predicate.rsplit("/", 1)[1][:-1], obj))
    pairs = {(label_of[s], r, label_of[o]) for s, r, o in pairs_raw}
    return set(label_of.values()), pairs


def main():
    expected = json.load(open(sys.argv[1], encoding="utf-8"))
    fmt, path = sys.argv[2], sys.argv[3]
    names = set(expected["names"])
    pairs = {tuple(p) for p in expected["pairs"]}
    if fmt == "jsonl":
        rows = read_jsonl(path)
        got_pairs = {(r["subject"], r["relation"], r["object"]) for r in rows}
        got_names = {r["subject"] for r in rows} | {r["object"] for r in rows}
    elif fmt == "entities":
        got_names, got_pairs = {r["name"] for r in read_jsonl(path)}, None
    elif fmt == "json":
        graph = strict_json(open(path, encoding="utf-8", errors="strict").read())
        by_id = {n["id"]: n["name"] for n in graph["nodes"]}
        got_names = set(by_id.values())
        got_pairs = {(by_id[l["source"]], l["relation"], by_id[l["target"]]) for l in graph["links"]}
        try:
            import networkx
            networkx.node_link_graph(graph, edges="links") if "edges" in networkx.node_link_graph.__code__.co_varnames \
                else networkx.node_link_graph(graph)
        except ImportError:
            pass
    elif fmt == "cytoscape":
        elements = strict_json(open(path, encoding="utf-8", errors="strict").read())["elements"]
        by_id = {n["data"]["id"]: n["data"]["name"] for n in elements["nodes"]}
        got_names = set(by_id.values())
        got_pairs = {(by_id[e["data"]["source"]], e["data"]["relation"], by_id[e["data"]["target"]])
                     for e in elements["edges"]}
    elif fmt == "csv":
        with open(path, encoding="utf-8", errors="strict", newline="") as nodes_file:
            nodes = list(csv.DictReader(nodes_file, strict=True))
        by_id = {n["entity_id:ID"]: n["name"] for n in nodes}
        got_names = set(by_id.values())
        with open(sys.argv[4], encoding="utf-8", errors="strict", newline="") as rel_file:
            got_pairs = {(by_id[r[":START_ID"]], r[":TYPE"], by_id[r[":END_ID"]])
                         for r in csv.DictReader(rel_file, strict=True)}
    elif fmt == "graphml":
        got_names, got_pairs = graphml(path)
        names = {xml_form(n) for n in names}
        pairs = {(xml_form(s), r, xml_form(o)) for s, r, o in pairs}
    elif fmt == "dot":
        got_names, got_pairs = dot(path)
        names = {dot_form(n) for n in names}
        pairs = {(dot_form(s), r, dot_form(o)) for s, r, o in pairs}
    elif fmt == "ntriples":
        got_names, got_pairs = ntriples(path)
    else:
        raise SystemExit(f"unknown format {fmt}")
    problems = compare(fmt, names, pairs, got_names, got_pairs)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        sys.exit(1)
    print(f"{fmt}: {len(got_names)} names and {len(got_pairs or [])} relations read back exactly")


if __name__ == "__main__":
    main()
