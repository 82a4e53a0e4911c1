#!/bin/sh
# deps.sh [PACKAGE...]: install the Debian packages progdiff's build and
# tests need that are missing, with apt-get (through sudo when not root).
# Without arguments, the list below; prints nothing when all are there.
set -eu
if [ $# -eq 0 ]; then
	set -- make gcc libc6-dev pkg-config git python3 \
		libgit2-dev libcmark-dev cmark libpcre2-dev libyaml-dev \
		libutf8proc-dev \
		clang libclang-rt-14-dev llvm valgrind \
		bash-completion zsh fish mandoc groff-base bsdutils time tmux strace
fi
missing=
for p in "$@"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
		missing="$missing $p"
done
[ -n "$missing" ] || exit 0
echo "installing:$missing"
sudo=
[ "$(id -u)" = 0 ] || sudo=sudo
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq || true
# shellcheck disable=SC2086
$sudo apt-get install -y -qq --no-install-recommends $missing
