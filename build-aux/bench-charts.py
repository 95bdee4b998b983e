#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Charts and CSV side by side: Cosmodrome vs gnuplot, matplotlib, pandas.

Generates the same data for every contender (a 10,000,000-sample random
walk as float64 binary, and a ~100 MB CSV of 9 numeric columns), runs each
in one go, prints the figures and ratios and writes them to a JSON file.
Never part of the pass/fail tests.

  build-aux/bench-charts.py [--bench _build/tests/bench-charts] [--out _build/bench-charts.json]
"""
import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time

PEERS = ["gnuplot-nox", "python3-matplotlib", "python3-pandas"]
SAMPLES = 10_000_000


def ensure_peers():
    missing = []
    if shutil.which("gnuplot") is None:
        missing.append("gnuplot-nox")
    for module, package in (("matplotlib", "python3-matplotlib"), ("pandas", "python3-pandas")):
        try:
            __import__(module)
        except ImportError:
            missing.append(package)
    if missing:
        print("installing", " ".join(missing), flush=True)
        subprocess.run(["apt-get", "install", "-y", "--no-install-recommends"] + missing, check=True,
                       stdout=subprocess.DEVNULL)


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor()


def generate(work):
    import numpy as np
    rng = np.random.default_rng(20251127)
    walk = np.cumsum(rng.uniform(-1, 1, SAMPLES))
    walk_bin = os.path.join(work, "walk.f64")
    walk.astype("<f8").tofile(walk_bin)

    csv = os.path.join(work, "nine.csv")
    rows = 1_000_000
    cols = np.cumsum(rng.uniform(-1, 1, (rows, 8)), axis=0)
    t = np.arange(rows) * 0.001
    data = np.column_stack([t, cols])
    with open(csv, "w") as f:
        f.write("time,a,b,c,d,e,f,g,h\n")
        # "%.6f" like real telemetry logs; about 100 bytes a row.
        np.savetxt(f, data, fmt=["%.3f"] + ["%.6f"] * 8, delimiter=",")
    return walk_bin, csv


def run_json(cmd):
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def timed(cmd):
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return (time.perf_counter() - t0) * 1000


MPL = r"""
import sys, time, json
import numpy as np
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import matplotlib.style as mplstyle
path, out, style = sys.argv[1:4]
y = np.fromfile(path, dtype="<f8")
x = np.arange(len(y), dtype="f8")
if style == "fast":
    mplstyle.use("fast")
t0 = time.perf_counter()
fig = plt.figure(figsize=(19.2, 10.8), dpi=100)
ax = fig.add_subplot()
ax.plot(x, y, linewidth=1)
fig.savefig(out)
print(json.dumps({"ms": (time.perf_counter() - t0) * 1000}))
"""

PANDAS = r"""
import sys, time, json
import pandas as pd
best = 1e99
for i in range(3):
    t0 = time.perf_counter()
    df = pd.read_csv(sys.argv[1], engine="c")
    best = min(best, (time.perf_counter() - t0) * 1000)
