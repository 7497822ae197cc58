#!/usr/bin/env bash
# Runs mux and tmux side by side on this machine, in this run, and prints their figures and
# ratios: output throughput of a pane (how fast the server consumes a flood) and server memory
# after a pane printed coloured lines. Timings are noisy on shared machines: compare ratios.
#
#   bash bench/compare.sh            # builds mux in release mode first
#   LINES_THROUGHPUT=3000000 LINES_MEMORY=10000 bash bench/compare.sh
set -euo pipefail
cd "$(dirname "$0")/.."
command -v tmux >/dev/null || { echo "bench: tmux is not installed (apt-get install tmux)" >&2; exit 1; }
cargo build --release --locked -p mux-client >/dev/null 2>&1
cargo build --release --locked -p mux-term-emu --example throughput >/dev/null 2>&1
MUX="$PWD/target/release/mux"
N_SEQ=${LINES_THROUGHPUT:-2000000}
N_MEM=${LINES_MEMORY:-10000}
WORK=$(mktemp -d)
trap 'tmux -S "$WORK/tmux.sock" kill-server 2>/dev/null || true; "$MUX" -S "$WORK/mux.sock" kill-server 2>/dev/null || true; rm -rf "$WORK"' EXIT
export HOME="$WORK" SHELL=/bin/sh

now() { date +%s.%N; }
wait_file() { # wait for a file with a 300 s deadline
  local deadline=$(( $(date +%s) + 300 ))
  while [ ! -e "$1" ]; do
    [ "$(date +%s)" -lt "$deadline" ] || { echo "bench: timed out waiting for $1" >&2; exit 1; }
    sleep 0.01
  done
}
rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$1/status"; }
server_pid() { # $1 = tool, $2 = socket
  if [ "$1" = tmux ]; then tmux -S "$2" display -p '#{pid}'; else
    for p in /proc/[0-9]*; do
      if { tr '\0' ' ' <"$p/cmdline"; } 2>/dev/null | grep -q -- "__server -S $2"; then basename "$p"; fi
    done | head -n1
  fi
}
run() { # $1 = tool, $2... = args
  local tool=$1; shift
  if [ "$tool" = tmux ]; then tmux -f /dev/null -S "$WORK/tmux.sock" "$@"; else "$MUX" -S "$WORK/mux.sock" "$@"; fi
}

# A script printing N lines of 80 columns with SGR colours.
cat >"$WORK/colour.sh" <<'EOS'
i=0
while [ $i -lt "$1" ]; do
  printf '\033[3%dm%06d\033[0m \033[1;4%dm%s\033[0m\n' $((i % 8)) $i $((i % 8)) 'The quick brown fox jumps over the lazy dog, again and again and again!!'
  i=$((i + 1))
done
EOS

declare -A T M K
for tool in tmux mux; do
  sock="$WORK/$tool.sock"
  run $tool new-session -d -s idle -x 80 -y 24 "sleep 100000"
  pid=$(server_pid $tool "$sock")
  base=$(rss_kb "$pid")
  rm -f "$WORK/done"
  start=$(now)
  run $tool new-session -d -s seq -x 80 -y 24 "seq 1 $N_SEQ; touch $WORK/done; sleep 100000"
  wait_file "$WORK/done"
  T[$tool]=$(echo "$(now) - $start" | bc)
  run $tool kill-session -t seq
  rm -f "$WORK/done"
  run $tool new-session -d -s mem -x 80 -y 24 "sh $WORK/colour.sh $N_MEM; touch $WORK/done; sleep 100000"
  wait_file "$WORK/done"
  # Let the server finish parsing what is still in the PTY: wait for the last line on screen.
  sleep 1
  M[$tool]=$(( $(rss_kb "$pid") - base ))
  run $tool kill-session -t mem
  # The same with every line kept in the scrollback.
  run $tool set -g history-limit "$N_MEM"
  base=$(rss_kb "$pid")
  rm -f "$WORK/done"
  run $tool new-session -d -s keep -x 80 -y 24 "sh $WORK/colour.sh $N_MEM; touch $WORK/done; sleep 100000"
  wait_file "$WORK/done"
  sleep 1
  K[$tool]=$(( $(rss_kb "$pid") - base ))
  run $tool kill-server || true
done

printf '%-40s %12s %12s %8s\n' "benchmark" "tmux" "mux" "mux/tmux"
printf '%-40s %11.2fs %11.2fs %8.2f\n' "seq 1 $N_SEQ in an 80x24 pane (time)" "${T[tmux]}" "${T[mux]}" "$(echo "${T[mux]} / ${T[tmux]}" | bc -l)"
printf '%-40s %10dkB %10dkB %8.2f\n' "$N_MEM coloured lines (server RSS growth)" "${M[tmux]}" "${M[mux]}" "$(echo "${M[mux]} / (${M[tmux]} + 1)" | bc -l)"
printf '%-40s %10dkB %10dkB %8.2f\n' "  the same, history-limit $N_MEM" "${K[tmux]}" "${K[mux]}" "$(echo "${K[mux]} / (${K[tmux]} + 1)" | bc -l)"
echo "(the first two at the default history-limit, 2000 lines)"
echo
echo "term-emu alone (no PTY, no server), release build:"
"$PWD/target/release/examples/throughput"
