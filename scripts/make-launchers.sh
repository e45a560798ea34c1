#!/usr/bin/env bash
# Writes ./bin/edge-train and ./bin/edge-agent, which run the tools just built.
set -euo pipefail
cd "$(dirname "$0")/.."
config=${1:-Release}
mkdir -p bin
launcher() {
  local name=$1 dll=$2
  cat > "bin/$name" <<SCRIPT
#!/bin/sh
here=\$(cd "\$(dirname "\$0")/.." && pwd)
exec dotnet "\$here/$dll" "\$@"
SCRIPT
  chmod +x "bin/$name"
}
launcher edge-train "trainer/Edge.Trainer/bin/$config/net10.0/edge-train.dll"
launcher edge-agent "agent/Edge.Agent/bin/$config/net10.0/edge-agent.dll"