print(json.dumps({"ms": best, "rows": len(df)}))
"""


def main():
    # Debian's python3-matplotlib and python3-pandas live in the system
    # interpreter; a pyenv or venv python3 first in PATH cannot see them.
    system = "/usr/bin/python3"
    if os.path.exists(system) and os.path.realpath(sys.executable) != os.path.realpath(system) \
            and not os.environ.get("COSMO_BENCH_REEXEC"):
        os.environ["COSMO_BENCH_REEXEC"] = "1"
        os.execv(system, [system] + sys.argv)

    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser()
    parser.add_argument("--bench", default=os.path.join(here, "..", "_build", "tests", "bench-charts"))
    parser.add_argument("--out", default=os.path.join(here, "..", "_build", "bench-charts.json"))
    parser.add_argument("--keep", help="keep the generated data in this folder")
    args = parser.parse_args()

    ensure_peers()
    work = args.keep or tempfile.mkdtemp(prefix="cosmo-bench-")
    os.makedirs(work, exist_ok=True)
    print("generating data in", work, flush=True)
    walk_bin, csv = generate(work)
    csv_mb = os.path.getsize(csv) / 1e6

    results = {"cpu": cpu_model(), "cores": os.cpu_count(), "load_average": os.getloadavg(),
               "samples": SAMPLES, "csv_mb": round(csv_mb, 1)}

    print("Cosmodrome render...", flush=True)
    results["cosmodrome"] = run_json([args.bench, "render", walk_bin, os.path.join(work, "cosmo.png")])
    print("gnuplot pngcairo...", flush=True)
    gp = ("set term pngcairo size 1920,1080; set output '%s'; "
          "plot '%s' binary format='%%float64' using 0:1 with lines notitle" % (os.path.join(work, "gnuplot.png"), walk_bin))
    results["gnuplot_ms"] = timed(["gnuplot", "-e", gp])
    for style in ("default", "fast"):
        print("matplotlib Agg", style, "...", flush=True)
        results["matplotlib_%s_ms" % style] = run_json(
            [sys.executable, "-c", MPL, walk_bin, os.path.join(work, "mpl-%s.png" % style), style])["ms"]
    print("CSV: Cosmodrome and pandas...", flush=True)
    results["csv_cosmodrome"] = run_json([args.bench, "csv", csv])
    results["csv_pandas"] = run_json([sys.executable, "-c", PANDAS, csv])
    print("replay frame: 8 charts x 1 M samples...", flush=True)
    results["frame"] = run_json([args.bench, "frame", "8", "1000000"])

    c = results["cosmodrome"]
    cold, warm = c["cold_ms"], c["warm_ms"]
    csv_ms = results["csv_cosmodrome"]["ms"]
    pandas_ms = results["csv_pandas"]["ms"]
    results["ratios"] = {
        "gnuplot_over_cold": results["gnuplot_ms"] / cold,
        "matplotlib_default_over_cold": results["matplotlib_default_ms"] / cold,
        "matplotlib_fast_over_cold": results["matplotlib_fast_ms"] / cold,
        "pandas_over_cosmodrome_csv": pandas_ms / csv_ms,
    }
    results["csv_mb_per_s"] = csv_mb / (csv_ms / 1000)
    results["pandas_mb_per_s"] = csv_mb / (pandas_ms / 1000)

    rows = [
        ("10 M samples, warm draw (whole chart), 1920 px", "%.1f ms (CPU %.1f)" % (warm, c["warm_cpu_ms"]),
         "< 5 ms/channel", warm < 5),
        ("  of which the trace", "%.1f ms (CPU %.1f)" % (c["warm_trace_ms"], c["warm_trace_cpu_ms"]), "", None),
        ("10 M samples, cold (pyramid build + draw)", "%.1f ms (CPU %.1f; pyramid %.1f)" % (
            cold, c["cold_cpu_ms"], c["pyramid_ms"]), "< 60 ms", cold < 60),
        ("gnuplot pngcairo", "%.0f ms = %.0fx" % (results["gnuplot_ms"], results["ratios"]["gnuplot_over_cold"]),
         ">= 50x", results["ratios"]["gnuplot_over_cold"] >= 50),
        ("matplotlib Agg default", "%.0f ms = %.0fx" % (results["matplotlib_default_ms"],
                                                         results["ratios"]["matplotlib_default_over_cold"]),
         ">= 50x", results["ratios"]["matplotlib_default_over_cold"] >= 50),
        ("matplotlib Agg fast", "%.0f ms = %.0fx" % (results["matplotlib_fast_ms"],
                                                      results["ratios"]["matplotlib_fast_over_cold"]), "", None),
        ("CSV %.0f MB, 9 columns, one thread" % csv_mb,
         "%.0f MB/s (CPU %.0f MB/s)" % (results["csv_mb_per_s"], results["csv_cosmodrome"]["cpu_mb_per_s"]),
         ">= 300 MB/s", results["csv_mb_per_s"] >= 300),
        ("pandas read_csv (C)", "%.0f MB/s = %.1fx" % (results["pandas_mb_per_s"],
                                                       results["ratios"]["pandas_over_cosmodrome_csv"]),
         ">= 4x", results["ratios"]["pandas_over_cosmodrome_csv"] >= 4),
        ("frame, 8 x 1 M, cursor moving (cached)", "p95 %.1f ms" % results["frame"]["cursor_frame_p95_ms"],
         "p95 < 16.7 ms", results["frame"]["cursor_frame_p95_ms"] < 16.7),
        ("frame, 8 x 1 M, zooming (all re-rendered)", "p95 %.1f ms" % results["frame"]["zoom_frame_p95_ms"],
         "", None),
    ]
    print()
    print("CPU: %s, %d cores, load %.1f" % (results["cpu"], results["cores"], results["load_average"][0]))
    for name, value, target, ok in rows:
        mark = "" if ok is None else ("ok" if ok else "MISSED")
        print("%-48s %-36s %-14s %s" % (name, value, target, mark))
    print("(wall-clock figures; CPU is this process's CPU time, less disturbed on a shared machine)")

    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w") as f:
        json.dump(results, f, indent=2)
    print("\nwrote", args.out)
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
