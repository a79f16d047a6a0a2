#!/usr/bin/env bash
# Paging benchmark: alert POST -> page received, the whole system started by the run command on this
# machine, pages to a local receiver (bench/PagingBench.java, which is also the load generator), every
# alert new; Prometheus Alertmanager (webhook receiver, group_wait 0s) measured in the same run as the
# reference. Per-process CPU from /proc (each service, Kafka, PostgreSQL, the launcher) while idle and
# per alert at RATE alerts/s. Bounded: everything started here is stopped on exit.
#   [WARMUP_SECONDS=30] [IDLE_SECONDS=30] [READY_SECONDS=300] bench/paging-bench.sh [SECONDS=60] [RATE=50] [BURST_RATE=500]
# BURST_RATE 0 skips the burst phase. Anything else in the environment reaches the services (e.g.
# COMMANDPOST_COMMANDS_FOLD_CACHE_SIZE=0 to fold every stream from its start, as before ADR 0025).
# Needs: JDK 17, Debian's prometheus-alertmanager (installed with apt-get when missing; skipped if it cannot be).
set -euo pipefail
cd "$(dirname "$0")/.."
ulimit -n 65536 2>/dev/null || true # the open-loop sender keeps a connection per request in flight
seconds="${1:-60}"
rate="${2:-50}"
burst="${3:-500}"
warmup="${WARMUP_SECONDS:-30}"
idle="${IDLE_SECONDS:-30}"
work="$(mktemp -d /tmp/commandpost-paging-bench.XXXXXX)"
mkdir -p bench/results
results="bench/results/paging-$(date -u +%Y%m%dT%H%M%SZ).md"
port=18089
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT

# CPU ticks per process kind of the processes this script started, those whose command line names its
# work directory (PostgreSQL's postmaster, detached from the launcher), and their children: utime+stime,
# plus the ticks of exited children (PostgreSQL's backends) that their parents collected
cpu_snapshot() {
  python3 - "$work" "${pids[@]}" <<'PY'
import os, sys
work = sys.argv[1]
roots = {int(p) for p in sys.argv[2:]}
procs = {}
for pid in filter(str.isdigit, os.listdir('/proc')):
    try:
        stat = open(f'/proc/{pid}/stat').read()
        cmd = open(f'/proc/{pid}/cmdline', 'rb').read().replace(b'\0', b' ').decode(errors='replace')
    except OSError:
        continue
    fields = stat[stat.rindex(')') + 2:].split()
    procs[int(pid)] = (int(fields[1]), sum(int(f) for f in fields[11:15]), cmd)
    if work in cmd:  # PostgreSQL detaches from the launcher; its data directory is under $work
        roots.add(int(pid))
def started_here(pid):
    while pid > 1 and pid in procs:
        if pid in roots:
            return True
        pid = procs[pid][0]
    return False
kinds = [('alert-ingest-service', 'alert-ingest'), ('rotation-service', 'rotation'), ('incident-service', 'incident'),
         ('notification-service', 'notification'), ('kafka.Kafka', 'kafka'), ('launcher.Main', 'launcher'),
         ('alertmanager', 'alertmanager'), ('postgres', 'postgres')]
total = {}
for pid, (ppid, ticks, cmd) in procs.items():
    if not started_here(pid):
        continue
    kind = next((k for needle, k in kinds if needle in cmd), None)
    if kind:
        total[kind] = total.get(kind, 0) + ticks
for kind in sorted(total):
    print(kind, total[kind])
PY
}

# table of CPU between two snapshots: ms of CPU per alert (alerts > 0) or % of a core (alerts = 0)
cpu_table() {
  local before="$1" after="$2" alerts="$3" wall_ms="$4" hz
  hz="$(getconf CLK_TCK)"
  join -a 2 -e 0 -o 0,1.2,2.2 "$before" "$after" | awk -v a="$alerts" -v w="$wall_ms" -v hz="$hz" '
    { ms = ($3 - $2) * 1000 / hz; total += ms; row[$1] = ms }
    END {
      for (k in row) printf "%s %.2f\n", k, (a > 0 ? row[k] / a : 100 * row[k] / w)
      printf "TOTAL %.2f\n", (a > 0 ? total / a : 100 * total / w)
    }' | sort
}

