#!/usr/bin/env bash
# Runs every test project, one at a time, each writing its own TRX file, then prints one line
# `N passed, N failed` over all of them (dotnet test prints a summary per project only).
set -uo pipefail
cd "$(dirname "$0")/.."
config=${1:-Release}
rm -rf TestResults
for project in tests/*/*.Tests.csproj; do
  name=$(basename "$project" .csproj)
  # A hung test is reported with a dump instead of stalling CI.
  dotnet test "$project" -c "$config" --no-build --nologo \
    --logger "trx;LogFileName=$name.trx" --results-directory TestResults \
    --blame-hang-timeout 10min -- xUnit.DiagnosticMessages=false
done
python3 scripts/test-summary.py TestResults
