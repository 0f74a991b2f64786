#!/usr/bin/env bash
# The main job (README "Two commands"): on a fresh machine, installs what is missing, builds aigq,
# generates the built-in synthetic logs and runs the daily pipeline end to end, then prints where
# the results are and the evaluation table.
#   bash Pipelines/main-job.sh                 into ./Workspace
#   AIGQ_WORKSPACE=/tmp/w bash Pipelines/main-job.sh
#   AIGQ_GEN_ARGS="--users 500 --days 5" bash Pipelines/main-job.sh   a smaller world
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/ensure-packages.sh
ensure_packages

workspace="${AIGQ_WORKSPACE:-Workspace}"
log() { printf '==> %s\n' "$*"; }
seconds() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(seconds)" 'BEGIN { printf "%.1f s", b - a }'; }

log "building aigq (release)"
swift build -c release --product aigq --quiet
aigq="$(swift build -c release --show-bin-path)/aigq"

start=$(seconds)
if [ -d "$workspace/data/raw" ]; then
  log "raw logs already in $workspace/data/raw (delete the folder to regenerate)"
else
  log "generating synthetic logs into $workspace"
  # shellcheck disable=SC2086
  "$aigq" gen --workspace "$workspace" ${AIGQ_GEN_ARGS:-}
fi
log "gen: $(elapsed "$start")"

start=$(seconds)
log "aigq run (the daily pipeline, Pipelines/daily.yaml)"
"$aigq" run --workspace "$workspace"
log "run: $(elapsed "$start")"

log "results"
echo "  tables served:     $workspace/exports/<table>/CURRENT  (aigq publish --workspace $workspace)"
echo "  evaluation:        $workspace/reports/<day>/metrics.json"
echo "  datasets:          $workspace/data/<dataset>/dt=<day>/  (aigq inspect FILE)"
echo "  history:           aigq runs --workspace $workspace"
"$aigq" eval --workspace "$workspace" || echo "(no evaluation report yet: evaluate needs two days, yesterday's tables and today's searches)"
