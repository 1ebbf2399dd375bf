#!/usr/bin/env bash
# Runs every test of AlisCompliance on a fresh machine (.NET SDK, Node.js/npm, apt): installs what the tests
# need, builds with warnings as errors, runs each test project, and ends with one line "N passed, N failed".
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

echo "== Installing local tooling (Azurite)"
bash infra/local/install.sh || { echo "0 passed, 1 failed"; exit 1; }

echo "== Building (warnings are errors)"
# NU1603 stays a warning: the Functions SDK generates and restores its own WorkerExtensions project, outside our
# Directory.Build.props, and that project asks for package versions the registry serves only in a newer patch.
if ! dotnet build AlisCompliance.sln -c Release -warnaserror -warnnotaserror:NU1603 -nologo -v quiet; then
  echo "0 passed, 1 failed"
  exit 1
fi

passed=0
failed=0
status=0
results="$(mktemp -d)"
for project in tests/*/*.csproj; do
  name="$(basename "$project" .csproj)"
  echo "== $name"
  log="$results/$name.log"
  dotnet test "$project" -c Release --no-build --nologo 2>&1 | tee "$log"
  [[ ${PIPESTATUS[0]} -eq 0 ]] || status=1
  # The VSTest summary line: "Passed!  - Failed:     0, Passed:   160, Skipped:     0, Total: ..."
  summary="$(grep -E '^(Passed|Failed)! +- Failed: ' "$log" | tail -n 1)"
  if [[ -z "$summary" ]]; then
    echo "no test summary from $name" >&2
    failed=$((failed + 1))
    status=1
    continue
  fi
  p="$(sed -E 's/.*Passed: +([0-9]+).*/\1/' <<<"$summary")"
  f="$(sed -E 's/.*Failed: +([0-9]+).*/\1/' <<<"$summary")"
  passed=$((passed + p))
  failed=$((failed + f))
done
rm -rf "$results"

echo "$passed passed, $failed failed"
if [[ $failed -gt 0 ]]; then status=1; fi
exit $status
