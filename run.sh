#!/usr/bin/env bash
# Runs VoiceFunctions locally. For now it builds everything and says which parts are not there yet;
# the MediaHost and the local control-plane host are started here as soon as they exist.
set -euo pipefail
cd "$(dirname "$0")"
dotnet build VoiceFunctions.sln -c Release --nologo -v quiet
echo
echo "Built. Not there yet:"
echo "  - the local control-plane host (Functions composed on Kestrel with Azurite)"
echo "  - the MediaHost's SIP/RTP stack and audio loop"
echo "  - the demo call"
