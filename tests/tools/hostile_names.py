#!/usr/bin/python3
"""Writes hostile entity names as triples JSON Lines, for tests/e2e/hostile_exports.sh.

  hostile_names.py OUT.jsonl EXPECTED.json [COUNT]

COUNT names (default 10000), deterministic. Every name is distinct after kg's
name normalisation (each starts with its own "h<n>" tag), except a few bare
names ("node", "graph", ...) that are distinct anyway. They are paired into
COUNT/2 triples with valid ontology types. EXPECTED.json holds
{"names": {name: type}, "pairs": [[subject, relation, object], ...]}.
"""
import json
import random
import sys

FRAGMENTS = [
    '"', "'", "\\", '"];', "}", "{", "<", ">", "&", "&amp;", "&lt;", "<!--", "-->", "]]>",
    "<![CDATA[", "</graphml>", "\n", "\r\n", "\r", "\t", "\x01", "\x07", "\x0b", "\x0c", "\x1b[31m",
    "\x7f", "\u0085", "\u2028", "\u2029", "\ufeff", "\ufffe", "\uffff", "\u200b", "\u202e", "\u200f",
    "\U0001F600", "\U0001F468\u200d\U0001F469\u200d\U0001F467", "\u0627\u0644\u0639\u0631\u0628\u064a\u0629",
    "\u4e2d\u56fd", "e\u0301", "'; DROP TABLE entities; --", "\" OR 1=1 --", "Robert'); DELETE FROM documents;--",
    "node", "graph", "edge", "digraph", "subgraph", "strict", "--", "->", "[label=x]", ";", ",", "=",
    "\\N", "\\G", "\\l", "\\n", "\\\\", "%", "%20", "%s%n", "#", "?", "*", "/", "\\u0000", "\\x00",
    "@prefix", "_:b0", "<http://x>", " .", "^^", "@en", "$53 billion", "1e308", "-0", "NaN", "null",
    "true", "__proto__", "constructor", "{{7*7}}", "${jndi:x}", "|", "`id`", "$(id)", "'\"",
    "  ", " ", "a", "Acme", "Inc.", "Ltd", "Corp",
]
SPECIAL = ["node", "graph", "edge", "digraph", "strict", "subgraph", "NULL", "\\", "\"", "}",
           "trailing backslash \\", "two trailing \\\\", "\"];}", "<&>", "a\nb", "-x"]
TYPES = [("Company", "partners_with", "Company"), ("Person", "ceo_of", "Company"),
         ("Company", "develops", "Product"), ("Company", "uses", "Chip"),
         ("Company", "located_in", "Place"), ("Company", "develops", "Model")]


def make_names(count, rng):
    names = list(SPECIAL)
    while len(names) < count:
        n = len(names)
        if n % 500 == 7:
            body = "".join(rng.choice(FRAGMENTS) for _ in range(rng.randint(300, 3000)))
        else:
            body = "".join(rng.choice(FRAGMENTS) for _ in range(rng.randint(1, 4)))
        tail = "\\" if n % 10 == 3 else ""  # a trailing backslash now and then
        names.append(f"h{n} {body}{tail}")
    return names


def main():
    out_path, expected_path = sys.argv[1], sys.argv[2]
    count = int(sys.argv[3]) if len(sys.argv) > 3 else 10000
    rng = random.Random(20251121)
    names = make_names(count, rng)
    typed, pairs = {}, []
    with open(out_path, "w", encoding="utf-8", newline="\n") as out:
        for k in range(0, len(names) - 1, 2):
            subject_type, relation, object_type = TYPES[(k // 2) % len(TYPES)]
            subject, obj = names[k], names[k + 1]
            typed[subject], typed[obj] = subject_type, object_type
            pairs.append([subject, relation, obj])
            source = names[(k * 7) % len(names)] if k % 20 == 0 else f"article-{k // 40}.txt"
            out.write(json.dumps({"subject": subject, "subject_type": subject_type, "relation": relation,
                                  "object": obj, "object_type": object_type, "confidence": 0.75,
                                  "source": source, "sentence": f"{subject} {relation} {obj}",
                                  "span": [0, 10]}, ensure_ascii=k % 2 == 0) + "\n")
    with open(expected_path, "w", encoding="utf-8") as out:
        json.dump({"names": typed, "pairs": pairs}, out, ensure_ascii=True)


if __name__ == "__main__":
    main()
