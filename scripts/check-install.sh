#!/usr/bin/env bash
# Proves scripts/install.sh gives a working man page and completions that
# offer the programme's values: installs the programs of BIN_DIR into a
# temporary prefix, then reads `man advocacy` there, and asks bash's
# completion for `advocacy rank --project <TAB>` on a demo programme.
#
#   scripts/check-install.sh BIN_DIR
set -euo pipefail
cd "$(dirname "$0")/.."

bin_dir="${1:?usage: scripts/check-install.sh BIN_DIR}"
if ! command -v man >/dev/null 2>&1 && [[ "$(id -u)" -eq 0 ]]; then
    echo "Installing man-db for the install check..." >&2
    apt-get update -qq || true
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends man-db >/dev/null
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
PREFIX="$work/prefix" BIN_DIR="$bin_dir" scripts/install.sh >/dev/null 2>&1

page="$(MANPATH="$work/prefix/share/man" MANWIDTH=80 man advocacy 2>/dev/null | col -b)"
grep -q "advocacy — Run an IT department's internal micro-influencer programme." <<<"$page" || {
    echo "error: 'man advocacy' did not show the manual after install.sh" >&2
    exit 1
}
grep -q "Correct a logged action" <<<"$page" || { echo "error: the man page lacks action update" >&2; exit 1; }
for file in share/bash-completion/completions/advocacy share/zsh/site-functions/_advocacy share/fish/vendor_completions.d/advocacy.fish; do
    [[ -s "$work/prefix/$file" ]] || { echo "error: install.sh wrote no $file" >&2; exit 1; }
done

export ADVOCACY_DB="$work/demo.sqlite"
"$work/prefix/bin/advocacy" demo >/dev/null
codes="$("$work/prefix/bin/advocacy" project list --format csv | tail -n +2 | cut -d, -f1 | tr -d '\r' | sort)"
offered="$(PATH="$work/prefix/bin:$PATH" bash -c '
    source "$1"
    COMP_WORDS=(advocacy rank --project "")
    COMP_CWORD=3
    COMP_LINE="advocacy rank --project "
    COMP_POINT=${#COMP_LINE}
    _advocacy advocacy "" --project  # as bash calls it: the command, the word being completed, the one before
    printf "%s\n" "${COMPREPLY[@]}"' _ "$work/prefix/share/bash-completion/completions/advocacy" | sort)"
if [[ -z "$codes" || "$offered" != "$codes" ]]; then
    echo "error: completing 'advocacy rank --project ' offered:" >&2
    echo "$offered" >&2
    echo "expected the programme's project codes:" >&2
    echo "$codes" >&2
    exit 1
fi
teams="$(PATH="$work/prefix/bin:$PATH" bash -c '
    source "$1"
    COMP_WORDS=(advocacy rank --team "")
    COMP_CWORD=3
    COMP_LINE="advocacy rank --team "
    COMP_POINT=${#COMP_LINE}
    _advocacy advocacy "" --team
    printf "%s\n" "${COMPREPLY[@]}"' _ "$work/prefix/share/bash-completion/completions/advocacy")"
grep -qx "Data" <<<"$teams" || { echo "error: completing --team did not offer the demo's teams: $teams" >&2; exit 1; }
echo "install check: man advocacy, and bash completion of project codes ($(wc -l <<<"$codes")) and teams, passed"
