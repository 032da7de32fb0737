# Sourced by the bench scripts, from the repository root: the toolchain's
# dependencies, the tools a benchmark needs, a release build of advocacy in
# $binary, a scratch folder in $work (removed on exit), and median().

source scripts/ensure-deps.sh

# Installs a missing command-line tool (apt package name when it differs).
need() {
    type -P "$1" >/dev/null || { echo "installing ${2:-$1}..." >&2; apt-get install -y -qq "${2:-$1}" >/dev/null; }
}

# The middle of the numbers on standard input, one per line.
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

swift build -c release --product advocacy >/dev/null
binary="$(swift build -c release --show-bin-path)/advocacy"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
