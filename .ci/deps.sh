#!/bin/sh
# deps.sh [PACKAGE...]: install the Debian packages progdiff's build and
# tests need that are missing, with apt-get (through sudo when not root).
# Without arguments, the list below and the npm tools; prints nothing
# when all are there.
set -eu
sudo=
[ "$(id -u)" = 0 ] || sudo=sudo
# the linter of the GitHub Action and workflow files that make check runs,
# from npm (with the machine's npm, else Debian's); only for the full list
npm_tools() {
	command -v action-validator >/dev/null 2>&1 && return 0
	command -v npm >/dev/null 2>&1 || sh "$0" npm
	echo "installing from npm: @action-validator/cli"
	$sudo npm install -g --no-audit --no-fund --loglevel=error \
		@action-validator/cli@0.6.0 @action-validator/core@0.6.0 ||
		echo "deps.sh: action-validator is not installed:" \
			"make check will say it lints nothing"
}
full=0
if [ $# -eq 0 ]; then
	full=1
	set -- make gcc libc6-dev pkg-config git python3 \
		libgit2-dev libcmark-dev cmark libpcre2-dev libyaml-dev \
		libutf8proc-dev libstemmer-dev libpoppler-glib-dev \
		clang libclang-rt-14-dev llvm valgrind \
		bash-completion zsh fish mandoc groff-base bsdutils time tmux strace \
		debhelper dpkg-dev lintian \
		pandoc chromium nodejs poppler-utils
fi
missing=
for p in "$@"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
		missing="$missing $p"
done
if [ -n "$missing" ]; then
	echo "installing:$missing"
	export DEBIAN_FRONTEND=noninteractive
	$sudo apt-get update -qq || true
	# shellcheck disable=SC2086
	$sudo apt-get install -y -qq --no-install-recommends $missing
fi
[ "$full" -eq 0 ] || npm_tools
