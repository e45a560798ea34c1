#!/usr/bin/env bash
# The main job end to end, as far as it exists today: synthesize data, train, export a checked bundle.
# It grows with each capability (evaluate and calibrate next).
set -euo pipefail
cd "$(dirname "$0")/.."
demo=${EDGE_DEMO_DIR:-demo}
minutes=${EDGE_DEMO_MINUTES:-4}
echo "== 1/3 synthesizing normal and defective textures in $demo/data"
./bin/edge-train synth --out "$demo/data" --kind textures --seed 1
echo "== 2/3 training the tiny preset on the normal images (at most $minutes minutes)"
./bin/edge-train fit --data "$demo/data" --out "$demo/run" --preset tiny --max-minutes "$minutes"
echo "== 3/3 exporting the bundle (every graph checked against libtorch)"
./bin/edge-train export --run "$demo/run" --out "$demo/bundle" --version 0.1.0
ls -l "$demo/bundle"
