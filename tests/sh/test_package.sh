#!/bin/sh
# SPDX-License-Identifier: MIT
# test_package.sh: progdiff as its users install it.
#
#   - one version: `progdiff --version`, the installed header and
#     progdiff.pc say what the file VERSION says, and CHANGELOG.md has a
#     section for it;
#   - make install PREFIX=... puts the library, its header and progdiff.pc
#     where a program built with `pkg-config progdiff` finds them, and
#     make uninstall removes them;
#   - the GitHub Action's check (packaging/action-check.sh) in a pull
#     request made of two commits: annotations for the changed programme,
#     its Förändringar list and the rules' report in the job summary,
#     nothing for a pull request that changes no programme;
#   - action.yml and the example workflow pass action-validator (skipped,
#     saying so, when it is not installed: make deps installs it); the
#     README's four lines are the example workflow's;
#   - a diff of two files starts without libgit2, a store loads it;
#   - the container image and the Debian package build with the same
#     script.
# The Debian packages themselves are tested installed by make deb-test.
. "$(dirname "$0")/lib.sh"
suite package
BUILD=${BUILD:-build}
case $BUILD in /*) ;; *) BUILD=$ROOT/$BUILD ;; esac
VERSION=$(cat "$ROOT/VERSION")
OLD=$FIXTURES/sodertorn/2013.md
NEW=$FIXTURES/sodertorn/2035.md

# --- one version ------------------------------------------------------

check "VERSION is one line, MAJOR.MINOR.PATCH" eval '
	[ "$(wc -l <"$ROOT/VERSION")" -eq 1 ] &&
	echo "$VERSION" | grep -Eqx "[0-9]+\.[0-9]+\.[0-9]+"'
check "progdiff --version is the version in VERSION" eval '
	[ "$(progdiff --version)" = "progdiff $VERSION" ]'
check "CHANGELOG.md has a section for the version" \
	grep -qx "## $VERSION" "$ROOT/CHANGELOG.md"

# --- what a run loads -------------------------------------------------

# libgit2 and the fifteen libraries beneath it are loaded when a store is
# first read (lib/git_api.c): a diff of two files starts without them
check "a diff of two files loads no libgit2" eval '
	LD_DEBUG=files progdiff "$OLD" "$NEW" >/dev/null 2>"$tmp/ld.files"
	grep -q "file=libcmark" "$tmp/ld.files" &&
	! grep -q "file=libgit2" "$tmp/ld.files"'
check "a store loads it when it is first read" eval '
	LD_DEBUG=files progdiff init "$tmp/loads" >/dev/null 2>"$tmp/ld.files" &&
	grep -q "file=libgit2" "$tmp/ld.files"'

# --- the library, installed -------------------------------------------

# mk ARG...: make in the sources, with the binary and the library that are
# built (never rebuilt here) and none of the outer make's flags
mk() {
	env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -s -C "$ROOT" \
		-o "$BUILD/progdiff" -o "$BUILD/libprogdiff.a" BUILD="$BUILD" "$@"
}

prefix=$tmp/prefix
check "make install PREFIX=DIR" mk PREFIX="$prefix" install
PKG_CONFIG_PATH=$prefix/lib/pkgconfig
export PKG_CONFIG_PATH
check "the installed header has the version" \
	grep -qx "# define PD_VERSION \"$VERSION\"" "$prefix/include/progdiff.h"
check "the header is the source's but for the version" eval '
	sed "s/^# define PD_VERSION \"$VERSION\"\$/# define PD_VERSION \"unknown\"/" \
		"$prefix/include/progdiff.h" | cmp - "$ROOT/lib/progdiff.h"'
check "pkg-config --modversion progdiff is the version" eval '
	[ "$(pkg-config --modversion progdiff)" = "$VERSION" ]'
cat >"$tmp/v.c" <<'C'
#include <progdiff.h>
#include <stdio.h>

int main(void)
{
	pd_kind kind;

	if (pd_kind_parse(&kind, "goal") < 0)
		return 1;
	printf("%s %s\n", PD_VERSION, pd_kind_name(kind));
	return 0;
}
C
# shellcheck disable=SC2046
check "a program built with pkg-config progdiff links and runs" eval '
	${CC:-cc} ${SANITIZE:+-fsanitize=$SANITIZE} -o "$tmp/v" "$tmp/v.c" \
		$(pkg-config --cflags --libs progdiff) &&
	[ "$("$tmp/v")" = "$VERSION goal" ]'
check "make uninstall removes every file" eval '
	mk PREFIX="$prefix" uninstall && [ -z "$(find "$prefix" -type f)" ]'

# --- the GitHub Action's check ----------------------------------------

# a policy repository: the base commit holds the 2013 programme and the
# rules, the pull request's head the 2035 one and a new programme
repo=$tmp/repo
g() { git -C "$repo" -c user.name=t -c user.email=t@example.org "$@"; }
git init -q "$repo"
cp "$OLD" "$repo/programme.md"
echo "# Notes" >"$repo/notes.txt"
cat >"$repo/.progdiff" <<'INI'
[rule "no-new-areas"]
	forbid = area-added
	message = a new goal area needs a decision of the board
INI
g add -A && g commit -qm base
base=$(g rev-parse HEAD)
cp "$NEW" "$repo/programme.md"
cp "$OLD" "$repo/other.md"
g add -A && g commit -qm pr

# act ENV...: the action's check in the repository, its summary in
# $tmp/summary, its output in $tmp/act.out, its status in $tmp/act.status
act() {
	: >"$tmp/summary"
	(cd "$repo" && env GITHUB_STEP_SUMMARY="$tmp/summary" RUNNER_TEMP="$tmp" \
		PROGDIFF_BASE="$base" "$@" bash "$ROOT/packaging/action-check.sh") \
		>"$tmp/act.out" 2>&1
	echo $? >"$tmp/act.status"
}
act PROGDIFF_PROGRAMMES='*.md'
check "a broken rule: status 1" grep -qx 1 "$tmp/act.status"
check "an error annotation on the changed programme's line" \
	grep -q '^::error file=programme.md,line=[0-9]*,title=progdiff rule no-new-areas::' \
	"$tmp/act.out"
check "the summary has the programme's Förändringar list" eval '
	grep -qx "## \`programme.md\`" "$tmp/summary" &&
	grep -qx "### Förändringar" "$tmp/summary" &&
	grep -qx -- "- Programmet har fått ett nytt målområde, ”Funktionell samordning”." "$tmp/summary"'
check "the summary has the rules' report" \
	grep -q '^programme.md:[0-9]*: error: no-new-areas: ' "$tmp/summary"
check "a programme new in the pull request is checked alone" eval '
	grep -qx "## \`other.md\`" "$tmp/summary" &&
	grep -qx "nytt program: ingen version på basgrenen" "$tmp/summary"'
check "files the pathspecs do not match are left alone" \
	eval '! grep -q notes.txt "$tmp/summary" "$tmp/act.out"'
act PROGDIFF_PROGRAMMES='docs/*.md' PROGDIFF_LANG=en
check "no changed programme: status 0 and the summary says so" eval '
	grep -qx 0 "$tmp/act.status" &&
	grep -qx "No programme is changed by this pull request." "$tmp/summary"'
act PROGDIFF_PROGRAMMES='programme.md' PROGDIFF_RULES="$tmp/no-such-rules"
check "no rules file: status 2 and an error annotation" eval '
	grep -qx 2 "$tmp/act.status" &&
	grep -q "^::error title=progdiff::" "$tmp/act.out"'

act PROGDIFF_BASE=
check "no base commit (not a pull request): status 2 and an error annotation" eval '
	grep -qx 2 "$tmp/act.status" &&
	grep -q "^::error title=progdiff::no base commit" "$tmp/act.out"'

# --- the action and the workflow, linted --------------------------------

WORKFLOW=$ROOT/doc/ci/programme.yml
if command -v action-validator >/dev/null 2>&1; then
	check "action.yml passes action-validator" \
		action-validator "$ROOT/action.yml"
	check "the example workflow passes action-validator" \
		action-validator "$WORKFLOW"
	printf 'runs:\n  using: composite\n  steps: [{ run: "true" }]\n' >"$tmp/bad.yml"
	check "action-validator rejects an action without a name and a shell" \
		eval '! action-validator "$tmp/bad.yml"'
else
	echo "skip package: action-validator is not installed (make deps):" \
		"action.yml and the workflow are not linted"
fi
# the README's example: the four lines between its marker comments
sed -n '/^<!-- github-action -->$/,/^<!-- \/github-action -->$/p' \
	"$ROOT/README.md" | sed '1,2d;$d' | sed '$d' >"$tmp/readme.yml"
check "the README's example is four lines of the example workflow" python3 -c '
import sys
want = [l.strip() for l in open(sys.argv[1], encoding="utf-8")]
have = [l.strip() for l in open(sys.argv[2], encoding="utf-8")]
assert len(want) == 4, want
assert any(have[i:i + 4] == want for i in range(len(have))), want
' "$tmp/readme.yml" "$WORKFLOW"

# --- one build for the package and the image ----------------------------

check "debian/rules and the Containerfile build with packaging/build.sh" eval '
	grep -q "packaging/build.sh build" "$ROOT/debian/rules" &&
	grep -q "packaging/build.sh install" "$ROOT/debian/rules" &&
	grep -q "^RUN .*make deb" "$ROOT/Containerfile"'

finish
