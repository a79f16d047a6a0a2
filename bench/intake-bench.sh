#!/usr/bin/env bash
# Intake benchmark: CommandPost's Alertmanager webhook against Prometheus Alertmanager's own
# POST /api/v2/alerts, same machine, same load generator, same alerts. Bounded: every run lasts
# SECONDS (default 15) after a 3 s warm-up, all traffic goes to 127.0.0.1, and everything started
# here is stopped on exit.
#   [WARMUP_SECONDS=40] bench/intake-bench.sh [SECONDS] [intake|pipeline|cpu]
# intake (default): only the broker, PostgreSQL and alert-ingest-service run while measuring — the
# intake path alone, like Alertmanager's. pipeline: the other three services keep consuming every
# alert (queueing, paging the MRO for each one) on the same cores while the intake is measured.
# cpu: CPU time per accepted alert (issue 17), intake alone: alert-ingest-service + broker against
# Alertmanager, read from /proc in the same run, with the raw-socket load generator (bench/IntakeBench.java cpu),
# WARMUP_SECONDS (default 30) at 16 senders for both targets first, then WARMUP_SECONDS of the same load before
# each measured run; cells 1 alert/request from 1 and 16 senders, 100 per request from 16; the load average is
# recorded with every row, the busiest threads of each process per cell in a -threads.txt beside the results.
# Needs: JDK 17, Debian's prometheus-alertmanager (installed with apt-get when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-15}"
mode="${2:-intake}"
default_warmup=40
[[ $mode == cpu ]] && default_warmup=30
warmup="${WARMUP_SECONDS:-$default_warmup}"
work="$(mktemp -d /tmp/commandpost-bench.XXXXXX)"
mkdir -p bench/results
results="bench/results/intake-$mode-$(date -u +%Y%m%dT%H%M%SZ).md"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT

if ! command -v prometheus-alertmanager >/dev/null; then
  apt-get install -y -qq prometheus-alertmanager >/dev/null
fi
# the Debian package starts a system service on :9093; the benchmark runs its own instance
systemctl stop prometheus-alertmanager 2>/dev/null || true

# a loaded machine must not fail the services' start on the 2 s connection acquisition meant for a stalled database
export QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT="${QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT:-30S}"
echo "[bench] starting CommandPost (data in $work/commandpost) ..."
COMMANDPOST_HOME="$work/commandpost" ./run > "$work/run.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 900); do # a first run builds everything first
  [[ -s "$work/commandpost/demo-integration-token" ]] && grep -q 'CommandPost is ready' "$work/run.log" && break
  sleep 1
done
token="$(cat "$work/commandpost/demo-integration-token")"
ingest_url="$(grep -o 'http://localhost:[0-9]*/v1/webhooks/alertmanager' "$work/run.log" | head -n 1 || true)"
[[ -n $ingest_url ]] || ingest_url="http://localhost:8081/v1/webhooks/alertmanager"

# the processes this run started (launcher's run.children: "name pid started-ms"), never anyone else's
pid_of() { awk -v name="$1" '$1 == name { print $2 }' "$work/commandpost/run.children" | tail -n 1; }
if [[ $mode == intake || $mode == cpu ]]; then
  # the launcher logs the exits and keeps the rest running
  for service in rotation-service incident-service notification-service; do
    pid="$(pid_of "$service")"
    [[ -n $pid ]] && kill -TERM "$pid" 2>/dev/null || true
  done
fi

echo "[bench] starting Alertmanager ..."
cat > "$work/alertmanager.yml" <<'YAML'
route:
  receiver: blackhole
receivers:
  - name: blackhole
YAML
prometheus-alertmanager --config.file="$work/alertmanager.yml" --storage.path="$work/alertmanager" \
  --web.listen-address=127.0.0.1:9193 --cluster.listen-address= > "$work/alertmanager.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 30); do curl -fs 127.0.0.1:9193/-/ready >/dev/null && break; sleep 1; done

