#!/usr/bin/env bash
# Installs what Edge needs to build, test and run the demo, and only what is missing.
# Safe to run again and again: a machine that has everything is left untouched.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages, each with the reason it is here.
packages=(
  cmake g++ make            # the libtorch shim (trainer/native)
  libtorch-dev              # libtorch 1.13, the training engine
  libopenblas0-pthread      # Debian's libtorch takes the system BLAS; the reference one is ~13x slower
  libonnx-dev               # onnx.proto, from which the C# graph types are generated
  python3-onnx              # onnx.checker, an independent checker of the graphs we write
  libpng16-16 libturbojpeg0 # image codecs bound from models/Edge.Imaging
  ffmpeg                    # camera pipelines (RTSP, files) and test videos
  gstreamer1.0-tools gstreamer1.0-plugins-base gstreamer1.0-plugins-good # gst-launch-1.0 camera pipelines (Jetson CSI) and their tests
  mosquitto mosquitto-clients # a real broker and client for the MQTT tests
  openssl                   # the MQTT TLS tests make a private CA and certificates with it
  systemd file              # packaging tests: systemd-analyze verify/security, architecture of native libraries
  python3-torch             # PyTorch eager on the same libtorch: the benchmark's yardstick, and the imaging tests' resize reference
  chromium                  # the browser the status page's tests drive through Playwright (its own browser download is not used)
)
# `make bench` only: real photographs for `make bench ONLY=quality` (bench/Edge.Benchmarks/Quality/QualitySet.cs).
if [[ ${EDGE_SETUP_BENCH:-} == 1 ]]; then
  packages+=(
    mate-backgrounds        # photographs of wood, a leaf and a lawn (GPL-2+)
    opencv-doc              # OpenCV's sample images: a circuit board (Apache-2.0 / BSD-3-Clause)
  )
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  sudo=""
  if [[ $(id -u) != 0 ]]; then
    command -v sudo >/dev/null || { echo "setup: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
    sudo="sudo"
  fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The broker package starts a system-wide mosquitto on 1883; tests start their own on free ports.
if ! command -v dotnet >/dev/null; then
  echo "setup: the .NET 10 SDK is missing: install it from https://dot.net (package dotnet-sdk-10.0) and run again" >&2
  exit 1
fi

dotnet restore Edge.sln --verbosity quiet
echo "setup: ok"
