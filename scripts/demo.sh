#!/usr/bin/env bash
# The main job end to end: synthesize data, train, export a checked bundle, calibrate it, evaluate it through
# ONNX Runtime (what the device runs) and print the figures. Safe to run again: each run starts from a fresh folder.
set -euo pipefail
cd "$(dirname "$0")/.."
demo=${EDGE_DEMO_DIR:-demo}
minutes=${EDGE_DEMO_MINUTES:-4}
rm -rf "$demo"
echo "== 1/5 synthesizing normal and defective textures in $demo/data"
./bin/edge-train synth --out "$demo/data" --kind textures --seed 1
echo "== 2/5 training the tiny preset on the normal images (at most $minutes minutes)"
./bin/edge-train fit --data "$demo/data" --out "$demo/run" --preset tiny --max-minutes "$minutes"
echo "== 3/5 exporting the bundle (every graph checked against libtorch)"
./bin/edge-train export --run "$demo/run" --out "$demo/bundle" --version 0.1.0
echo "== 4/5 calibrating thresholds on the validation images"
./bin/edge-train calibrate --bundle "$demo/bundle" --data "$demo/data"
echo "== 5/5 evaluating the bundle in ONNX Runtime (report: $demo/report/index.html)"
./bin/edge-train evaluate --bundle "$demo/bundle" --data "$demo/data" --report "$demo/report"
