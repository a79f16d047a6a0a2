#!/usr/bin/env bash
# Planning cost of a team's next 92 days, and of a handoff tick: a team created yesterday vs three years ago (ADR 0011).
# Usage: bench/planning-bench.sh [rounds]   (default 200; prints median milliseconds per plan)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -pl rotation-service -am compile
./mvnw -B -q -pl shared-events dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile=target/bench.classpath
java -cp "rotation-service/target/classes:platform/target/classes:shared-events/target/classes:$(cat shared-events/target/bench.classpath)" \
  bench/PlanningBench.java "${1:-200}"
