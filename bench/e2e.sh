#!/usr/bin/env bash
# End to end, as a user feels it: a real client attached in a PTY this benchmark owns, timed on
# the bytes that come out of that terminal. Runs mux beside tmux and a bare PTY (and GNU screen
# and zellij when installed) with bench/muxbench.py, then prints mux's figures as ratios to
# the bare PTY and to tmux. Timings are noisy on shared machines: compare ratios of one run.
#
#   bash bench/e2e.sh                                  # every bench, 3 repetitions
#   BENCH=latency REPS=2 bash bench/e2e.sh             # only key echo
#   QUICK=1 bash bench/e2e.sh                          # smoke test
set -euo pipefail
cd "$(dirname "$0")/.."
command -v tmux >/dev/null || { echo "bench: tmux is not installed (apt-get install tmux)" >&2; exit 1; }
TARGET=${CARGO_TARGET_DIR:-$PWD/target}
cargo build --release --locked -p mux-client >/dev/null 2>&1
ADAPTERS=raw,tmux,mux
command -v screen >/dev/null && ADAPTERS="$ADAPTERS,screen"
{ [ -n "${MUXBENCH_ZELLIJ_BIN:-}" ] || command -v zellij >/dev/null; } && ADAPTERS="$ADAPTERS,zellij"
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
ARGS=(--adapters "$ADAPTERS" --mux-bin "$TARGET/release/mux" --results-dir "$OUT" --name e2e
      --bench "${BENCH:-throughput,latency,latency_busy,startup,panes,memory}" --reps "${REPS:-3}")
[ -n "${QUICK:-}" ] && ARGS+=(--quick)
python3 bench/muxbench.py "${ARGS[@]}" || echo "bench: some runs failed (see above)" >&2
python3 - "$OUT" <<'PY'
import glob, json, sys
path = sorted(glob.glob(sys.argv[1] + "/*.json"))[-1]
summary = json.load(open(path))["summary"]
figures = {  # bench: (metric, lower is better)
    "latency": [("p50_ms", True), ("p99_ms", True)],
    "latency_busy": [("p50_ms", True), ("p99_ms", True)],
    "throughput_plain": [("mb_per_s", False), ("out_per_in", True)],
    "throughput_sgr": [("mb_per_s", False)],
    "startup": [("total_ms", True)],
    "panes": [("all_idle_s", True), ("idle_server_wakeups_per_s", True), ("idle_client_bytes_per_s", True)],
    "memory": [("per_pane_10k_lines_kib", True), ("per_idle_pane_kib", True)],
}
print("\n== mux as a ratio (for speed: mux's rate / theirs; for times and sizes: mux / theirs)")
print(f"{'figure':42} {'raw':>10} {'tmux':>10} {'mux':>10} {'mux/raw':>8} {'mux/tmux':>8}")
for bench, metrics in figures.items():
    row = summary.get(bench, {})
    for metric, _ in metrics:
        vals = {a: row.get(a, {}).get(metric) for a in ("raw", "tmux", "mux")}
        if vals["mux"] is None:
            continue
        ratio = lambda other: f"{vals['mux'] / other:8.2f}" if other else f"{'-':>8}"
        cell = lambda v: f"{v:10.3f}" if isinstance(v, (int, float)) else f"{'-':>10}"
        print(f"{bench + ' ' + metric:42} {cell(vals['raw'])} {cell(vals['tmux'])} "
              f"{cell(vals['mux'])} {ratio(vals['raw'])} {ratio(vals['tmux'])}")
PY