# notification-service's timers (Prometheus text) and the table of what changed between two of them: per timer,
# how many, mean ms, and p50 / p99 ms from its histogram buckets (the bucket's upper bound)
metrics_snapshot() {
  [[ -n ${notification_url:-} ]] && curl -s "$notification_url/q/metrics" | grep -E '^commandpost_(delivery|consumer)_' || true
}
metrics_table() {
  python3 - "$1" "$2" <<'PY'
import re, sys
def read(path):
    values = {}
    for line in open(path):
        m = re.match(r'^(\S+?)(\{.*\})?\s+(\S+)$', line.strip())
        if m:
            values[(m.group(1), m.group(2) or '')] = float(m.group(3))
    return values
before, after = read(sys.argv[1]), read(sys.argv[2])
def delta(key):
    return after.get(key, 0.0) - before.get(key, 0.0)
timers = {}
for (name, tags), value in after.items():
    if name.endswith('_seconds_count'):
        timers[(name[:-len('_count')], tags)] = delta((name, tags))
print('| timer | tags | count | mean ms | p50 ms | p99 ms |')
print('|---|---|---|---|---|---|')
for (base, tags), count in sorted(timers.items()):
    if count <= 0:
        continue
    mean = 1000 * delta((base + '_sum', tags)) / count
    buckets = []
    inner = tags[1:-1] if tags else ''
    for (name, btags), value in after.items():
        if name == base + '_bucket':
            le = re.search(r'le="([^"]+)"', btags).group(1)
            rest = re.sub(r',?le="[^"]+"', '', btags[1:-1]).strip(',')
            if rest == inner:
                buckets.append((float('inf') if le == '+Inf' else float(le), delta((name, btags))))
    buckets.sort()
    def q(p):
        for le, c in buckets:
            if c >= p * count:
                return '%.1f' % (1000 * le) if le != float('inf') else 'inf'
        return '-'
    print('| %s | %s | %d | %.1f | %s | %s |' % (base, inner, count, mean, q(0.5), q(0.99)))
PY
}

