#!/usr/bin/env bash
# kg ingest on CSV and JSON Lines collections, plain and gzip: documents named
# FILE#ID, bad records named by line and skipped while the rest is stored,
# field flags, idempotent re-ingest.
source "$(dirname "$0")/lib.bash"

cat >"$WORK/news.csv" <<'CSV'
id,date,title,body
n1,2024-01-02,Chip deal,"Nvidia agreed to acquire Arm for $40 billion.
The deal was announced on Monday, ""finally""."
n2,2024-01-03,,Microsoft invested $10 billion in OpenAI.
n3,2024-01-04,too,many,fields
n4,2024-01-05,Funding,"Anthropic raised $4 billion from Amazon."
CSV
expect_exit 1 "$KG" ingest "$WORK/news.csv"
expect_grep "kg: error: $WORK/news.csv:5: expected 4 fields, found 5; record skipped" "$WORK/err"
expect_grep "^$WORK/news.csv: 3 documents \(3 added, 0 replaced, 0 unchanged\).*1 errors" "$WORK/out"
expect_exit 0 "$KG" stats --json
python3 -c "import json,sys; assert json.load(open(sys.argv[1]))['documents'] == 3" "$WORK/out" ||
  fail "the CSV did not store 3 documents"

# Re-ingest: nothing new.
"$KG" stats --json >"$WORK/stats1.json"
expect_exit 1 "$KG" ingest "$WORK/news.csv"
expect_grep "\(0 added, 0 replaced, 3 unchanged\)" "$WORK/out"
"$KG" stats --json >"$WORK/stats2.json"
cmp -s "$WORK/stats1.json" "$WORK/stats2.json" || fail "stats changed after re-ingesting the CSV"

# An unterminated quote is named by the line its record starts on.
printf 'id,body\n1,ok text here\n2,"never closed\nmore\n' >"$WORK/open.csv"
expect_exit 1 "$KG" ingest "$WORK/open.csv"
expect_grep "kg: error: $WORK/open.csv:3: unterminated quoted field" "$WORK/err"
expect_grep "^$WORK/open.csv: 1 documents" "$WORK/out"

# JSON Lines, with a bad line, and field flags.
cat >"$WORK/feed.jsonl" <<'JSONL'
{"key": "a1", "headline": "Merger", "article": "Broadcom completed its acquisition of VMware.", "when": "2023-11-22"}
{not json
{"key": "a2", "article": "Intel opened a factory in Ohio."}
JSONL
expect_exit 1 "$KG" ingest --id-field key --title-field headline --text-field article \
  --date-field when "$WORK/feed.jsonl"
expect_grep "kg: error: $WORK/feed.jsonl:2: not JSON: " "$WORK/err"
expect_grep "^$WORK/feed.jsonl: 2 documents \(2 added" "$WORK/out"

# gzip: the same CSV compressed is a new set of documents (other names), read alike.
gzip -c "$WORK/news.csv" >"$WORK/news.csv.gz"
expect_exit 1 "$KG" ingest "$WORK/news.csv.gz"
expect_grep "^$WORK/news.csv.gz: 3 documents \(3 added" "$WORK/out"
# A gzip with no telling extension is sniffed; --format chooses how to read it.
gzip -c "$WORK/feed.jsonl" >"$WORK/feed.data"
expect_exit 1 "$KG" ingest --format jsonl --text-field article --id-field key "$WORK/feed.data"
expect_grep "^$WORK/feed.data: 2 documents" "$WORK/out"
# A truncated gzip is an error after the documents before the cut.
head -c 60 "$WORK/news.csv.gz" >"$WORK/cut.csv.gz"
expect_exit 1 "$KG" ingest "$WORK/cut.csv.gz"
expect_grep "kg: error: $WORK/cut.csv.gz: truncated gzip data" "$WORK/err"

# A collection from stdin.
printf 'id,body\ns1,Oracle signed a deal with OpenAI.\n' | "$KG" ingest --format csv --name in - \
  >"$WORK/out" 2>"$WORK/err" || fail "CSV from stdin failed: $(cat "$WORK/err")"
expect_grep "^-: 1 documents \(1 added" "$WORK/out"
expect_exit 0 "$KG" stats --json
python3 -c "import json,sys; assert json.load(open(sys.argv[1]))['documents'] >= 11" "$WORK/out" ||
  fail "expected at least 11 documents in all: $(cat "$WORK/out")"

finish
