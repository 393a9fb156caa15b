#!/usr/bin/env python3
"""Estimated cycles per function from a callgrind profile, for judging speed changes.

Instruction counts alone mislead when the cost is mispredicted branches and cache misses, so
this weighs callgrind's simulated ones in: est = Ir + 15 x (Bcm + Bim) + 10 x (I1mr + D1mr +
D1mw). Make the profile with

  valgrind --tool=callgrind --branch-sim=yes --cache-sim=yes \\
      --toggle-collect='kg::extract::Extractor::Extract(*' \\
      build/prof/bench/extract_bench ../shared/bench/news.csv.gz --limit-mb 2

(build/prof: a Release build with -g), then run: callgrind_cost.py FILE [TOP_N]
"""
import re
import subprocess
import sys

EVENTS = "Ir,Bcm,Bim,I1mr,D1mr,D1mw"


def rows(profile):
    """(est, Ir, mispredicts, misses, function) for the profile total and each function."""
    out = subprocess.run(
        ["callgrind_annotate", f"--show={EVENTS}", "--threshold=100", "--auto=no",
         "--inclusive=no", profile],
        capture_output=True, text=True, check=True).stdout
    for line in out.splitlines():
        parts = re.sub(r"\(\s*[0-9.]+%\)", "", line).split()
        if len(parts) < 7:
            continue
        try:
            ir, bcm, bim, i1, d1r, d1w = (0 if p == "." else int(p.replace(",", ""))
                                          for p in parts[:6])
        except ValueError:
            continue  # a header line
        name = " ".join(parts[6:])
        name = "TOTAL" if "PROGRAM TOTALS" in name else re.sub(r"^.*?:", "", name, count=1)
        misses = i1 + d1r + d1w
        yield ir + 15 * (bcm + bim) + 10 * misses, ir, bcm + bim, misses, name


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 30
    for est, ir, mispredicts, misses, name in sorted(rows(sys.argv[1]), reverse=True)[:top]:
        print(f"{est / 1e6:8.1f}M est {ir / 1e6:7.1f}M Ir {mispredicts / 1e6:5.2f}M mispredicts "
              f"{misses / 1e6:5.2f}M misses  {name[:100]}")


if __name__ == "__main__":
    main()
