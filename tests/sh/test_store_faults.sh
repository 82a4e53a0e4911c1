#!/bin/sh
# SPDX-License-Identifier: MIT
# test_store_faults.sh: the store when an add cannot finish. An add
# killed (SIGKILL) at random moments, 50 times over, never leaves a store
# that `git fsck --full` rejects or that `progdiff list` cannot read, and
# a version is either whole (on its branch and tagged) or absent, or the
# next command completes it and says so; a full disk, and an objects folder
# that cannot be written, give one clear line of error and change no ref.
#
# The kill moments are random (seed in STORE_FAULTS_SEED, fixed by
# default, printed so that a failure can be replayed). The full disk is a small tmpfs, mounted when
# the test may (root, or a user namespace); unwritable means writable by
# nobody but root, so as root the adds run as the user nobody.
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
seed=${STORE_FAULTS_SEED:-20131211}
echo "# seed $seed (STORE_FAULTS_SEED=$seed replays it)"
K=$tmp/kill
"$P" init "$K" >/dev/null && "$P" add --repo "$K" "$F13" >/dev/null
# The kill moments are counted, not timed: strace lists the file system
# calls one add makes, the seed picks 50 of them, and each trial's add is
# killed (strace -e inject=CALL:signal=KILL:when=N) as it enters the Nth
# call of that kind, whatever the load on the machine.
calls=openat,rename,renameat,renameat2,link,unlink,write,fsync,fdatasync
traced() { strace -f -qq -o /dev/null "$@"; }
if ! traced true 2>/dev/null; then
	echo "skip add killed at random moments: strace cannot trace here"
	trials=
	want_trials=0
else
	strace -f -qq -o "$tmp/trace" -e trace="$calls" \
		"$P" add --repo "$K" --label timing "$F35" >/dev/null
	# "CALL N" for each call the add made once it reached the store, N
	# counting the calls of its kind from the start
	K=$K awk '{ call = $2; sub(/\(.*/, "", call); n[call]++ }
		index($0, ENVIRON["K"] "/") { store = 1 }
		store { print call, n[call] }' "$tmp/trace" >"$tmp/moments"
	awk -v s="$seed" -v n=50 'BEGIN { srand(s) }
		{ m[NR] = $0 }
		END { for (i = 0; i < n; i++) print m[1 + int(rand() * NR)] }' \
		"$tmp/moments" >"$tmp/trials"
	trials=$tmp/trials
	want_trials=50
fi
trial=0
bad=0
whole=0
absent=0
untagged=0
completed=0
locked=0
while read -r call nth; do
	trial=$((trial + 1))
	strace -f -qq -o /dev/null -e trace="$call" \
		-e inject="$call":signal=KILL:when="$nth" \
		"$P" add --repo "$K" --label "k$trial" "$F35" >/dev/null 2>&1
	delay="the call $call number $nth"
	why=
	fsck_ok "$K" || why="git fsck --full fails: $(head -3 "$tmp/fsck")"
	"$P" list --repo "$K" >"$tmp/list" 2>"$tmp/err" ||
		why="$why; list fails: $(cat "$tmp/err")"
	# killed holding the tag's lock: the next command says so, the user
	# removes the lock as the hint says, and the one after completes it
	if grep -q "cannot complete version 'sodertorn/k$trial'.*lock file" \
		"$tmp/err"; then
		locked=$((locked + 1))
		find "$K" -name '*.lock' -exec rm -f {} +
		"$P" list --repo "$K" >"$tmp/list" 2>"$tmp/err" ||
			why="$why; list fails: $(cat "$tmp/err")"
	fi
	# the one line that says an interrupted add was completed
	if grep -q "completed version 'sodertorn/k$trial'" "$tmp/err"; then
		completed=$((completed + 1))
		[ "$(wc -l <"$tmp/err")" -eq 1 ] ||
			why="$why; more than one line: $(cat "$tmp/err")"
	fi
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
		echo "    trial $trial (killed at $delay): $why"
	fi
	# a killed add may leave its lock; a user removes it as the hint says
	find "$K" -name '*.lock' -exec rm -f {} +
done <"${trials:-/dev/null}"
echo "# $trial kills: $whole versions whole ($completed completed by the" \
	"next command, $locked of them once their lock was removed," \
	"$untagged left without their tag), $absent absent, $bad broken"
check "50 adds killed at random: fsck clean, list reads, versions whole" \
	test "$bad" -eq 0 -a "$trial" -eq "$want_trials"
check "50 adds killed at random: every version listed has its tag" \
	test "$untagged" -eq 0
check "the store takes a new version after the kills" \
	"$P" add --repo "$K" --label after "$F35"
check "and it reads back" sh -c '"$1" --repo "$2" -q 2013 after; test $? -eq 1' \
	sh "$P" "$K"
check "fsck is clean at the end" fsck_ok "$K"

# ------------------------------------------------------------------
echo "# a version an add left without its tag"
# the store a kill between moving the branch and writing the tag leaves
L=$tmp/lost
"$P" init "$L" >/dev/null && "$P" add --repo "$L" "$F13" >/dev/null &&
	"$P" add --repo "$L" --label lost "$F35" >/dev/null
git -C "$L" update-ref -d refs/tags/sodertorn/lost
"$P" list --repo "$L" >"$tmp/out" 2>"$tmp/err"
check "the next command completes it" \
	test "$(git -C "$L" rev-parse 'refs/tags/sodertorn/lost^{commit}')" = \
	"$(git -C "$L" rev-parse refs/heads/programmes/sodertorn)"
check "  and says so in one line" sh -c '
	test "$(wc -l <"$1")" -eq 1 &&
	grep -q "^progdiff: completed version '"'sodertorn/lost'"'" "$1"' _ "$tmp/err"
check "  listing it" grep -q "^lost " "$tmp/out"
"$P" list --repo "$L" >/dev/null 2>"$tmp/err"
check "  once: the command after says nothing" test ! -s "$tmp/err"
check "  the tag is annotated, as add writes it" \
	test "$(git -C "$L" cat-file -t refs/tags/sodertorn/lost)" = tag
# replaced with --force, killed before the tag moved: it moves now
"$P" add --repo "$L" --force --label lost "$F13" >/dev/null
git -C "$L" update-ref refs/tags/sodertorn/lost \
	"$(git -C "$L" rev-parse 'refs/heads/programmes/sodertorn~1')"
"$P" show --repo "$L" lost >"$tmp/out" 2>"$tmp/err"
check "a replaced version's tag is moved to it" \
	test "$(git -C "$L" rev-parse 'refs/tags/sodertorn/lost^{commit}')" = \
	"$(git -C "$L" rev-parse refs/heads/programmes/sodertorn)"
check "  and show reads the replacement" cmp -s "$tmp/out" "$F13"
check "  fsck is clean" fsck_ok "$L"

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
