#!/usr/bin/env bash
# Runs every test of VoiceFunctions on this machine: installs what the tests need when it is missing,
# starts the services they use on loopback, runs `dotnet test` for the whole solution, stops the services.
# Usage: ./test.sh [extra dotnet test arguments, e.g. --filter FullyQualifiedName~Webhook]
set -euo pipefail
cd "$(dirname "$0")"

scripts/install-test-deps.sh
scripts/test-services.sh start
trap 'scripts/test-services.sh stop' EXIT

dotnet build VoiceFunctions.sln -c Release --nologo -v quiet
mkdir -p .artifacts
set +e
# -m:1: one test assembly at a time, so the real-time audio tests never share the two cores with another
# assembly's load (xunit still runs test classes in parallel within an assembly).
dotnet test VoiceFunctions.sln -c Release --no-build --nologo -m:1 "$@" 2>&1 | tee .artifacts/test-output.txt
status=${PIPESTATUS[0]}
set -e

# One closing line over all test assemblies, in the plain form CI reads.
awk '
  /(Passed|Failed)! +- +Failed:/ {
    for (i = 1; i <= NF; i++) {
      gsub(",", "", $(i+1))
      if ($i == "Failed:")  failed  += $(i+1)
      if ($i == "Passed:")  passed  += $(i+1)
      if ($i == "Skipped:") skipped += $(i+1)
    }
  }
  END { printf "tests: %d passed, %d failed, %d skipped\n", passed, failed, skipped }
' .artifacts/test-output.txt
exit "$status"
