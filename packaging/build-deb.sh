#!/usr/bin/env bash
# Builds out/edge-agent_<version>_all.deb: the agent as framework-dependent .NET (one package for x86-64
# and arm64), ONNX Runtime's CPU libraries for both, the systemd unit and a default config (a conffile).
set -euo pipefail
cd "$(dirname "$0")/.."
config=${1:-Release}
version=$(sed -n 's|.*<Version>\(.*\)</Version>.*|\1|p' Directory.Build.props)
stage=build/deb/edge-agent
rm -rf "$stage" && mkdir -p "$stage/DEBIAN"

# A portable publish keeps runtimes/linux-x64 and runtimes/linux-arm64 native libraries side by side.
dotnet publish agent/Edge.Agent -c "$config" --no-self-contained -p:UseAppHost=false \
  -o "$stage/usr/lib/edge-agent" --nologo -v quiet
# Only Linux on the two architectures the product ships for; the NuGet package also carries other platforms.
find "$stage/usr/lib/edge-agent/runtimes" -mindepth 1 -maxdepth 1 ! -name linux-x64 ! -name linux-arm64 -exec rm -rf {} +
for rid in linux-x64 linux-arm64; do
  test -f "$stage/usr/lib/edge-agent/runtimes/$rid/native/libonnxruntime.so" \
    || { echo "package: ONNX Runtime for $rid is missing from the publish output" >&2; exit 1; }
done

install -D -m 0755 /dev/stdin "$stage/usr/bin/edge-agent" <<'LAUNCHER'
#!/bin/sh
exec /usr/bin/dotnet /usr/lib/edge-agent/edge-agent.dll "$@"
LAUNCHER
install -D -m 0644 packaging/edge-agent.service "$stage/lib/systemd/system/edge-agent.service"
install -D -m 0640 packaging/agent.json "$stage/etc/edge-agent/agent.json"
install -D -m 0644 README.md "$stage/usr/share/doc/edge-agent/README.md"
if [ -f agent/CONFIG.md ]; then install -D -m 0644 agent/CONFIG.md "$stage/usr/share/doc/edge-agent/CONFIG.md"; fi

sed "s|@VERSION@|$version|" packaging/debian/control.in > "$stage/DEBIAN/control"
echo "Installed-Size: $(du -sk "$stage" | cut -f1)" >> "$stage/DEBIAN/control"
install -m 0644 packaging/debian/conffiles "$stage/DEBIAN/conffiles"
for script in postinst prerm postrm; do install -m 0755 "packaging/debian/$script" "$stage/DEBIAN/$script"; done

out=${EDGE_DEB_OUT:-out}
mkdir -p "$out"
deb="$out/edge-agent_${version}_all.deb"
dpkg-deb --root-owner-group --build "$stage" "$deb" >/dev/null
echo "package: $deb"
