#!/usr/bin/env bash
# kg ingest on files, directories and stdin: per-file reports, named errors
# for bad files with exit 1 while good files are stored, idempotent re-ingest,
# replacement of a changed document, usage errors with exit 2.
source "$(dirname "$0")/lib.bash"

articles="$WORK/articles"
mkdir -p "$articles/sub" "$articles/.hidden"
printf '\xEF\xBB\xBFMicrosoft invested $10 billion in OpenAI.\r\nSatya Nadella is the CEO of Microsoft.\r\n' >"$articles/a.txt"
cat >"$articles/b.html" <<'HTML'
<!doctype html><html><head><title>Nvidia and Arm</title>
<script>var ignored = "Google acquires Apple";</script></head>
<body><nav>Home</nav><p>Nvidia agreed to acquire Arm from SoftBank for $40 billion.</p></body></html>
HTML
echo "Alibaba Group released the Qwen model." >"$articles/sub/c.txt"
echo "hidden files are skipped" >"$articles/.hidden/d.txt"

# A directory of good files.
expect_exit 0 "$KG" ingest "$articles"
expect_grep "^a.txt: [0-9]+ entities, [0-9]+ relations \(added\)" "$WORK/out"
expect_grep "^b.html: .*\(added\)" "$WORK/out"
expect_grep "^sub/c.txt: .*\(added\)" "$WORK/out"
expect_grep "^ingested 3 documents \(3 added, 0 replaced, 0 unchanged\)" "$WORK/out"
grep -q "hidden" "$WORK/out" && fail "a hidden file was ingested"
expect_exit 0 "$KG" stats --json
cp "$WORK/out" "$WORK/stats1.json"
python3 -c "import json,sys; assert json.load(open(sys.argv[1]))['documents'] == 3" "$WORK/stats1.json" ||
  fail "stats does not count 3 documents"

# Script text never reaches the store.
expect_exit 0 "$KG" export --format jsonl
grep -q "Apple" "$WORK/out" && fail "text inside <script> was extracted"

# Re-ingesting the same files stores nothing new.
expect_exit 0 "$KG" ingest "$articles"
expect_grep "^a.txt: unchanged" "$WORK/out"
expect_grep "\(0 added, 0 replaced, 3 unchanged\)" "$WORK/out"
expect_exit 0 "$KG" stats --json
cmp -s "$WORK/out" "$WORK/stats1.json" || fail "stats changed after re-ingesting the same files"

# A changed document replaces its evidence; entities are not duplicated.
printf 'Microsoft invested $10 billion in OpenAI.\nSatya Nadella is the CEO of Microsoft.\nMore text.\n' >"$articles/a.txt"
expect_exit 0 "$KG" ingest "$articles/a.txt"
expect_grep "^a.txt: .*\(replaced\)" "$WORK/out"
expect_exit 0 "$KG" stats --json
python3 - "$WORK/stats1.json" "$WORK/out" <<'PY' || fail "replacing a document changed the entity or evidence counts"
import json, sys
before, after = (json.load(open(path)) for path in sys.argv[1:3])
assert before["entities"] == after["entities"], (before, after)
assert before["evidence"] == after["evidence"], (before, after)
assert after["documents"] == 3, after
PY

# Bad files: each named, exit 1 at the end, the good file among them still stored.
bad="$WORK/bad"
mkdir -p "$bad"
printf '\x89PNG\r\n\x1a\n\0\0\0\rIHDR' >"$bad/picture.txt"
: >"$bad/empty.txt"
printf 'Bytes \xff\xfe invalid but Intel is fine.\n' >"$bad/latin.txt"
mkfifo "$bad/pipe"
echo "Samsung builds chips in Korea." >"$bad/zz_good.txt"
expect_exit 1 "$KG" ingest "$bad/picture.txt" "$bad/empty.txt" "$bad/pipe" "$bad/missing.txt" \
  "$bad/latin.txt" "$bad/zz_good.txt"
expect_grep "kg: error: $bad/picture.txt: binary file \(PNG image\)" "$WORK/err"
expect_grep "kg: error: $bad/empty.txt: empty file" "$WORK/err"
expect_grep "kg: error: $bad/pipe: a FIFO, not a regular file" "$WORK/err"
expect_grep "kg: error: $bad/missing.txt: cannot open: No such file" "$WORK/err"
expect_grep "kg: warning: $bad/latin.txt: 2 invalid UTF-8 sequence\(s\) replaced with U\+FFFD at bytes 6, 7" "$WORK/err"
expect_grep "^zz_good.txt: .*\(added\)" "$WORK/out"
expect_grep "^latin.txt: .*\(added\)" "$WORK/out"

# Oversized documents are refused by the limit, named.
head -c 3000 /dev/zero | tr '\0' 'x' >"$WORK/big.txt"
expect_exit 1 "$KG" ingest --max-doc-bytes 1KiB "$WORK/big.txt"
expect_grep "big.txt: larger than the limit of 1024 bytes" "$WORK/err"

# stdin, named by --name; --quiet prints nothing on success.
echo "Meta Platforms hired Yann LeCun." | "$KG" ingest --name piped.txt - >"$WORK/out" 2>"$WORK/err" ||
  fail "ingest from stdin failed: $(cat "$WORK/err")"
expect_grep "^piped.txt: .*\(added\)" "$WORK/out"
echo "Meta Platforms hired Yann LeCun." | "$KG" ingest --quiet --name piped.txt - >"$WORK/out" 2>&1 ||
  fail "quiet re-ingest from stdin failed"
[ -s "$WORK/out" ] && fail "--quiet printed: $(cat "$WORK/out")"

# Usage errors exit 2.
expect_exit 2 "$KG" ingest
expect_exit 2 "$KG" ingest --format nope "$articles"
expect_exit 2 "$KG" ingest --threads -1 "$articles"

# The store does not depend on the number of threads.
KG_DB="$WORK/one.db" "$KG" ingest --threads 1 "$articles" >/dev/null 2>&1 || fail "--threads 1"
KG_DB="$WORK/two.db" "$KG" ingest --threads 2 --batch 1 "$articles" >/dev/null 2>&1 || fail "--threads 2"
KG_DB="$WORK/one.db" "$KG" export --format jsonl >"$WORK/one.jsonl" 2>/dev/null
KG_DB="$WORK/two.db" "$KG" export --format jsonl >"$WORK/two.jsonl" 2>/dev/null
cmp -s "$WORK/one.jsonl" "$WORK/two.jsonl" || fail "exports differ between 1 and 2 threads"

finish
