#!/usr/bin/env bash
# Installs the Debian packages the build needs (and wrk, the serving load test's client) when one is missing (sourced by Tests/run.sh and
# Pipelines/main-job.sh). Extra packages may be passed as arguments.
ensure_packages() {
  local packages=(libzstd-dev libsnappy-dev zlib1g-dev libsqlite3-dev libsimdjson-dev libopenblas-dev wrk "$@")
  local missing=() p
  for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  if ((${#missing[@]})); then
    printf '==> installing %s\n' "${missing[*]}"
    local sudo_cmd=""; [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}
