#!/bin/sh
# SPDX-License-Identifier: MIT
# build.sh STEP: how a package of progdiff is built, the one script that
# both the Debian package (debian/rules) and the container image
# (Containerfile) run, so that the two cannot build it differently.
#
#   build.sh build          the programme and the library, for /usr
#   build.sh test           the built programme's version and the demo
#   build.sh install DIR    make install into DIR with Debian's layout
#
# The compiler flags come from the environment (dpkg-buildflags exports
# them under dpkg-buildpackage); the version comes from the file VERSION.
set -eu
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 1)
multiarch=${DEB_HOST_MULTIARCH:-$(dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null ||
	${CC:-cc} -print-multiarch)}

case ${1-} in
build)
	make -j"$jobs" BUILD=build PREFIX=/usr all build/libprogdiff.a
	;;
test)
	want="progdiff $(cat VERSION)"
	got=$(build/progdiff --version)
	if [ "$got" != "$want" ]; then
		echo "build.sh: progdiff --version says '$got', not '$want'" >&2
		exit 1
	fi
	sh tests/demo.sh build/progdiff >/dev/null
	echo "build.sh: $got runs the demo"
	;;
install)
	[ $# -eq 2 ] || { echo "usage: build.sh install DIR" >&2; exit 2; }
	make install BUILD=build PREFIX=/usr LIBDIR="/usr/lib/$multiarch" \
		DESTDIR="$2"
	;;
*)
	echo "usage: build.sh build | test | install DIR" >&2
	exit 2
	;;
esac
