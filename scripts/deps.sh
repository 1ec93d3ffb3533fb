#!/usr/bin/env bash
# Install the Debian (and later npm) packages memviz needs, only those that are missing.
#
# Fast path: one dpkg-query call; when everything is installed the script prints nothing and
# takes a few milliseconds.  Only when something is missing does it run `apt-get update` and
# `apt-get install -y` for the missing packages (with sudo when not root).
#
# To add a dependency, append it to the lists below.  Set MEMVIZ_SKIP_DEPS=1 to skip entirely
# (e.g. on a machine without package access where everything is known to be present).
set -euo pipefail

# Debian packages.  Build: compiler, make, pkg-config and the three libraries found through
# pkg-config.  Tests: criterion (unit), libcurl (http tier), python3 (conformance oracle).
# Tools: time (bench peak RSS), clang-format and cppcheck (make lint), wrk and nginx (the
# server benchmark: nginx serves the same static file as the reference). zlib: gzip of static
# files.
DEBIAN_PACKAGES=(
    gcc
    make
    pkg-config
    libmicrohttpd-dev
    libcjson-dev
    libcriterion-dev
    libcurl4-openssl-dev
    zlib1g-dev
    python3
    time
    clang-format
    cppcheck
    wrk
    nginx
    # later: chromium nodejs npm (e2e tier)
    # (installed with --no-install-recommends: list fonts etc. explicitly if a package needs them)
)

# npm packages, installed into ./node_modules of the repository.
# later: playwright-core (e2e tier drives /usr/bin/chromium)
NPM_PACKAGES=(
)

if [[ "${MEMVIZ_SKIP_DEPS:-}" == 1 ]]; then
    exit 0
fi

cd "$(dirname "${BASH_SOURCE[0]}")/.."

as_root() {
    if [[ "$(id -u)" -eq 0 ]]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        echo "deps: need root (or sudo) to run: $*" >&2
        return 1
    fi
}

missing_debian() {
    # dpkg-query prints one line per package it knows; unknown names go to stderr and are
    # missing by definition.  "ii" = desired install, currently installed.
    local installed
    installed=$(dpkg-query -W -f='${Package} ${db:Status-Abbrev}\n' "$@" 2>/dev/null |
        awk '$2 == "ii" { print $1 }') || true
    local pkg
    for pkg in "$@"; do
        if ! grep -qxF "$pkg" <<<"$installed"; then
            echo "$pkg"
        fi
    done
}

if ((${#DEBIAN_PACKAGES[@]})); then
    mapfile -t missing < <(missing_debian "${DEBIAN_PACKAGES[@]}")
    if ((${#missing[@]})); then
        echo "deps: installing Debian packages: ${missing[*]}"
        export DEBIAN_FRONTEND=noninteractive
        as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
            "${missing[@]}"
    fi
fi

if ((${#NPM_PACKAGES[@]})); then
    missing_npm=()
    for pkg in "${NPM_PACKAGES[@]}"; do
        rest=${pkg:1} # strip a version suffix ("x@1.2"), keep a scope ("@scope/x")
        [[ -f "node_modules/${pkg:0:1}${rest%%@*}/package.json" ]] || missing_npm+=("$pkg")
    done
    if ((${#missing_npm[@]})); then
        echo "deps: installing npm packages: ${missing_npm[*]}"
        npm install --no-save --no-audit --no-fund "${missing_npm[@]}"
    fi
fi
