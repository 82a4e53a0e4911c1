#!/bin/sh
# SPDX-License-Identifier: MIT
# image-test.sh VERSION: build the image of Containerfile with podman (or
# buildah) and run `progdiff --version` and `progdiff init` in it, with
# pandoc there for the formats that need it; the image is removed again.
# BASE names the image both stages start from (default Debian's slim
# image); ISOLATION how RUN steps run (default chroot, which works as
# root where the OCI runtime cannot set up cgroups). When no builder is
# installed or BASE can be neither found nor pulled, it says why and
# tests nothing. Ends with "image-test: N passed, N failed".
set -u
cd "$(dirname "$0")/.." || exit 2
[ $# -eq 1 ] || { echo "usage: image-test.sh VERSION" >&2; exit 2; }
version=$1
base=${BASE:-docker.io/library/debian:bookworm-slim}
iso=${ISOLATION:-chroot}
tag=localhost/progdiff-image-test:$version
log=$(mktemp)
trap 'rm -f "$log"' EXIT
pass=0
fail=0

skip() {
	echo "image-test: not tested: $*"
	echo "image-test: 0 passed, 0 failed"
	exit 0
}

if command -v podman >/dev/null 2>&1; then
	build() { podman build --isolation="$iso" --pull=never "$@"; }
	exists() { podman image exists "$1"; }
	pull() { podman pull -q "$1"; }
	rmi() { podman rmi -f "$1"; }
elif command -v buildah >/dev/null 2>&1; then
	build() { buildah bud --isolation="$iso" --pull=false "$@"; }
	exists() { buildah inspect --type image "$1" >/dev/null 2>&1; }
	pull() { buildah pull -q "$1"; }
	rmi() { buildah rmi -f "$1"; }
else
	skip "no OCI builder (podman, buildah) is installed"
fi
command -v buildah >/dev/null 2>&1 || skip "buildah, which runs the image, is not installed"

if ! exists "$base" && ! pull "$base" >"$log" 2>&1; then
	skip "the base image $base cannot be pulled: $(grep -i error "$log" | tail -n 1)"
fi

check() {
	desc=$1
	shift
	if "$@" >"$log" 2>&1; then
		pass=$((pass + 1))
		echo "ok   image-test: $desc"
	else
		fail=$((fail + 1))
		echo "FAIL image-test: $desc"
		tail -n 20 "$log" | sed 's/^/    /'
	fi
}

# in_image CMD...: run CMD in a container of the image (buildah run: it
# needs no more of the OCI runtime than the build's RUN steps do)
in_image() {
	c=$(buildah from "$tag") || return 1
	buildah run --isolation="$iso" "$c" -- "$@"
	rc=$?
	buildah rm "$c" >/dev/null
	return $rc
}

check "the image builds from $base" \
	build --build-arg BASE="$base" -t "$tag" -f Containerfile .
version_ok() { [ "$(in_image progdiff --version)" = "progdiff $version" ]; }
store_ok() {
	in_image sh -c 'cd /tmp && progdiff init s && cd s &&
		printf "# Programm 2030\n\n## Miljö\n\nText.\n" >p.md &&
		progdiff add p.md && progdiff list | grep -q 2030'
}
check "progdiff --version in the image is 'progdiff $version'" version_ok
check "progdiff init, add and list in the image" store_ok
check "pandoc is in the image (the package recommends it)" in_image pandoc --version
rmi "$tag" >/dev/null 2>&1
echo "image-test: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
