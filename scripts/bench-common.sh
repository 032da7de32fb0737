# shellcheck shell=bash
# Sourced by the bench scripts, from the repository root: the toolchain's
# dependencies, the tools a benchmark needs, a release build of advocacy in
# $binary, a scratch folder in $work (removed on exit), and median().

# shellcheck source=scripts/ensure-deps.sh
source scripts/ensure-deps.sh

# Installs a missing command-line tool (apt package name when it differs).
need() {
    type -P "$1" >/dev/null || { echo "installing ${2:-$1}..." >&2; apt-get install -y -qq "${2:-$1}" >/dev/null; }
}

# The middle of the numbers on standard input, one per line.
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# The median wall time of RUNS (default 5) runs of a command, in seconds;
# its output and notes are discarded.
time_runs() {  # command...
    for _ in $(seq "${RUNS:-5}"); do
        local start; start=$(date +%s.%N)
        "$@" >/dev/null 2>&1
        echo "$(date +%s.%N) - $start" | bc
    done | median
}

# The peak memory of one run of a command, in kB (/usr/bin/time).
peak_kb() { /usr/bin/time -f "%M" "$@" 2>&1 >/dev/null | tail -1; }

# a ÷ b with two decimals.
ratio() { printf "%.2f" "$(echo "scale=4; $1 / $2" | bc)"; }

# The email `advocacy demo` printed for a role (admin, cio or hr): demo_account ROLE < demo-output
demo_account() { awk -v role="$1" '$1 == role && NF == 2 { print $2; exit }'; }

# The release binary is linked statically against the Swift runtime and
# Foundation (--static-swift-stdlib), as advocacy is shipped: loading and
# relocating Foundation's shared libraries took half of a 30 ms start-up.
# Static Foundation links its networking and XML parts against libcurl and
# libxml2, and the build goes to its own folder so that it never replaces
# the debug build's products.
[[ -f /usr/include/curl/curl.h ]] || install_package libcurl4-openssl-dev "libcurl, which static Foundation links against"
[[ -f /usr/include/libxml2/libxml/parser.h ]] || install_package libxml2-dev "libxml2, which static Foundation links against"
release=(swift build -c release --static-swift-stdlib --scratch-path .build/static)
"${release[@]}" --product advocacy >/dev/null
# shellcheck disable=SC2034  # used by the scripts that source this one
binary="$("${release[@]}" --show-bin-path)/advocacy"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
