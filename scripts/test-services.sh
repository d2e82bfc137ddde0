#!/usr/bin/env bash
# Starts (start) or stops (stop) the services the tests need, on loopback only:
# Azurite's Table and Blob endpoints on their well-known ports (tests connect with UseDevelopmentStorage=true).
set -euo pipefail
cd "$(dirname "$0")/.."
state=.artifacts/services
mkdir -p "$state"

wait_port() { # port, name
  for _ in $(seq 1 100); do
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    sleep 0.1
  done
  echo "test-services: $2 did not open 127.0.0.1:$1" >&2
  return 1
}

case "${1:-}" in
  start)
    if (exec 3<>/dev/tcp/127.0.0.1/10002) 2>/dev/null; then
      echo "test-services: something already listens on 127.0.0.1:10002; using it as Azurite"
    else
      tests/node/node_modules/.bin/azurite --silent --inMemoryPersistence --skipApiVersionCheck --disableProductStyleUrl \
        --blobHost 127.0.0.1 --blobPort 10000 --queueHost 127.0.0.1 --queuePort 10001 --tableHost 127.0.0.1 --tablePort 10002 \
        > "$state/azurite.log" 2>&1 &
      echo $! > "$state/azurite.pid"
      wait_port 10002 "Azurite (tables)"
      wait_port 10000 "Azurite (blobs)"
      echo "test-services: Azurite started (pid $(cat "$state/azurite.pid"))"
    fi
    ;;
  stop)
    if [ -f "$state/azurite.pid" ]; then
      kill "$(cat "$state/azurite.pid")" 2>/dev/null || true
      rm -f "$state/azurite.pid"
      echo "test-services: Azurite stopped"
    fi
    ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
