#!/bin/sh
# SPDX-License-Identifier: MIT
# deb.sh build OUT VERSION: build the Debian packages progdiff and
# libprogdiff-dev with dpkg-buildpackage from a copy of the sources in
# OUT/src, so that nothing is written beside the source tree; the .deb
# files are left in OUT. debian/changelog is written there from VERSION,
# the one place the version is kept.
#
# deb.sh test OUT VERSION: install the packages built in OUT on this
# machine (dpkg -i, then apt-get -f install for their dependencies), run
# `progdiff --version` and the demo from /usr/bin, build a program
# against the installed library with pkg-config, and remove both
# packages again (dpkg -r). It changes the system: make check never
# runs it; CI does, as root. Ends with "deb-test: N passed, N failed".
set -eu
cd "$(dirname "$0")/.."
ROOT=$(pwd)
[ $# -eq 3 ] || { echo "usage: deb.sh build|test OUT VERSION" >&2; exit 2; }
step=$1
out=$2
version=$3
arch=$(dpkg-architecture -qDEB_HOST_ARCH 2>/dev/null || dpkg --print-architecture)
mkdir -p "$out"
out=$(cd "$out" && pwd)

# changelog DATE: debian/changelog of this version, pointing at
# CHANGELOG.md for what it brings
changelog() {
	printf 'progdiff (%s) unstable; urgency=medium\n\n' "$version"
	printf '  * Release %s; CHANGELOG.md says what it brings.\n\n' "$version"
	printf ' -- %s  %s\n' \
		"$(sed -n 's/^Maintainer: //p' debian/control)" "$1"
}

build() {
	src=$out/src/progdiff-$version
	rm -rf "$out/src"
	mkdir -p "$src"
	# the files of the source tree, tracked or new, not what is built
	if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
		# shellcheck disable=SC2016
		git ls-files -z --cached --others --exclude-standard |
			xargs -0 sh -c 'for f; do [ -e "$f" ] && printf "%s\0" "$f"; done' sh |
			xargs -0 cp --parents -t "$src"
	else
		tar -c --exclude=./build . | tar -x -C "$src"
	fi
	# the date of the last commit, so that a build of the same sources
	# gives the same packages
	date=$(git log -1 --format=%cD 2>/dev/null || true)
	[ -n "$date" ] || date=$(date -R)
	changelog "$date" >"$src/debian/changelog"
	rm -f "$out"/*.deb "$out"/*.buildinfo "$out"/*.changes
	# the package is built as from a clean clone: not with the variables
	# (BUILD=...) of the make that runs this
	(cd "$src" && env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL -u BUILD \
		dpkg-buildpackage -us -uc -b)
	for p in progdiff libprogdiff-dev; do
		f=$out/src/${p}_${version}_$arch.deb
		[ -f "$f" ] || { echo "deb.sh: $f was not built" >&2; exit 1; }
		mv "$f" "$out/"
	done
	# the debug symbols, and what dpkg-buildpackage says it built
	mv "$out"/src/*.deb "$out"/src/*.buildinfo "$out"/src/*.changes \
		"$out/" 2>/dev/null || true
	rm -rf "$out/src"
	echo "deb.sh: built $out/progdiff_${version}_$arch.deb and" \
		"$out/libprogdiff-dev_${version}_$arch.deb"
}

pass=0
fail=0
check() {
	desc=$1
	shift
	if "$@" >"$out/check.log" 2>&1; then
		pass=$((pass + 1))
		echo "ok   deb-test: $desc"
	else
		fail=$((fail + 1))
		echo "FAIL deb-test: $desc"
		sed 's/^/    /' "$out/check.log" | head -20
	fi
}

# on_path: the progdiff on PATH is the packaged one, in /usr/bin
on_path() {
	[ "$(command -v progdiff)" = /usr/bin/progdiff ] &&
	[ "$(dpkg -S /usr/bin/progdiff)" = "progdiff: /usr/bin/progdiff" ]
}

# link_lib: a program built with `pkg-config progdiff` prints the version
link_lib() {
	t=$(mktemp -d)
	cat >"$t/v.c" <<'C'
#include <progdiff.h>
#include <stdio.h>
int main(void)
{
	printf("%s %s\n", PD_VERSION, pd_kind_name(PD_KIND_AREA));
	return 0;
}
C
	# shellcheck disable=SC2046
	${CC:-cc} -o "$t/v" "$t/v.c" $(pkg-config --cflags --libs progdiff) &&
	[ "$("$t/v")" = "$version goal-area" ] &&
	[ "$(pkg-config --modversion progdiff)" = "$version" ]
	rc=$?
	rm -rf "$t"
	return $rc
}

# lint: lintian on what was built, its output shown; no error allowed
lint() {
	rc=0
	lintian --fail-on error --display-info --pedantic \
		"$out/progdiff_${version}_$arch.changes" >"$out/lintian.log" 2>&1 ||
		rc=$?
	grep -v '^running with root privileges' "$out/lintian.log" |
		sed 's/^/    lintian: /'
	echo "    lintian: exit status $rc," \
		"$(grep -c '^E: ' "$out/lintian.log") errors," \
		"$(grep -c '^W: ' "$out/lintian.log") warnings"
	[ "$rc" -eq 0 ]
}

test_debs() {
	sudo=
	[ "$(id -u)" = 0 ] || sudo=sudo
	export DEBIAN_FRONTEND=noninteractive
	bin=$out/progdiff_${version}_$arch.deb
	dev=$out/libprogdiff-dev_${version}_$arch.deb
	check "the packages are built" test -f "$bin" -a -f "$dev"
	if command -v lintian >/dev/null 2>&1; then
		if lint; then
			pass=$((pass + 1))
			echo "ok   deb-test: lintian reports no error"
		else
			fail=$((fail + 1))
			echo "FAIL deb-test: lintian reports an error"
		fi
	else
		echo "deb-test: lintian is not installed (make deps): not run"
	fi
	# dpkg -i fails when a dependency is missing, and apt-get -f install
	# brings it; the dpkg lock may be held a while by someone else
	check "dpkg -i, then apt-get -f install for the dependencies" sh -c "
		$sudo dpkg -i '$bin' '$dev'
		$sudo apt-get -o DPkg::Lock::Timeout=300 -f install -y -q"
	check "both packages are installed" sh -c "
		dpkg-query -W -f='\${Status}\n' progdiff libprogdiff-dev |
		grep -c '^install ok installed' | grep -qx 2"
	check "progdiff on PATH is /usr/bin/progdiff, from the package" on_path
	check "progdiff --version is 'progdiff $version'" \
		sh -c "[ \"\$(/usr/bin/progdiff --version)\" = 'progdiff $version' ]"
	check "the demo runs with /usr/bin/progdiff" \
		sh "$ROOT/tests/demo.sh" /usr/bin/progdiff
	check "the man page is installed" test -f /usr/share/man/man1/progdiff.1.gz
	check "a program links the library through pkg-config" link_lib
	check "dpkg -r removes both packages" \
		$sudo dpkg -r libprogdiff-dev progdiff
	# shellcheck disable=SC2016
	check "no file of theirs is left" sh -c '
		for f in /usr/bin/progdiff /usr/include/progdiff.h \
			/usr/share/man/man1/progdiff.1.gz; do
			[ ! -e "$f" ] || { echo "$f is left"; exit 1; }
		done'
	rm -f "$out/check.log"
	echo "deb-test: $pass passed, $fail failed"
	[ "$fail" -eq 0 ]
}

case $step in
build) build ;;
test) test_debs ;;
*) echo "usage: deb.sh build|test OUT VERSION" >&2; exit 2 ;;
esac
