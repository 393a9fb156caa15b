#!/usr/bin/env bash
# Extraction and ingest throughput on the shared news corpus, and the peers.
#   bench/run_extract_bench.sh [BUILD_DIR]     (default: build/release; needs extract_bench, kg)
# Environment: KG_BENCH_CORPUS (default /work/shared/bench/news.csv.gz),
#   KG_BENCH_THREADS (kg ingest threads, default 2), COMPROMISE_MB (how much of the
#   slice compromise gets, default 2: it is slow), SKIP_PEERS=1 to leave the peers out.
# (a) extraction alone on one core, (b) kg ingest end to end with peak RSS,
# (c) wink-nlp and compromise (npm, installed into bench/peers/node_modules) on
# the 15 MB slice described in the corpus README, with kg on the same articles.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "${1:-$here/../build/release}" && pwd)
corpus=${KG_BENCH_CORPUS:-/work/shared/bench/news.csv.gz}
threads=${KG_BENCH_THREADS:-2}
compromise_mb=${COMPROMISE_MB:-2}
[ -r "$corpus" ] || { echo "no corpus at $corpus" >&2; exit 77; }
extract_bench=$build/bench/extract_bench
[ -x "$extract_bench" ] || extract_bench=$build/extract_bench
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
json_field() { python3 -c "import json,sys; print(json.loads(sys.argv[1])[sys.argv[2]])" "$1" "$2"; }

echo "== machine: $(nproc) cores, $(uname -sr), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== (a) extraction alone, one core: $extract_bench $corpus"
"$extract_bench" "$corpus" | tee "$scratch/extract.txt"
extract_json=$(tail -n 1 "$scratch/extract.txt")
text_bytes=$(json_field "$extract_json" text_bytes)

echo "== (b) kg ingest end to end: kg ingest --quiet --threads $threads $corpus"
status=0
/usr/bin/time -v "$build/kg" --db "$scratch/bench.db" ingest --quiet --threads "$threads" "$corpus" \
  2>"$scratch/time.txt" || status=$?
grep -v '^\s' "$scratch/time.txt" | grep -v '^Command' || true
wall=$(grep 'Elapsed (wall clock)' "$scratch/time.txt" | awk '{print $NF}')
seconds=$(python3 -c "import sys; parts=[float(p) for p in sys.argv[1].split(':')]; print(sum(p*60**i for i,p in enumerate(reversed(parts))))" "$wall")
rss_kb=$(grep 'Maximum resident set size' "$scratch/time.txt" | awk '{print $NF}')
cpu=$(grep 'Percent of CPU' "$scratch/time.txt" | awk '{print $NF}')
user=$(grep 'User time' "$scratch/time.txt" | awk '{print $NF}')
system=$(grep 'System time' "$scratch/time.txt" | awk '{print $NF}')
python3 - "$text_bytes" "$seconds" "$rss_kb" "$status" "$cpu" "$user" "$system" <<'PY'
import sys
text_bytes, seconds, rss_kb, status, cpu = int(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5]
cpu_seconds = float(sys.argv[6]) + float(sys.argv[7])
print(f"ingest: {text_bytes/1e6:.1f} MB of text in {seconds:.2f} s wall = {text_bytes/1e6/seconds:.1f} MB/s, "
      f"peak RSS {rss_kb/1024:.0f} MiB, CPU {cpu} ({cpu_seconds:.2f} s user+sys = "
      f"{text_bytes/1e6/cpu_seconds:.1f} MB per CPU-second), exit {status}")
PY
"$build/kg" --db "$scratch/bench.db" stats | head -3
ls -l "$scratch/bench.db" | awk '{printf "database: %.1f MB\n", $5/1e6}'

[ "${SKIP_PEERS:-0}" = 1 ] && exit 0
echo "== (c) peers on the 15 MB slice (bench/peers)"
(cd "$here/peers" && npm install --no-audit --no-fund --loglevel=error >/dev/null)
node "$here/peers/slice.js" "$corpus" "$scratch/slice.txt"
slice_mb=$(python3 -c "import os,sys; print(os.path.getsize(sys.argv[1])/1e6)" "$scratch/slice.txt")
kg_slice=$("$extract_bench" "$corpus" --limit-mb "$slice_mb" | tail -n 1)
wink=$(node "$here/peers/ner.js" wink "$scratch/slice.txt")
kg_prefix=$("$extract_bench" "$corpus" --limit-mb "$compromise_mb" | tail -n 1)
compromise=$(node "$here/peers/ner.js" compromise "$scratch/slice.txt" "$compromise_mb")
echo "kg (slice articles):         $kg_slice"
echo "wink-nlp (slice):            $wink"
echo "kg (first ${compromise_mb} MB):          $kg_prefix"
echo "compromise (first ${compromise_mb} MB):  $compromise"
python3 - "$kg_slice" "$wink" "$kg_prefix" "$compromise" <<'PY'
import json, sys
kg_slice, wink, kg_prefix, compromise = (json.loads(arg) for arg in sys.argv[1:5])
for name, kg, peer in (("wink-nlp", kg_slice, wink), ("compromise", kg_prefix, compromise)):
    print(f"kg vs {name}: wall {kg['extract_mb_per_s']:.2f} vs {peer['mb_per_s']:.3f} MB/s "
          f"({kg['extract_mb_per_s']/peer['mb_per_s']:.1f}x); CPU {kg['extract_cpu_mb_per_s']:.2f} vs "
          f"{peer['cpu_mb_per_s']:.3f} MB/s ({kg['extract_cpu_mb_per_s']/peer['cpu_mb_per_s']:.1f}x)")
PY
