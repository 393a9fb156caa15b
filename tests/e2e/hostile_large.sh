#!/usr/bin/env bash
# Large hostile inputs: a single 20 MB line (news-like sentences, no line
# break), 200,000 tiny sentences, and 20 MB without any punctuation. Each must
# ingest with peak RSS under 1 GiB (measured with /usr/bin/time -v, sanitizer
# builds included) and within a generous wall-clock guard (KG_LARGE_GUARD_SECONDS,
# default 300: sanitizer builds on shared CI are slow; the goal on a release
# build is 10 s). Measurements are printed for the record.
source "$(dirname "$0")/lib.bash"
PY=/usr/bin/python3
GUARD=${KG_LARGE_GUARD_SECONDS:-300}
[ -x /usr/bin/time ] || { echo "/usr/bin/time is missing: skipped"; exit 77; }

$PY - "$WORK" <<'PYEOF'
import random, sys
work = sys.argv[1]
rng = random.Random(5)
neutral = ("The market grew as investors weighed new data on growth and prices.",
           "Analysts said demand for cloud services rose in the third quarter.",
           "Shares closed higher on Tuesday after a quiet session.")
news = ("Alibaba Group partners with Apple on cloud services.",
        "Nvidia invests $5 billion in AI infrastructure over three years.",
        "Eddie Wu is the chief executive of Alibaba Group.",
        "Baidu competes with Tencent in artificial intelligence.")
parts, size = [], 0
while size < 20_000_000:
    sentence = rng.choice(news) if rng.random() < 0.05 else rng.choice(neutral)
    parts.append(sentence)
    size += len(sentence) + 1
open(f"{work}/one_line.txt", "w").write(" ".join(parts))
open(f"{work}/tiny_sentences.txt", "w").write(" ".join(rng.choice(("Go.", "Yes!", "No?", "Ok.", "Hi.")) for _ in range(200_000)) + "\n")
words = "alpha beta gamma delta epsilon zeta eta theta iota kappa".split()
open(f"{work}/no_punctuation.txt", "w").write(" ".join(rng.choice(words) for _ in range(3_300_000)))
PYEOF

for input in one_line tiny_sentences no_punctuation; do
  rm -f "$KG_DB" "$KG_DB"-*
  /usr/bin/time -v -o "$WORK/time" timeout "$GUARD" "$KG" ingest -q "$WORK/$input.txt" >"$WORK/out" 2>"$WORK/err"
  code=$?
  rss=$(awk '/Maximum resident/ {print $6}' "$WORK/time")
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$WORK/time")
  echo "$input ($(wc -c <"$WORK/$input.txt") bytes): exit $code, peak RSS $((rss / 1024)) MiB, wall $wall"
  [ $code -eq 0 ] || fail "$input: exit $code (124: over the ${GUARD}s guard): $(head -c 300 "$WORK/err")"
  [ "${rss:-0}" -lt 1048576 ] || fail "$input: peak RSS ${rss} KiB >= 1 GiB"
  $PY "$KG_SOURCE_DIR/tests/tools/db_check.py" "$KG_DB" integrity || fail "$input: database damaged"
done
finish
