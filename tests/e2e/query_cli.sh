#!/usr/bin/env bash
# kg query end to end: patterns, synonyms, options, formats, errors with a caret,
# on a hand-made graph (kg import), on articles the script writes (kg ingest) and
# on the shared sample corpus when present.
source "$(dirname "$0")/lib.bash"
PY=/usr/bin/python3

# triple SUBJECT SUBJECT_TYPE RELATION OBJECT OBJECT_TYPE CONFIDENCE SOURCE
triple() {
  printf '{"subject":"%s","subject_type":"%s","relation":"%s","object":"%s","object_type":"%s","confidence":%s,"source":"%s","sentence":"%s %s %s.","span":[0,10]}\n' \
    "$1" "$2" "$3" "$4" "$5" "$6" "$7" "$1" "$3" "$4"
}
{
  triple "Acme Corp" Company partners_with Globex Company 0.9 a.txt
  triple Initech Company partners_with "Acme Corp" Company 0.5 b.txt
  triple "Acme Corp" Company competes_with Hooli Company 0.8 a.txt
  triple "Jane Roe" Person ceo_of "Acme Corp" Company 0.95 a.txt
  triple "Acme Corp" Company invests_in Hooli Company 0.7 b.txt
  triple Hooli Company develops Nucleus Model 0.8 b.txt
  triple Hooli Company develops "Pied Chip" Chip 0.8 b.txt
  triple "Acme Cloud" Company subsidiary_of "Acme Corp" Company 0.9 a.txt
} >"$WORK/triples.jsonl"
if ! "$KG" import "$WORK/triples.jsonl" >/dev/null 2>"$WORK/err"; then
  echo "kg import failed: $(cat "$WORK/err")" >&2
  exit 1
fi

# One hop, symmetric relations both ways, synonyms and plain words.
expect_exit 0 "$KG" query 'Acme partners_with ?'
expect_grep "Globex" "$WORK/out"
expect_grep "Initech" "$WORK/out"
expect_grep "^2 answers" "$WORK/out"
for spelling in 'Acme partners with' 'Acme "partners with" ?' 'acme partners-with ?' 'ACME CORP partnership'; do
  expect_exit 0 "$KG" query "$spelling"
  expect_grep "Globex" "$WORK/out"
done
expect_exit 0 "$KG" query '? ceo_of Acme'
expect_grep "Jane Roe +ceo_of +Acme Corp" "$WORK/out"
expect_exit 0 "$KG" query 'Acme Corp rival ?'
expect_grep "Hooli" "$WORK/out"
expect_exit 0 "$KG" query '"Acme Cloud" subsidiary of ?'
expect_grep "Acme Corp" "$WORK/out"
expect_exit 0 "$KG" query Acme '*' '?'
expect_grep "^4 answers" "$WORK/out"  # outgoing and symmetric only

# Conjunction with a type filter.
expect_exit 0 "$KG" query 'Acme invests_in ?x . ?x develops ?m:Model'
expect_grep "Hooli +Nucleus" "$WORK/out"
grep -q "Pied Chip" "$WORK/out" && fail "the type filter let a Chip through"

# Options.
expect_exit 0 "$KG" query 'Acme partners_with ?' --min-confidence 0.8
grep -q Initech "$WORK/out" && fail "--min-confidence kept a 0.5 relation"
expect_exit 0 "$KG" query 'Acme partners_with ?' --source b.txt
expect_grep "Initech" "$WORK/out"
grep -q Globex "$WORK/out" && fail "--source kept a relation from another document"
expect_exit 0 "$KG" query 'Acme * ?' --limit 2
expect_grep "limit reached" "$WORK/out"
expect_exit 0 "$KG" query '? ceo_of Acme' --evidence
expect_grep "Jane Roe ceo_of Acme Corp\." "$WORK/out"
expect_exit 0 "$KG" query 'Acme competes_with Globex'
expect_grep "no answers" "$WORK/out"

# Formats for programs.
expect_exit 0 "$KG" query 'Acme partners_with ?' --format json --evidence
$PY - "$WORK/out" <<'PY' || fail "query --format json"
import json, sys
result = json.load(open(sys.argv[1]))
names = sorted(row["bindings"]["?"]["name"] for row in result["rows"])
assert names == ["Globex", "Initech"], names
assert all(row["matches"][0]["evidence"] for row in result["rows"])
assert result["patterns"][0]["subject"] == "Acme Corp"
PY
expect_exit 0 "$KG" query 'Acme partners_with ?' --format csv
$PY - "$WORK/out" <<'PY' || fail "query --format csv"
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="")))
assert rows[0] == ["subject", "relation", "object", "confidence"], rows
assert sorted(row[2] for row in rows[1:]) == ["Globex", "Initech"], rows
assert open(sys.argv[1], "rb").read().count(b"\r\n") == 3
PY

# Errors: exit 1, a message that names the fault, the query with a caret under it.
expect_exit 1 "$KG" query 'Acme frobnicates ?'
expect_grep "kg: error: position 5: unknown relation 'frobnicates'" "$WORK/err"
expect_grep "partners_with" "$WORK/err"
expect_grep "^       \^$" "$WORK/err"
expect_exit 1 "$KG" query 'Acme partners_with ?x . ?x uses Globbex'
expect_grep "did you mean: Globex" "$WORK/err"
expect_grep "^  Acme partners_with \?x \. \?x uses Globbex$" "$WORK/err"
expect_grep "^ {34}\^$" "$WORK/err"
expect_exit 1 "$KG" query '"Acme partners_with ?'
expect_grep "unterminated" "$WORK/err"
expect_exit 1 "$KG" query 'Acme partners_with ?' --source nope.txt
expect_grep "no document named 'nope.txt'" "$WORK/err"
expect_exit 2 "$KG" query 'Acme * ?' --format xml
expect_exit 1 "$KG" query $'Acme\x1b[31m * ?'
grep -q $'\x1b' "$WORK/err" && fail "a control character reached the terminal"

# Articles the script writes, through the extractor.
mkdir -p "$WORK/articles"
cat >"$WORK/articles/one.txt" <<'TXT'
Globex Corporation announced a strategic partnership with Initech on Monday.
Globex chief executive Mary Major said the deal would expand its cloud business.
TXT
export KG_DB="$WORK/ingested.db"
expect_exit 0 "$KG" ingest "$WORK/articles"
expect_exit 0 "$KG" query 'Globex * ?' --format json
$PY -c "import json,sys; json.load(open(sys.argv[1]))" "$WORK/out" || fail "ingested query json"

# The shared sample corpus, when present.
if [ -d "$KG_SHARED_DIR/corpus" ]; then
  export KG_DB="$WORK/corpus.db"
  expect_exit 0 "$KG" ingest "$KG_SHARED_DIR/corpus"
  expect_exit 0 "$KG" query 'Alibaba partners_with ?'
  expect_grep "Apple" "$WORK/out"
  expect_grep "Nvidia" "$WORK/out"
  expect_exit 0 "$KG" query 'BABA partners with' --format json
  expect_grep '"Apple"' "$WORK/out"
  expect_exit 0 "$KG" path Nvidia Apple
  expect_grep "Nvidia" "$WORK/out"
  expect_grep "Apple" "$WORK/out"
else
  echo "no shared corpus at $KG_SHARED_DIR/corpus: skipping the corpus checks" >&2
fi
finish
