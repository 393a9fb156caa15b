#!/usr/bin/env python3
"""Writes a triples JSON Lines file whose names break naive exporters, for the
export_*, render_* and import_* e2e tests. Usage: export_hostile_graph.py OUT [N]
(N extra generated companies, to make larger graphs)."""
import json
import sys

HOSTILE = [
    'Quote "Inc"', "Back\\slash\\", "<b>&amp;</b> Corp", "Two\nLines Ltd", "Ctl\x01\x1f Co",
    "node", '"]; } {', "A,b;c", "\\N \\G Labs", "Caf\u00e9 \u201cSmart\u201d AI",
]


def line(subject, subject_type, relation, obj, object_type, confidence, source, **extra):
    row = {"subject": subject, "subject_type": subject_type, "relation": relation,
           "object": obj, "object_type": object_type, "object_value": None,
           "object_unit": None, "confidence": confidence, "source": source,
           "sentence": f"{subject} {relation} {obj}.", "span": [0, 10]}
    row.update(extra)
    return json.dumps(row, ensure_ascii=False)


def main():
    out = sys.argv[1]
    extra = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    rows = []
    for i, name in enumerate(HOSTILE):
        other = HOSTILE[(i + 1) % len(HOSTILE)]
        rows.append(line(name, "Company", "partners_with" if i % 2 else "competes_with", other,
                         "Company", 0.5 + i / 40, f"doc{i % 3}.txt"))
    rows.append(line("Eddie Wu", "Person", "ceo_of", HOSTILE[0], "Company", 0.9, "doc0.txt"))
    rows.append(line(HOSTILE[0], "Company", "develops", "Qwen3-Max", "Model", 0.8, "doc1.txt"))
    rows.append(line(HOSTILE[0], "Company", "invests", "$53 billion", "Amount", 0.95, "doc1.txt",
                     object_value=5.3e10, object_unit="USD"))
    rows.append(line("Qwen3-Max", "Model", "has_parameters", "1 trillion parameters", "Amount",
                     0.7, "doc2.txt", object_value=1e12, object_unit="parameters"))
    rows.append(line(HOSTILE[1], "Company", "uses", "H20", "Chip", 0.6, "doc2.txt"))
    rows.append(line(HOSTILE[2], "Company", "located_in", "Hong Kong", "Place", 0.65, "doc0.txt"))
    rows.append(line(HOSTILE[3], "Company", "develops", "Model Studio", "Product", 0.75, "doc1.txt"))
    for i in range(extra):
        rows.append(line(f"Generated Company {i}", "Company", "partners_with",
                         f"Generated Company {(i * 7 + 3) % extra}", "Company", 0.5,
                         f"gen{i % 5}.txt"))
        rows.append(line(f"Person {i}", "Person", "works_for", f"Generated Company {i}",
                         "Company", 0.6, f"gen{i % 5}.txt"))
    with open(out, "w", encoding="utf-8") as f:
        f.write("\n".join(rows) + "\n")


if __name__ == "__main__":
    main()