now_ms() { date +%s%3N; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

echo "[bench] starting CommandPost (data in $work/commandpost), pages to 127.0.0.1:$port ..."
COMMANDPOST_HOME="$work/commandpost" COMMANDPOST_PAGE_WEBHOOK_URL="http://127.0.0.1:$port/pages" \
  ./run > "$work/run.log" 2>&1 &
pids+=($!)
# the launcher's own ready limit (COMMANDPOST_READY_TIMEOUT, 10 min) decides; a run that exits fails the bench at once
for _ in $(seq 1 "${READY_SECONDS:-720}"); do
  [[ -s "$work/commandpost/demo-integration-token" ]] && grep -q 'CommandPost is ready' "$work/run.log" && break
  kill -0 "${pids[-1]}" 2>/dev/null || { echo "[bench] ./run exited before it was ready:"; tail -n 20 "$work/run.log"; exit 1; }
  sleep 1
done
token="$(cat "$work/commandpost/demo-integration-token")"
ingest_url="$(grep -o 'http://localhost:[0-9]*/v1/webhooks/alertmanager' "$work/run.log" | head -n 1 || true)"
[[ -n $ingest_url ]] || ingest_url="http://localhost:8081/v1/webhooks/alertmanager"
# flood control 0 (every alert pages), where notification-service has paging policies
notification_url="$(grep -o 'http://localhost:[0-9]*/v1/notifications' "$work/run.log" | head -n 1 | sed 's|/v1/notifications||' || true)"
if [[ -n $notification_url ]]; then
  status="$(curl -s -o /dev/null -w '%{http_code}' -X PUT "$notification_url/v1/teams/demo/paging-policy" \
    -H "Authorization: Bearer $(cat "$work/commandpost/api-key")" -H 'Content-Type: application/json' \
    -d '{"steps":[{"delayMinutes":10,"targets":["on-duty"]}],"repeat":1,"ackTimeoutMinutes":30,"floodWindowSeconds":0}')"
  echo "[bench] flood control off for team demo: HTTP $status (200: done; 404: this version has no paging policies)"
fi

am=no
if command -v prometheus-alertmanager >/dev/null || apt-get install -y -qq prometheus-alertmanager >/dev/null 2>&1; then
  systemctl stop prometheus-alertmanager 2>/dev/null || true
  cat > "$work/alertmanager.yml" <<YAML
route:
  receiver: bench
  group_by: ['...']
  group_wait: 0s
  group_interval: 1m
  repeat_interval: 4h
receivers:
  - name: bench
    webhook_configs:
      - url: http://127.0.0.1:$port/am
        send_resolved: false
YAML
  prometheus-alertmanager --config.file="$work/alertmanager.yml" --storage.path="$work/alertmanager" \
    --web.listen-address=127.0.0.1:9193 --cluster.listen-address= > "$work/alertmanager.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 30); do curl -fs 127.0.0.1:9193/-/ready >/dev/null && am=yes && break; sleep 1; done
fi
am_url=http://127.0.0.1:9193/api/v2/alerts

# The load generator and page receiver, compiled once (BENCH_WARM=0: run from source in each phase, warming nothing
# of its own, as before 2026-12-08 03:00 UTC: its JVM's compiling then competes with the system in each phase's first seconds)
if [[ ${BENCH_WARM:-1} == 0 ]]; then
  bench() { PAGEBENCH_SELF_WARM=0 java bench/PagingBench.java "$@" 2>> "$results.errors"; }
else
  mkdir -p "$work/bench-classes" && javac -d "$work/bench-classes" bench/PagingBench.java
  bench() { java -cp "$work/bench-classes" PagingBench "$@" 2>> "$results.errors"; }
fi

echo "[bench] warming up for ${warmup}s ..."
# the warm-up's pages are delivered before the idle measurement starts (if the system keeps up)
bench cp "$ingest_url" "$token" "$rate" "$warmup" "$port" 120 warm-up > /dev/null
[[ $am == yes ]] && bench am "$am_url" - "$rate" 5 "$port" 10 warm-up > /dev/null

{
  echo "# Paging benchmark raw results ($(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, commit $(git rev-parse --short HEAD 2>/dev/null || echo "${BENCH_COMMIT:-?}"))"
  echo
  echo "| run | target | load | sent | intake non-2xx | paged | missing | duplicates | p50 / p90 / p99 / max ms | p99 first 10 s | p99 last 10 s | unpaged when sending stopped |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
} > "$results"

echo "[bench] idle for ${idle}s (load $(loadavg)) ..."
cpu_snapshot > "$work/idle.before"; t0="$(now_ms)"
sleep "$idle"
cpu_snapshot > "$work/idle.after"; t1="$(now_ms)"
idle_load="$(loadavg)"

echo "[bench] $rate alerts/s for ${seconds}s ..."
load_before="$(loadavg)"
metrics_snapshot > "$work/steady.metrics.before"
cpu_snapshot > "$work/steady.before"
PAGEBENCH_STAMPS="$work/steady.stamps" \
  bench cp "$ingest_url" "$token" "$rate" "$seconds" "$port" 30 "steady (load $load_before)" | tee -a "$results"
cpu_snapshot > "$work/steady.after"
steady_load="$(loadavg)"
metrics_snapshot > "$work/steady.metrics.after"
alerts=$(( rate * seconds ))

if [[ $am == yes ]]; then
  load_before="$(loadavg)"
  cpu_snapshot > "$work/am.before"
  bench am "$am_url" - "$rate" "$seconds" "$port" 30 "reference (load $load_before)" | tee -a "$results"
  cpu_snapshot > "$work/am.after"
fi

if (( burst > 0 )); then # BURST_RATE 0: no burst phase (a shorter run for CPU per alert only)
  echo "[bench] $burst alerts/s for 60s ..."
  load_before="$(loadavg)"
  bench cp "$ingest_url" "$token" "$burst" 60 "$port" 120 "burst (load $load_before)" | tee -a "$results"
  if [[ $am == yes ]]; then
    load_before="$(loadavg)"
    bench am "$am_url" - "$burst" 60 "$port" 60 "burst reference (load $load_before)" | tee -a "$results"
  fi
fi

{
  echo
  echo "CPU while idle, % of one core (${idle}s, load $idle_load):"
  echo
  cpu_table "$work/idle.before" "$work/idle.after" 0 $(( t1 - t0 )) | sed 's/^/    /'
  echo
  echo "CPU per alert at $rate alerts/s, ms (over the ${seconds}s run and its drain):"
  echo
  cpu_table "$work/steady.before" "$work/steady.after" "$alerts" 0 | sed 's/^/    /'
  if [[ $am == yes ]]; then
    echo
    echo "CPU per alert of the Alertmanager reference at $rate alerts/s, ms:"
    echo
    cpu_table "$work/am.before" "$work/am.after" "$alerts" 0 | grep -E 'alertmanager' | sed 's/^/    /'
  else
    echo
    echo "Alertmanager: not available on this machine (prometheus-alertmanager could not be installed)."
  fi
  if [[ -n $notification_url && -s "$work/steady.stamps" ]]; then
    # read after the CPU figures: the look-ups of each page's record cost the services some CPU themselves
    echo
    echo "Where the milliseconds of the $rate alerts/s phase went (load at its end $steady_load):"
    echo
    bench stages "$work/steady.stamps" "$notification_url" "$(cat "$work/commandpost/api-key")" "${STAGE_EVERY:-1}"
    echo
    echo "notification-service's own timers over the phase (GET /q/metrics, after - before):"
    echo
    metrics_table "$work/steady.metrics.before" "$work/steady.metrics.after"
  fi
} | tee -a "$results"
echo "[bench] results in $results"
