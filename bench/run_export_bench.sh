#!/usr/bin/env bash
# Builds the export and render benchmarks in a release tree and runs them:
#   bench/run_export_bench.sh [BUILD_DIR]   (default: build/viz-release)
# The 1M-relation database is built once at /tmp/kg-export-bench.db (a few
# minutes) and reused; delete it to rebuild.
set -euo pipefail
source_dir=$(cd "$(dirname "$0")/.." && pwd)
build_dir=${1:-$source_dir/build/viz-release}
cmake -S "$source_dir" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
ninja -C "$build_dir" -j2 export_bench render_bench
echo "== render (bench/render_bench.cpp)"
"$build_dir/bench/render_bench"
echo "== export (bench/export_bench.cpp)"
"$build_dir/bench/export_bench" --relations 1000000 --entities 200000
