#!/usr/bin/env bash
# Planning cost of a team's next 92 days: a team created yesterday vs three years ago (ADR 0011).
# Usage: bench/planning-bench.sh [rounds]   (default 200; prints median milliseconds per plan)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -pl rotation-service -am compile
java -cp rotation-service/target/classes:shared-events/target/classes bench/PlanningBench.java "${1:-200}"
