#!/usr/bin/env bash
# The test command (README "Two commands"): installs what is missing, builds, and runs every test.
#   bash Tests/run.sh            everything
#   AIGQ_FUZZ_SECONDS=0 bash Tests/run.sh   skip the bounded fuzz run
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '==> %s\n' "$*"; }

# 1. Debian packages the build and the tests need.
source .ci/ensure-packages.sh
ensure_packages python3-venv

# 2. Python peers for the interop tests, pinned, in a git-ignored venv.
venv=.venv
if ! "$venv/bin/python" -c 'import pyarrow, duckdb, polars, numpy' >/dev/null 2>&1; then
  log "creating $venv with Tests/Python/requirements.txt"
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check -r Tests/Python/requirements.txt
fi
export AIGQ_PYTHON="$PWD/$venv/bin/python"

# 3. Build.
log "swift build"
swift build --quiet

# 4. A bounded fuzz run of the Parquet reader (libFuzzer; corpus from the unit-test writer).
fuzz_seconds="${AIGQ_FUZZ_SECONDS:-60}"
if [ "$fuzz_seconds" -gt 0 ]; then
  log "fuzzing the Parquet reader for ${fuzz_seconds}s"
  bash Tests/Fuzz/run-fuzz.sh "$fuzz_seconds"
fi

# 5. The Python interop tools check themselves (pytest), then the Swift suites run.
log "pytest Tests/Python"
"$venv/bin/python" -m pytest -q -p no:cacheprovider Tests/Python

# 6. Unit, interop and end-to-end tests (Swift Testing).
log "swift test"
swift test 2>&1
