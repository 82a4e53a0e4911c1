#!/bin/sh
# SPDX-License-Identifier: MIT
# test_store_faults.sh: the store when an add cannot finish. An add
# killed (SIGKILL) at random moments, 50 times over, never leaves a store
# that `git fsck --full` rejects or that `progdiff list` cannot read, and
# a version is either whole or absent; a full disk, and an objects folder
# that cannot be written, give one clear line of error and change no ref.
#
# The kill moments are pseudo-random from a fixed seed, so that every run
# kills at the same offsets into an add; STORE_FAULTS_SEED=N tries others
# (the seed is printed, so that a failure can be replayed). The full disk
# is a small tmpfs, mounted when the test may (root, or a user namespace);
# unwritable means writable by nobody but root, so as root the adds run as
# the user nobody.
set -u
. "$(dirname "$0")/lib.sh"
suite store-faults
P=$PROGDIFF
F13=$FIXTURES/sodertorn/2013.md
F35=$FIXTURES/sodertorn/2035.md
GIT_AUTHOR_NAME=Test GIT_AUTHOR_EMAIL=test@example.org
GIT_COMMITTER_NAME=Test GIT_COMMITTER_EMAIL=test@example.org
export GIT_AUTHOR_NAME GIT_AUTHOR_EMAIL GIT_COMMITTER_NAME GIT_COMMITTER_EMAIL
unset PROGDIFF_MAX_SIZE
mounted=
cleanup() {
	[ -z "$mounted" ] || umount "$mounted" 2>/dev/null
	chmod -R u+w "$tmp" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT

fsck_ok() {
	git -c safe.directory='*' -C "$1" fsck --full --no-dangling \
		>"$tmp/fsck" 2>&1 &&
		! grep -Eiq 'error|missing|broken|corrupt|bad ' "$tmp/fsck"
}
refs_of() {
	git -c safe.directory='*' -C "$1" for-each-ref \
		--format='%(refname) %(objectname)'
}

# ------------------------------------------------------------------
echo "# add killed at random moments"
seed=${STORE_FAULTS_SEED:-20350101}
echo "# seed $seed (STORE_FAULTS_SEED=$seed replays it)"
K=$tmp/kill
"$P" init "$K" >/dev/null && "$P" add --repo "$K" "$F13" >/dev/null
# how long one add takes here, to spread the kills over it
start=$(date +%s%N)
"$P" add --repo "$K" --label timing "$F35" >/dev/null
span=$((($(date +%s%N) - start) / 1000))   # microseconds
[ "$span" -gt 1000 ] || span=1000
awk -v s="$seed" -v n=50 -v span="$span" 'BEGIN {
	srand(s)
	for (i = 0; i < n; i++) printf "%.6f\n", rand() * span * 1.3 / 1e6
}' >"$tmp/delays"
trial=0
bad=0
whole=0
absent=0
untagged=0
while read -r delay; do
	trial=$((trial + 1))
	"$P" add --repo "$K" --label "k$trial" "$F35" >/dev/null 2>&1 &
	pid=$!
	sleep "$delay"
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	why=
	fsck_ok "$K" || why="git fsck --full fails: $(head -3 "$tmp/fsck")"
	"$P" list --repo "$K" >"$tmp/list" 2>"$tmp/err" ||
		why="$why; list fails: $(cat "$tmp/err")"
	if grep -q "^k$trial " "$tmp/list"; then
		# listed: it must read back byte for byte
		if "$P" show --repo "$K" "k$trial" >"$tmp/show" 2>&1 &&
		   cmp -s "$tmp/show" "$F35"; then
			whole=$((whole + 1))
		else
			why="$why; k$trial is listed but does not read back"
		fi
		# killed between the branch and the tag: stored, not tagged
		git -C "$K" cat-file -e "refs/tags/sodertorn/k$trial" \
			2>/dev/null || untagged=$((untagged + 1))
	else
		absent=$((absent + 1))
	fi
	if [ -n "$why" ]; then
		bad=$((bad + 1))
		echo "    trial $trial (kill after ${delay}s): $why"
	fi
	# a killed add may leave its lock; a user removes it as the hint says
	find "$K" -name '*.lock' -exec rm -f {} +
