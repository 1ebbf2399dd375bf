#!/usr/bin/env bash
# Runs the rules benchmark published ReadyToRun for linux-x64, the shape the service is to be deployed in: Roslyn starts from
# precompiled code (the NuGet package ships IL only, and JIT-compiling it is most of a cold rule-set compile).
# Usage: bash bench/run.sh bench [--alis N] | bdn [...] | dump --out FILE [...]
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/bench/AlisCompliance.Benchmarks/bin/ready-to-run"

dotnet publish "$root/bench/AlisCompliance.Benchmarks" -c Release -r linux-x64 --self-contained false \
  -p:PublishReadyToRun=true -o "$out" -nologo -v quiet
exec dotnet "$out/AlisCompliance.Benchmarks.dll" "$@"
