#!/usr/bin/python3
"""Prints a `kg export --format jsonl` file in a form that does not depend on
the order documents were ingested in: symmetric relations (stored once with
the lower entity id as subject) get their ends sorted by name, and lines are
sorted. Two databases holding the same documents print the same.

  canonical_export.py EXPORT.jsonl
"""
import json
import sys

SYMMETRIC = {"partners_with", "competes_with", "equals"}
ENDS = ("", "_type", "_value", "_unit")


def canonical(row):
    if row.get("relation") in SYMMETRIC:
        subject = tuple(row.get("subject" + s) for s in ENDS)
        obj = tuple(row.get("object" + s) for s in ENDS)
        if json.dumps(obj) < json.dumps(subject):
            for s in ENDS:
                row["subject" + s], row["object" + s] = row.get("object" + s), row.get("subject" + s)
    return json.dumps(row, sort_keys=True, ensure_ascii=False)


def main():
    with open(sys.argv[1], encoding="utf-8") as lines:
        rows = sorted(canonical(json.loads(line)) for line in lines if line.strip())
    sys.stdout.write("".join(row + "\n" for row in rows))


if __name__ == "__main__":
    main()
