#!/usr/bin/env bash
# Installs advocacy for this machine's users: the two programs, their man
# pages, and completion scripts for bash, zsh and fish (which complete
# subcommands, options and the programme's own values: project codes,
# teams, emails, kinds, periods).
#
#   scripts/install.sh                 release build, into /usr/local (as root)
#   PREFIX=~/.local scripts/install.sh into your home (add ~/.local/bin to PATH)
#   BIN_DIR=.build/debug scripts/install.sh   installs programs already built there
#
# Then: man advocacy; and a new shell completes 'advocacy rank --project <TAB>'.
set -euo pipefail
cd "$(dirname "$0")/.."

prefix="${PREFIX:-/usr/local}"
if [[ -z "${BIN_DIR:-}" ]]; then
    echo "building advocacy and advocacy-server (release)..." >&2
    swift build -c release --product advocacy >/dev/null
    swift build -c release --product advocacy-server >/dev/null
    BIN_DIR="$(swift build -c release --show-bin-path)"
fi
for program in advocacy advocacy-server; do
    [[ -x "$BIN_DIR/$program" ]] || { echo "error: no $program in $BIN_DIR: build it first (swift build)" >&2; exit 1; }
done

install -d "$prefix/bin" "$prefix/share/man/man1" "$prefix/share/bash-completion/completions" \
    "$prefix/share/zsh/site-functions" "$prefix/share/fish/vendor_completions.d"
install -m 755 "$BIN_DIR/advocacy" "$BIN_DIR/advocacy-server" "$prefix/bin/"
install -m 644 man/advocacy.1 man/advocacy-server.1 "$prefix/share/man/man1/"
"$prefix/bin/advocacy" --generate-completion-script bash >"$prefix/share/bash-completion/completions/advocacy"
"$prefix/bin/advocacy" --generate-completion-script zsh >"$prefix/share/zsh/site-functions/_advocacy"
"$prefix/bin/advocacy" --generate-completion-script fish >"$prefix/share/fish/vendor_completions.d/advocacy.fish"
if [[ "$prefix" == /usr/local && -x "$(command -v mandb || true)" ]]; then mandb -q 2>/dev/null || true; fi

echo "installed advocacy and advocacy-server in $prefix/bin, their man pages and completions for bash, zsh and fish"
case ":$PATH:" in *":$prefix/bin:"*) ;; *) echo "note: add $prefix/bin to your PATH" >&2 ;; esac
