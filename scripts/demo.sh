#!/usr/bin/env bash
# The main job end to end, as far as it exists today; it grows with each capability.
set -euo pipefail
cd "$(dirname "$0")/.."
demo=${EDGE_DEMO_DIR:-demo}
echo "== synthesizing a data set of normal and defective textures in $demo/data"
./bin/edge-train synth --out "$demo/data" --kind textures --seed 1
