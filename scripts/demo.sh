#!/usr/bin/env bash
# The main job end to end, as far as it exists today. It grows with each capability.
set -euo pipefail
cd "$(dirname "$0")/.."
./bin/edge-train --help
