#!/usr/bin/python3
"""Prints a `kg export --format jsonl` file in a form that does not depend on
the order documents were ingested in: symmetric relations (stored once with
the lower entity id as subject) get their ends sorted, and lines are sorted.

  canonical_export.py EXPORT.jsonl [ENTITIES.jsonl]

With the `--format entities` export, each end is named by its type and its
sorted aliases instead of its canonical name: the alias set of a node does not
depend on ingest order, while the name chosen among them may (the first
complete form seen). Two databases holding the same documents then print the same.
"""
import json
import sys

SYMMETRIC = {"partners_with", "competes_with", "equals"}
ENDS = ("", "_type", "_value", "_unit")


def canonical(row, identity):
    if identity is not None:
        for end in ("subject", "object"):
            key = (row[end + "_type"], row[end])
            row[end] = identity.get(key, row[end])
    if row.get("relation") in SYMMETRIC:
        subject = tuple(row.get("subject" + s) for s in ENDS)
        obj = tuple(row.get("object" + s) for s in ENDS)
        if json.dumps(obj) < json.dumps(subject):
            for s in ENDS:
                row["subject" + s], row["object" + s] = row.get("object" + s), row.get("subject" + s)
    return json.dumps(row, sort_keys=True, ensure_ascii=False)


def main():
    identity = None
    if len(sys.argv) > 2:
        identity = {}
        with open(sys.argv[2], encoding="utf-8") as lines:
            for line in lines:
                if line.strip():
                    entity = json.loads(line)
                    aliases = sorted(set(entity.get("aliases") or []) | {entity["name"]})
                    identity[(entity["type"], entity["name"])] = "|".join(aliases)
    with open(sys.argv[1], encoding="utf-8") as lines:
        rows = sorted(canonical(json.loads(line), identity) for line in lines if line.strip())
    sys.stdout.write("".join(row + "\n" for row in rows))


if __name__ == "__main__":
    main()
