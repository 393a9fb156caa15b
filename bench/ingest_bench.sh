#!/usr/bin/env bash
# kg ingest alone (the (b) part of run_extract_bench.sh): wall time, MB/s of
# article text and peak RSS, at 1 and 2 threads.
#   bench/ingest_bench.sh [BUILD_DIR]   (default: build/release)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "${1:-$here/../build/release}" && pwd)
corpus=${KG_BENCH_CORPUS:-/work/shared/bench/news.csv.gz}
[ -r "$corpus" ] || { echo "no corpus at $corpus" >&2; exit 77; }
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
for threads in 1 2; do
  rm -f "$scratch"/bench.db*
  /usr/bin/time -f "%e %M" -o "$scratch/time" "$build/kg" --db "$scratch/bench.db" ingest \
    --threads "$threads" "$corpus" >"$scratch/out" 2>"$scratch/err" || true
  read -r seconds rss_kb <"$scratch/time"
  bytes=$(grep -o '[0-9.]* MB in' "$scratch/out" | awk '{print $1}')
  echo "threads $threads: $(tail -n 1 "$scratch/out")"
  awk -v s="$seconds" -v r="$rss_kb" -v b="$bytes" -v t="$threads" \
    'BEGIN { printf "threads %d: %.1f MB/s, peak RSS %.0f MiB\n", t, b / s, r / 1024 }'
  # Re-ingesting the same corpus is a no-op: time it too.
  /usr/bin/time -f "%e" -o "$scratch/time" "$build/kg" --db "$scratch/bench.db" ingest --quiet \
    --threads "$threads" "$corpus" || true
  echo "threads $threads: re-ingest (all unchanged) in $(cat "$scratch/time") s"
done