if [[ $mode == cpu ]]; then
  ingest_pid="$(pid_of alert-ingest-service)"; broker_pid="$(pid_of kafka)"; am_pid="${pids[-1]}"
  [[ -n $ingest_pid && -n $broker_pid ]] || { echo "[bench] cannot find the service or broker pid" >&2; exit 1; }
  {
    echo "# Intake CPU per accepted alert ($(date -u +%Y-%m-%dT%H:%M:%SZ), ${seconds}s measured after ${warmup}s warm-up per run, $(nproc) cores)"
    echo
    echo "| target | alerts/request | senders | alerts accepted | alerts/s | CPU ms (per process) | µs CPU per alert | p50 ms | p99 ms | non-2xx | load average (1 min) |"
    echo "|---|---|---|---|---|---|---|---|---|---|---|"
  } > "$results"
  # Both JVMs (service and broker) compile their hot paths first: at one sender and ~1,000 requests/s the C2
  # compiler was still busy after the per-cell warm-up and its CPU counted as the first cell's. So before any cell,
  # both targets get WARMUP_SECONDS at 16 senders (1 alert per request, then 100), like the other modes.
  echo "[bench] warming up both targets (${warmup}s at 16 senders each) ..."
  java bench/IntakeBench.java rate cp "$ingest_url" "$token" 1 16 "$((warmup / 2))" > /dev/null
  java bench/IntakeBench.java rate cp "$ingest_url" "$token" 100 16 "$((warmup / 2))" > /dev/null
  java bench/IntakeBench.java rate am http://127.0.0.1:9193/api/v2/alerts - 1 16 "$((warmup / 2))" > /dev/null
  java bench/IntakeBench.java rate am http://127.0.0.1:9193/api/v2/alerts - 100 16 "$((warmup / 2))" > /dev/null
  # where the CPU went, per thread (JIT compiler, event loops, producer, broker network and I/O threads)
  export THREADS=1
  for cell in "1 1" "1 16" "100 16"; do
    read -r per_request senders <<< "$cell"
    for target in cp am; do
      if [[ $target == cp ]]; then
        row="$(java bench/IntakeBench.java cpu cp "$ingest_url" "$token" "$per_request" "$senders" "$seconds" "$warmup" \
          "service=$ingest_pid,broker=$broker_pid" 2>> "${results%.md}-threads.txt")"
      else
        row="$(java bench/IntakeBench.java cpu am http://127.0.0.1:9193/api/v2/alerts - "$per_request" "$senders" \
          "$seconds" "$warmup" "alertmanager=$am_pid" 2>> "${results%.md}-threads.txt")"
      fi
      echo "$row $(cut -d' ' -f1 /proc/loadavg) |" | tee -a "$results"
    done
  done
  echo "[bench] results in $results, busiest threads per cell in ${results%.md}-threads.txt"
  exit 0
fi

# A service runs for days: measure it with its hot paths compiled, not its first seconds of JIT work.
# Both targets get the same warm-up (Alertmanager, compiled ahead of time, needs none).
echo "[bench] warming up both targets for ${warmup}s each ..."
for target in cp am; do
  url="$ingest_url"; key="$token"
  [[ $target == am ]] && { url=http://127.0.0.1:9193/api/v2/alerts; key=-; }
  java bench/IntakeBench.java rate "$target" "$url" "$key" 100 16 "$((warmup / 2))" > /dev/null
  java bench/IntakeBench.java rate "$target" "$url" "$key" 1 16 "$((warmup / 2))" > /dev/null
done

{
  echo "# Intake benchmark raw results ($mode; $(date -u +%Y-%m-%dT%H:%M:%SZ), ${seconds}s per run, $(nproc) cores)"
  echo
  echo "| target | alerts/request | concurrency | requests | alerts/s | p50 ms | p99 ms | non-2xx |"
  echo "|---|---|---|---|---|---|---|---|"
} > "$results"
for per_request in 1 100; do
  for concurrency in 1 16 64; do
    java bench/IntakeBench.java rate cp "$ingest_url" "$token" "$per_request" "$concurrency" "$seconds" | tee -a "$results"
    java bench/IntakeBench.java rate am http://127.0.0.1:9193/api/v2/alerts - "$per_request" "$concurrency" "$seconds" \
      | tee -a "$results"
  done
done
echo "[bench] results in $results"