done <"$tmp/delays"
echo "# $trial kills: $whole versions whole ($untagged without their tag)," \
	"$absent absent, $bad broken"
check "50 adds killed at random: fsck clean, list reads, versions whole" \
	test "$bad" -eq 0 -a "$trial" -eq 50
check "the store takes a new version after the kills" \
	"$P" add --repo "$K" --label after "$F35"
check "and it reads back" sh -c '"$1" --repo "$2" -q 2013 after; test $? -eq 1' \
	sh "$P" "$K"
check "fsck is clean at the end" fsck_ok "$K"

# ------------------------------------------------------------------
echo "# a full disk"
D=$tmp/full
mkdir "$D"
if mount -t tmpfs -o size=512k tmpfs "$D" 2>/dev/null; then
	mounted=$D
fi
if [ -n "$mounted" ]; then
	"$P" init "$D/s" >/dev/null && "$P" add --repo "$D/s" "$F13" >/dev/null
	refs_of "$D/s" >"$tmp/refs.before"
	dd if=/dev/zero of="$D/filler" bs=4k 2>/dev/null
	"$P" add --repo "$D/s" "$F35" >"$tmp/out" 2>"$tmp/err"
	st=$?
	check "add on a full disk exits 2" test "$st" -eq 2
	check "  with one line of error" test "$(wc -l <"$tmp/err")" -le 2
	check "  that says the store cannot be written" \
		grep -Eiq 'no space left|cannot write' "$tmp/err"
	sed 's/^/    stderr: /' "$tmp/err"
	refs_of "$D/s" >"$tmp/refs.after"
	check "  and changes no ref" cmp -s "$tmp/refs.before" "$tmp/refs.after"
	check "  fsck is clean" fsck_ok "$D/s"
	check "  list still reads the store" "$P" list --repo "$D/s"
	find "$D/s" -name '*.lock' -exec rm -f {} +
	rm -f "$D/filler"
	check "with room again, the add goes through" \
		"$P" add --repo "$D/s" "$F35"
	umount "$D" && mounted=
else
	echo "skip full disk: cannot mount a tmpfs here (not root)"
fi

# ------------------------------------------------------------------
echo "# an objects folder that cannot be written"
U=$tmp/unwritable
"$P" init "$U" >/dev/null && "$P" add --repo "$U" "$F13" >/dev/null
refs_of "$U" >"$tmp/refs.before"
as_other() { "$@"; }
if [ "$(id -u)" -eq 0 ]; then
	# root writes anywhere: be nobody, in nobody's own store
	chown -R nobody "$U"
	chmod 755 "$tmp" "$tmp/home"
	as_other() { setpriv --reuid=nobody --regid=nogroup --clear-groups "$@"; }
fi
find "$U/objects" -type d -exec chmod a-w {} +
if [ "$(id -u)" -ne 0 ] || command -v setpriv >/dev/null 2>&1; then
	as_other "$P" add --repo "$U" "$F35" >"$tmp/out" 2>"$tmp/err"
	st=$?
	check "add with unwritable objects exits 2" test "$st" -eq 2
	check "  with one line of error" test "$(wc -l <"$tmp/err")" -le 2
	check "  that says the store cannot be written" \
		grep -Eiq 'cannot write|permission denied' "$tmp/err"
	sed 's/^/    stderr: /' "$tmp/err"
	refs_of "$U" >"$tmp/refs.after"
	check "  and changes no ref" cmp -s "$tmp/refs.before" "$tmp/refs.after"
	check "  list still reads the store" as_other "$P" list --repo "$U"
else
	echo "skip unwritable objects: root without setpriv"
fi
find "$U/objects" -type d -exec chmod u+w {} +
[ "$(id -u)" -ne 0 ] || chown -R 0 "$U"
check "  fsck is clean" fsck_ok "$U"

finish
