#!/usr/bin/env bash
# Starts Azurite (Blob, Queue and Table) on 127.0.0.1, telemetry off, with its workspace in a temp folder.
#
# Usage: infra/local/start-azurite.sh [--in-memory] [--location DIR] [BLOB_PORT [QUEUE_PORT [TABLE_PORT]]]
#   --in-memory     keep all data in memory (--inMemoryPersistence); nothing is written to disk
#   --location DIR  workspace folder for Azurite's files (default: a new folder under ${TMPDIR:-/tmp});
#                   with --in-memory it is only the working directory (Azurite refuses both flags together)
#   ports           default 10000 10001 10002; 0 lets the OS pick a free port
#
# Connection string for the defaults: UseDevelopmentStorage=true
# Azurite runs in the foreground (exec); stop it with Ctrl+C or by signalling this process.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

in_memory=false
location=""
ports=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --in-memory) in_memory=true; shift ;;
    --location)
      [[ $# -ge 2 ]] || { echo "start-azurite.sh: --location needs a folder" >&2; exit 2; }
      location="$2"; shift 2 ;;
    -h|--help) sed -n '2,11p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "start-azurite.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    *)
      [[ "$1" =~ ^[0-9]+$ ]] && (( $1 <= 65535 )) || { echo "start-azurite.sh: '$1' is not a port number" >&2; exit 2; }
      ports+=("$1"); shift ;;
  esac
done
(( ${#ports[@]} <= 3 )) || { echo "start-azurite.sh: at most three ports (blob, queue, table)" >&2; exit 2; }

blob_port="${ports[0]:-10000}"
queue_port="${ports[1]:-10001}"
table_port="${ports[2]:-10002}"

"$here/install.sh"

if [[ -z "$location" ]]; then
  location="$(mktemp -d "${TMPDIR:-/tmp}/alis-azurite.XXXXXX")"
fi
mkdir -p "$location"

args=(
  --blobHost 127.0.0.1 --blobPort "$blob_port"
  --queueHost 127.0.0.1 --queuePort "$queue_port"
  --tableHost 127.0.0.1 --tablePort "$table_port"
  --disableTelemetry
  --silent
  # The WebJobs queue extension sends a newer x-ms-version than Azurite 3.35 knows.
  --skipApiVersionCheck
)
# Azurite 3.35.0 refuses --inMemoryPersistence together with --location, so in memory mode it runs
# with the temp folder as its working directory instead (its default location is the current directory).
if [[ "$in_memory" == true ]]; then
  args+=(--inMemoryPersistence)
else
  args+=(--location "$location")
fi
cd "$location"

echo "start-azurite.sh: Azurite on 127.0.0.1 blob:$blob_port queue:$queue_port table:$table_port, workspace $location" >&2
exec "$here/node_modules/.bin/azurite" "${args[@]}"
