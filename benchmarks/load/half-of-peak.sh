# Sourced by benchmarks/load/run and benchmarks/load/soak. pause_for_rate TARGET_RPS CONNECTIONS WRK_ARGS... prints the
# pause per connection (PAUSE_MS for benchmarks/load/pace.lua) at which wrk sends TARGET_RPS: each try's
# achieved rate gives the latency (cycle = pause + latency), which sets the next try's pause.
pause_for_rate() {
  local target="$1" connections="$2" pause=1 rate
  shift 2
  for _ in 1 2 3; do
    rate="$(PAUSE_MS="$pause" wrk -t2 -c"$connections" -d5s -s "$(dirname "${BASH_SOURCE[0]}")/pace.lua" "$@" \
      | awk '/Requests\/sec/ {print $2}')"
    pause="$(node -e "const [c, r, t, p] = process.argv.slice(1).map(Number); const latency = Math.max(0, c * 1000 / r - p);
      console.log(Math.max(0, c * 1000 / t - latency).toFixed(3))" "$connections" "$rate" "$target" "$pause")"
  done
  echo "$pause"
}
