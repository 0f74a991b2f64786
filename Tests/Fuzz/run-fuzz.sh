#!/usr/bin/env bash
# Builds the ColumnarFuzz libFuzzer target and fuzzes the Parquet reader for a bounded time.
#
#   bash Tests/Fuzz/run-fuzz.sh [SECONDS] [SEED_FILE_OR_DIR ...]
#
# SECONDS defaults to 60. Run from anywhere; paths are relative to the package root.
# Steps: build (the only slow part), write seeds (our own writer, plus pyarrow/DuckDB/Polars files
# when a Python with pyarrow is found), replay Tests/Fuzz/regressions, fuzz, report.
# Exits 0 when nothing was found, 1 when a crash/leak/timeout/OOM artifact was written (its path
# and the first lines of the report are printed), 2 on a build or setup failure.
#
# Environment:
#   AIGQ_PYTHON          Python with pyarrow for extra seeds (default: .venv/bin/python if present)
#   AIGQ_FUZZ_CONFIG     debug (default) or release (faster, less exact line info)
#   AIGQ_FUZZ_DETECT_LEAKS 1 (default) or 0 to pass -detect_leaks=0
#   AIGQ_FUZZ_FLAGS      extra libFuzzer flags, e.g. "-jobs=2 -workers=2" or "-only_ascii=0"
#   AIGQ_FUZZ_SKIP_REGRESSIONS=1  do not replay Tests/Fuzz/regressions first

set -uo pipefail

DURATION="${1:-60}"
shift || true
case "$DURATION" in
    ''|*[!0-9]*) echo "run-fuzz.sh: SECONDS must be a whole number (got '$DURATION')" >&2; exit 2 ;;
esac

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT" || exit 2
FUZZ=Tests/Fuzz
CONFIG="${AIGQ_FUZZ_CONFIG:-debug}"
SCRATCH=.build-fuzz
CORPUS="$FUZZ/corpus"                 # grows across runs; git-ignored
SEEDS="$FUZZ/corpus-seeds"            # rewritten every run; git-ignored
ARTIFACTS="$FUZZ/corpus-artifacts"    # crash-*, leak-*, timeout-*, oom-*; git-ignored
LOG="$FUZZ/corpus-artifacts/fuzz.log"
REGRESSIONS="$FUZZ/regressions"

# Swift's crash backtracer would catch the signal libFuzzer needs and keep the process alive.
export SWIFT_BACKTRACE=enable=no
export ASAN_OPTIONS="${ASAN_OPTIONS:-}${ASAN_OPTIONS:+:}abort_on_error=0:symbolize=1"

demangle() { if command -v swift-demangle >/dev/null 2>&1; then swift-demangle --simplified; else swift demangle --simplified 2>/dev/null || cat; fi; }

# ---- build -------------------------------------------------------------------------------
echo "== building ColumnarFuzz ($CONFIG, -sanitize=fuzzer,address)"
BUILD=(swift build --scratch-path "$SCRATCH" -c "$CONFIG" --product ColumnarFuzz
       -Xswiftc -sanitize=fuzzer,address)
start=$(date +%s)
mkdir -p "$SCRATCH"
if ! AIGQ_FUZZ=1 "${BUILD[@]}" > "$SCRATCH/fuzz-build.log" 2>&1; then
    # ld.gold warns about every ASan symbol it cannot export: noise, not errors.
    grep -v "Cannot export local symbol" "$SCRATCH/fuzz-build.log" | grep -E "error|warning: unable" | head -40 >&2
    echo "run-fuzz.sh: build failed (full log: $ROOT/$SCRATCH/fuzz-build.log)" >&2
    exit 2
fi
BIN="$(AIGQ_FUZZ=1 swift build --scratch-path "$SCRATCH" -c "$CONFIG" --show-bin-path)/ColumnarFuzz"
echo "   built $BIN in $(( $(date +%s) - start )) s"

# ---- seeds -------------------------------------------------------------------------------
mkdir -p "$CORPUS" "$ARTIFACTS"
rm -rf "$SEEDS"
mkdir -p "$SEEDS"
if ! AIGQ_FUZZ_WRITE_SEEDS="$SEEDS" "$BIN" > "$ARTIFACTS/seeds.log" 2>&1; then
    cat "$ARTIFACTS/seeds.log" >&2
    echo "run-fuzz.sh: writing seeds with our writer failed" >&2
    exit 2
fi
PY="${AIGQ_PYTHON:-}"
if [ -z "$PY" ] && [ -x .venv/bin/python ]; then PY=.venv/bin/python; fi
if [ -n "$PY" ] && "$PY" -c "import pyarrow" >/dev/null 2>&1; then
    "$PY" "$FUZZ/make_seeds.py" "$SEEDS" >> "$ARTIFACTS/seeds.log" 2>&1 \
        || echo "   (make_seeds.py failed; see $ARTIFACTS/seeds.log)"
else
    echo "   no Python with pyarrow (set AIGQ_PYTHON or create .venv): seeds from our writer only"
fi
for extra in "$@"; do
    if [ -d "$extra" ]; then
        find "$extra" -maxdepth 1 -type f -size -65537c -exec cp {} "$SEEDS/" \;
    elif [ -f "$extra" ]; then
        cp "$extra" "$SEEDS/"
    else
        echo "run-fuzz.sh: no such seed file or directory: $extra" >&2; exit 2
    fi
done
echo "   seeds: $(find "$SEEDS" -type f | wc -l) files in $SEEDS; corpus: $(find "$CORPUS" -type f | wc -l) files in $CORPUS"

