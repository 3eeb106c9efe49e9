#!/usr/bin/env bash
# `npm run test:stress`: the whole suite, exactly as `npm test` runs it (arguments passed through), while
# `stress-ng --cpu 2` keeps two cores busy, as on a contributor's machine with other work running.
# TEAK_DESK_STRESS_CPUS=4 oversubscribes a 2-core machine twice over, as a busy laptop does.
# Exits with the suite's exit code; stress-ng and its workers are stopped however the suite ends.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v stress-ng >/dev/null 2>&1; then
  echo "test:stress needs stress-ng, which is not installed: install Debian's stress-ng (apt-get install stress-ng)." >&2
  exit 2
fi

# Its own process group, so that stopping it stops every worker it forked; --timeout in case this script
# is killed outright and cannot stop it.
cpus="${TEAK_DESK_STRESS_CPUS:-2}"
setsid stress-ng --cpu "$cpus" --timeout 3h --quiet &
stress_pid=$!
trap 'kill -TERM -- "-$stress_pid" 2>/dev/null || true; wait "$stress_pid" 2>/dev/null || true' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

started=$(date +%s)
status=0
bash scripts/test.sh "$@" || status=$?
echo "test:stress: the suite exited with $status after $(($(date +%s) - started)) s under stress-ng --cpu $cpus." >&2
exit "$status"
