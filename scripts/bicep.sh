#!/usr/bin/env bash
# Runs the Bicep CLI that the NuGet package Azure.Bicep.CommandLine.linux-x64 carries (no other download):
# restores scripts/bicep-tool/BicepTool.csproj into the NuGet cache when the binary is not there yet, then
# runs it with the given arguments. Usage: scripts/bicep.sh build infra.bicep | scripts/bicep.sh lint infra.bicep
set -euo pipefail
tool_dir="$(cd "$(dirname "$0")/bicep-tool" && pwd)"
version="$(sed -n 's:.*<BicepVersion>\(.*\)</BicepVersion>.*:\1:p' "$tool_dir/BicepTool.csproj")"

packages="${NUGET_PACKAGES:-}"
if [ -z "$packages" ]; then
  packages="$(dotnet nuget locals global-packages --list | sed -n 's/^global-packages: *//p')"
fi
bicep="${packages%/}/azure.bicep.commandline.linux-x64/$version/tools/bicep"

if [ ! -x "$bicep" ]; then
  echo "bicep.sh: restoring Azure.Bicep.CommandLine.linux-x64 $version from NuGet" >&2
  dotnet restore "$tool_dir/BicepTool.csproj" --nologo -v quiet >&2
  [ -f "$bicep" ] || { echo "bicep.sh: $bicep is missing after the restore" >&2; exit 1; }
  chmod u+x "$bicep"
fi
exec "$bicep" "$@"