# Prints the first lines of a failure report in $1 (sanitizer/trap report, libFuzzer frames dropped).
report_lines() {
    grep -v "Cannot export" "$1" \
        | sed -n '/Fatal error\|Precondition failed\|Assertion failed\|ERROR: \|==ERROR\|deadly signal\|out-of-memory\|timeout after\|exceeds limit/,$p' \
        | grep -v "^ *#[0-9]* .* in \(fuzzer::\|__sanitizer\|__libc\|_start\|main \)" \
        | grep -v "^INFO:\|^MS: \|^0x\|^Base64:\|^artifact_prefix\|^Current stack trace:" \
        | grep -Ev "^[0-9]+ +[^ ]+ +0x[0-9a-f]+ " \
        | head -"${2:-25}" | demangle | sed 's/^/   | /'
}

report_artifact() {  # $1: artifact; it is run once more to get its report (fork mode logs elsewhere)
    echo
    echo "!! FOUND: $ROOT/$1 ($(wc -c < "$1") bytes)"
    echo "   reproduce: SWIFT_BACKTRACE=enable=no $BIN $ROOT/$1"
    "$BIN" -rss_limit_mb=2048 -malloc_limit_mb=512 -timeout=10 -detect_leaks="$LEAKS" "$1" > "$1.report.txt" 2>&1
    echo "   report (first lines; whole report in $1.report.txt):"
    report_lines "$1.report.txt"
}

# ---- regressions -------------------------------------------------------------------------
if [ "${AIGQ_FUZZ_SKIP_REGRESSIONS:-0}" != 1 ] && [ -d "$REGRESSIONS" ]; then
    mapfile -t cases < <(find "$REGRESSIONS" -type f ! -name '*.md' | sort)
    if [ "${#cases[@]}" -gt 0 ]; then
        echo "== replaying ${#cases[@]} regression inputs"
        failed=0
        for c in "${cases[@]}"; do
            if ! "$BIN" -rss_limit_mb=2048 -malloc_limit_mb=512 -timeout=10 "$c" > "$ARTIFACTS/regression.log" 2>&1; then
                failed=1
                echo
                echo "!! REGRESSION FAILS: $c"
                echo "   reproduce: SWIFT_BACKTRACE=enable=no $BIN $ROOT/$c"
                report_lines "$ARTIFACTS/regression.log" 20
            fi
        done
        if [ "$failed" = 1 ]; then
            echo "run-fuzz.sh: regression inputs still crash (AIGQ_FUZZ_SKIP_REGRESSIONS=1 to fuzz anyway)" >&2
            exit 1
        fi
        echo "   all pass"
    fi
fi

# ---- fuzz --------------------------------------------------------------------------------
LEAKS="${AIGQ_FUZZ_DETECT_LEAKS:-1}"
before=$(mktemp)
find "$ARTIFACTS" -maxdepth 1 -type f \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' -o -name 'slow-unit-*' \) ! -name '*.txt' | sort > "$before"
echo "== fuzzing for $DURATION s (log: $LOG)"
# shellcheck disable=SC2086
timeout --kill-after=30 $((DURATION + 120)) "$BIN" "$CORPUS" "$SEEDS" \
    -max_total_time="$DURATION" -rss_limit_mb=2048 -malloc_limit_mb=512 -timeout=10 -max_len=65536 \
    -detect_leaks="$LEAKS" -print_final_stats=1 -artifact_prefix="$ARTIFACTS/" \
    ${AIGQ_FUZZ_FLAGS:-} > "$LOG" 2>&1
rc=$?

# ---- report ------------------------------------------------------------------------------
last=$(grep -E '^#[0-9]+' "$LOG" | tail -1)
execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$LOG" | tail -1)
[ -z "$execs" ] && execs=$(printf '%s\n' "$last" | sed -n 's/^#\([0-9]*\).*/\1/p')
speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$LOG" | tail -1)
[ -z "$speed" ] && speed=$(printf '%s\n' "$last" | sed -n 's/.* exec\/s: \([0-9]*\).*/\1/p')
cov=$(printf '%s\n' "$last" | sed -n 's/.* cov: \([0-9]*\).*/\1/p')
ft=$(printf '%s\n' "$last" | sed -n 's/.* ft: \([0-9]*\).*/\1/p')
corp=$(printf '%s\n' "$last" | sed -n 's/.* corp: \([^ ]*\).*/\1/p')
rss=$(sed -n 's/^stat::peak_rss_mb: *//p' "$LOG" | tail -1)
echo "   executions: ${execs:-?} (${speed:-?}/s)   coverage: ${cov:-?} edges, ${ft:-?} features   corpus: ${corp:-?}   peak RSS: ${rss:-?} MB"

new=$(find "$ARTIFACTS" -maxdepth 1 -type f \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' -o -name 'slow-unit-*' \) ! -name '*.txt' | sort | comm -13 "$before" -)
rm -f "$before"
found=0
for a in $new; do
    case "$(basename "$a")" in slow-unit-*) echo "   (slow input, not a failure: $a)"; continue ;; esac
    found=1
    report_artifact "$a"
done
if [ "$found" = 1 ]; then
    echo
    echo "run-fuzz.sh: the fuzzer found a bug; minimise with:"
    echo "   SWIFT_BACKTRACE=enable=no $BIN -minimize_crash=1 -runs=20000 -exact_artifact_path=min.bin ARTIFACT"
    exit 1
fi
if [ "$rc" -ne 0 ]; then
    echo "run-fuzz.sh: the fuzzer exited with status $rc but wrote no artifact; last lines of $LOG:" >&2
    tail -20 "$LOG" | demangle >&2
    exit 1
fi
echo "== no crashes, leaks, timeouts or OOMs"
exit 0
