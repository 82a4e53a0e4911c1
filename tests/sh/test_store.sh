#!/bin/sh
# SPDX-License-Identifier: MIT
# test_store.sh: the git-backed store, end to end, on real repositories in
# a temporary folder. progdiff writes with libgit2 only; the git binary is
# used here to check what it wrote: git log, git tag, git
# interpret-trailers, git clone, git diff with the diff driver, and
# `git fsck --full` after each scenario.
#
# Environment (tests/run.sh sets it): PROGDIFF, the binary's absolute
# path; ROOT, the repository's root. Nothing from the user's git
# configuration is read: HOME is the temporary folder.
. "$(dirname "$0")/lib.sh"
suite store
T=$tmp
cleanup() {
	chmod -R u+w "$T" 2>/dev/null
	rm -rf "$T"
}
trap cleanup EXIT
trap 'exit 2' INT TERM HUP

XDG_CONFIG_HOME=$T/home/.config
GIT_AUTHOR_NAME=Test
GIT_AUTHOR_EMAIL=test@example.org
GIT_COMMITTER_NAME=Test
GIT_COMMITTER_EMAIL=test@example.org
export XDG_CONFIG_HOME GIT_AUTHOR_NAME \
	GIT_AUTHOR_EMAIL GIT_COMMITTER_NAME GIT_COMMITTER_EMAIL
unset GIT_INDEX_FILE GIT_CEILING_DIRECTORIES GIT_EXTERNAL_DIFF 2>/dev/null
# discovery must stop at $T, whatever is above it
GIT_CEILING_DIRECTORIES=$(dirname "$T")
export GIT_CEILING_DIRECTORIES

out=$T/out
err=$T/err

# status WANT DESC CMD...: CMD exits WANT; its output stays in $out/$err
status() {
	want=$1 desc=$2
	shift 2
	"$@" >"$out" 2>"$err"
	got=$?
	if [ "$got" -eq "$want" ]; then
		ok "$desc"
	else
		not_ok "$desc (exit $got, want $want)" "$out" "$err"
	fi
}

# one_line_error DESC PATTERN: $err is one "progdiff: " line matching
# PATTERN, and at most a "hint: " line after it
one_line_error() {
	if [ "$(sed -n 1p "$err" | grep -c "^progdiff: .*$2")" -eq 1 ] &&
	   [ "$(wc -l <"$err")" -le 2 ] &&
	   { [ "$(wc -l <"$err")" -eq 1 ] || sed -n 2p "$err" | grep -q '^hint: '; }
	then
		ok "$1"
	else
		not_ok "$1" "$out" "$err"
	fi
}

# fsck_clean DIR WHEN: git fsck --full finds nothing wrong
fsck_clean() {
	if git -C "$1" fsck --full --no-dangling >"$out" 2>&1 &&
	   ! grep -Eiq 'error|missing|broken|corrupt|bad ' "$out"; then
		ok "fsck clean: $2"
	else
		not_ok "fsck clean: $2" "$out" "$err"
	fi
}

# Fixtures: the Södertörn programmes, else small ones of our own
F13=$ROOT/fixtures/sodertorn/2013.md
F35=$ROOT/fixtures/sodertorn/2035.md
if [ ! -f "$F13" ] || [ ! -f "$F35" ]; then
	F13=$T/2013.md F35=$T/2035.md
	printf '%s\n' '# Södertörns utvecklingsprogram' '' \
		'Det godkändes av kommunstyrelsen 2013-04-29 och gäller tills vidare.' \
		'' '## Fokusområden' '' '### Infrastruktur' '' 'Vägar och spår.' \
		'' '### Nyckeltalsdagen' '' 'Nyckeltalsdagen hålls varje år.' >"$F13"
	printf '%s\n' '# Södertörns utvecklingsprogram 2035' '' \
		'Mållår är 2035. Programmet gäller 2019–2022.' '' \
		'## Fokusområden' '' '### Infrastruktur' '' 'Vägar och spår, klimatsmart.' \
		'' '### Funktionell samordning' '' 'Samordning, klimatsmart.' \
		'' '### Södertörnsdagen' '' 'Södertörnsdagen hålls varje år.' >"$F35"
fi

S=$T/store
P=$PROGDIFF

# ------------------------------------------------------------------
echo "# init, add, list, show, log"

status 0 "init creates a store" "$P" init "$S"
if [ -f "$S/HEAD" ] && [ ! -e "$S/.git" ]; then
	ok "an empty folder becomes a bare repository"
else
	not_ok "an empty folder becomes a bare repository" "$out" "$err"
fi
status 0 "init again adopts it" "$P" init "$S"
grep -q "using the git repository" "$out" && ok "init says it adopted" ||
	not_ok "init says it adopted" "$out" "$err"

cd "$S" || exit 2
status 0 "add 2013" "$P" add "$F13"
grep -q "sodertorn/2013" "$out" && ok "the label of 2013 is its year adopted" ||
	not_ok "the label of 2013 is its year adopted" "$out" "$err"
status 0 "add 2035" "$P" add "$F35" --adopted 2019-06-20 --decision "KS 2019/123"
grep -q "sodertorn/2035" "$out" && ok "the label of 2035 is its target year" ||
	not_ok "the label of 2035 is its target year" "$out" "$err"

status 0 "list" "$P" list
[ "$(grep -c . "$out")" -eq 3 ] && ok "list: a heading and two versions" ||
	not_ok "list: a heading and two versions" "$out" "$err"
status 0 "list --porcelain" "$P" list --porcelain
if [ "$(cut -f1,2 "$out")" = "$(printf 'sodertorn\t2013\nsodertorn\t2035')" ] &&
   [ "$(sed -n 2p "$out" | cut -f3,4,5,6)" = "$(printf '2035\t2019-2022\t2019-06-20\tKS 2019/123')" ] &&
   [ "$(awk -F '\t' '{ print NF }' "$out" | sort -u)" = 9 ]; then
	ok "porcelain: nine tab-separated fields in a stable order"
else
	not_ok "porcelain: nine tab-separated fields in a stable order" "$out" "$err"
fi

check "git log programmes/sodertorn reads two commits" \
	test "$(git log --format=%s programmes/sodertorn | wc -l)" -eq 2
check "git tag -l lists both tags" \
	test "$(git tag -l)" = "$(printf 'sodertorn/2013\nsodertorn/2035')"
check "the tags are annotated" \
	test "$(git cat-file -t sodertorn/2035)" = tag
check "the tag points at the branch tip" \
	test "$(git rev-parse 'sodertorn/2035^{commit}')" = \
	"$(git rev-parse programmes/sodertorn)"
git log -1 --format=%B programmes/sodertorn | git interpret-trailers --parse >"$T/trailers"
if grep -qx 'Label: 2035' "$T/trailers" &&
   grep -qx 'Target-Year: 2035' "$T/trailers" &&
   grep -qx 'Period: 2019-2022' "$T/trailers" &&
   grep -qx 'Adopted: 2019-06-20' "$T/trailers" &&
   grep -qx 'Decision: KS 2019/123' "$T/trailers"; then
	ok "git interpret-trailers --parse reads the metadata"
else
	cp "$T/trailers" "$out"
	not_ok "git interpret-trailers --parse reads the metadata" "$out" "$err"
fi
check "the tree holds sodertorn.md byte for byte" \
	sh -c 'git cat-file blob programmes/sodertorn:sodertorn.md | cmp -s - "$1"' \
	sh "$F35"
check "the tree holds nothing else" \
	test "$(git ls-tree --name-only programmes/sodertorn)" = sodertorn.md
check "HEAD of a new bare store names the first programme" \
	test "$(git symbolic-ref HEAD)" = refs/heads/programmes/sodertorn

status 0 "show 2013" "$P" show 2013
check "show prints the stored Markdown byte for byte" cmp -s "$out" "$F13"
status 0 "show by period" "$P" show 2019-2022
check "a period that one version has names it" cmp -s "$out" "$F35"
status 0 "show PROGRAMME/LABEL" "$P" show sodertorn/2035
check "PROGRAMME/LABEL names it" cmp -s "$out" "$F35"

status 0 "log" "$P" log --lang=en
if grep -q "first version" "$out" && grep -q "since 2013" "$out" &&
   grep -q "change" "$out"; then
	ok "log shows each version with a change summary"
else
	not_ok "log shows each version with a change summary" "$out" "$err"
fi
fsck_clean "$S" "after init and add"

# ------------------------------------------------------------------
echo "# progdiff OLD NEW in a store"

mkdir "$T/files"
cp "$F13" "$T/files/2013"
cp "$F35" "$T/files/2035"
(cd "$T/files" && "$P" --color=never 2013 2035 >"$T/file.out" 2>&1; echo $? >"$T/file.status")
status 1 "progdiff 2013 2035 in the store exits 1" "$P" --color=never 2013 2035
# what add stored is the version's metadata: the date given with --adopted
grep -q "antogs den 20 juni 2019" "$out" &&
	ok "the stored date of adoption is the version's" ||
	not_ok "the stored date of adoption is the version's" "$out" "$err"
# the same report as the files', but the stored date (and so the count)
same_but_date() {
	grep -v "antogs den 20 juni 2019" "$1" | tail -n +2 >"$T/store.cmp"
	tail -n +2 "$2" >"$T/file.cmp"
	cmp -s "$T/store.cmp" "$T/file.cmp"
}
check "it prints what the file diff prints, and the stored date" \
	same_but_date "$out" "$T/file.out"
check "the file diff exits 1 too" test "$(cat "$T/file.status")" = 1
(cd "$T/files" && "$P" --format=markdown 2013 2035 >"$T/file.md" 2>&1)
status 1 "markdown from the store" "$P" --format=markdown 2013 2035
grep -v "antogs den 20 juni 2019" "$out" >"$T/store.md"
check "the Förändringar list is the same, and the stored date" \
	cmp -s "$T/store.md" "$T/file.md"
status 1 "--repo from elsewhere" sh -c 'cd "$1" && "$2" --color=never --repo "$3" 2013 2035' sh "$T/home" "$P" "$S"
check "--repo gives the same output" same_but_date "$out" "$T/file.out"
status 1 "PROGDIFF_REPO from elsewhere" sh -c 'cd "$1" && PROGDIFF_REPO="$3" "$2" --color=never 2013 2035' sh "$T/home" "$P" "$S"
check "PROGDIFF_REPO gives the same output" same_but_date "$out" "$T/file.out"
status 1 "a target year names a version" "$P" --color=never sodertorn/2013 2035
status 1 "rev:path" "$P" programmes/sodertorn~1:sodertorn.md programmes/sodertorn:sodertorn.md
status 0 "the same version twice: no changes" "$P" 2035 2035

status 2 "an unknown version" "$P" 2013 2036
one_line_error "it is one line" "2036: no such file or stored version"
grep -q "^hint: known versions: 2013, 2035; the closest is '2035'" "$err" &&
	ok "the hint lists the versions and the closest" ||
	not_ok "the hint lists the versions and the closest" "$out" "$err"
: >"$S/2035"
status 2 "a name that is a file and a version" "$P" 2013 2035
one_line_error "it is ambiguous and says so" "'2035' is ambiguous"
rm -f "$S/2035"

# every fixture pair: stored, it diffs as its files do. One store holds
# them all, each pair a programme of its own, since comparing only reads.
PS=$T/pair-store
"$P" init "$PS" >/dev/null
mkdir "$T/pair-files"
for pair in "$ROOT"/fixtures/pairs/*/; do
	[ -f "$pair/old.md" ] && [ -f "$pair/new.md" ] || continue
	name=$(basename "$pair")
	cp "$pair/old.md" "$T/pair-files/old"
	cp "$pair/new.md" "$T/pair-files/new"
	(cd "$T/pair-files" && "$P" --color=never --format=json old new \
		>"$T/pair.out" 2>&1)
	if "$P" add --repo "$PS" --programme "$name" --label old "$pair/old.md" \
		>/dev/null 2>"$err" &&
	   "$P" add --repo "$PS" --programme "$name" --label new "$pair/new.md" \
		>/dev/null 2>"$err"; then
		"$P" --repo "$PS" --color=never --format=json "$name/old" \
			"$name/new" >"$out" 2>&1
		check "pair $name: stored, the same as its files" \
			cmp -s "$out" "$T/pair.out"
	else
		not_ok "pair $name: stored, the same as its files" "$err"
	fi
done
rm -rf "$T/pair-store" "$T/pair-files"

# ------------------------------------------------------------------
echo "# labels"

refs_before=$(git for-each-ref | wc -l)
long=$(printf '%0101d' 7)
for label in '../x' '-rf' 'a..b' 'x.lock' '' 'with space' \
	"$(printf 'tab\there')" "$(printf 'esc\033[31m')" "$long" 'a/b' 'a:b' \
	'.hidden' 'a@{1}' 'x~1'; do
	status 2 "unsafe label '$label' is refused" "$P" add --label="$label" --force "$F35"
	one_line_error "  with one line" "invalid label"
done
check "no ref was made for them" test "$(git for-each-ref | wc -l)" -eq "$refs_before"
status 2 "an unsafe programme is refused" "$P" add --programme=../evil "$F35"
one_line_error "  with one line" "invalid programme"

status 2 "adding 2035 again is refused" "$P" add "$F35"
one_line_error "  it says so" "version 'sodertorn/2035' exists already"
grep -q -- "--force" "$err" && ok "  the hint names --force" ||
	not_ok "  the hint names --force" "$out" "$err"
status 0 "--force replaces it" "$P" add --force "$F35"
check "still two versions" test "$("$P" list --porcelain | wc -l)" -eq 2
status 2 "a bad --period" "$P" add --period 2022-2019 "$F35"
status 2 "a bad --target-year" "$P" add --target-year 20x5 "$F35"
fsck_clean "$S" "after refused labels and --force"

# ------------------------------------------------------------------
echo "# who adds: GIT_AUTHOR_*, GIT_COMMITTER_*, else the store's user"

W=$T/who
"$P" init "$W" >/dev/null 2>&1
status 0 "add with an author and a committer" env GIT_AUTHOR_NAME=Ada \
	GIT_AUTHOR_EMAIL=ada@example.org GIT_COMMITTER_NAME=Bo \
	GIT_COMMITTER_EMAIL=bo@example.org "$P" add --repo "$W" --label 2013 "$F13"
check "  the commit has the author and the committer" test \
	"$(git -C "$W" log -1 --format='%an <%ae> %cn <%ce>' programmes/sodertorn)" = \
	"Ada <ada@example.org> Bo <bo@example.org>"
check "  the tag has the committer as its tagger" test \
	"$(git -C "$W" for-each-ref --format='%(taggername) %(taggeremail)' refs/tags/sodertorn/2013)" = \
	"Bo <bo@example.org>"
git -C "$W" config user.name Cai
git -C "$W" config user.email cai@example.org
status 0 "add with an empty author name" env GIT_AUTHOR_NAME= \
	GIT_AUTHOR_EMAIL=ada@example.org "$P" add --repo "$W" --label 2035 "$F35"
check "  the name is the store's user.name, the email the variable's" test \
	"$(git -C "$W" log -1 --format='%an <%ae> %cn' programmes/sodertorn)" = \
	"Cai <ada@example.org> Test"

# ------------------------------------------------------------------
echo "# sharing with git clone and push"

cd "$T" || exit 2
check "git clone of the store" git clone -q "$S" "$T/clone"
status 1 "progdiff 2013 2035 in a clone" sh -c 'cd "$1" && "$2" --color=never 2013 2035' sh "$T/clone" "$P"
check "the clone gives the same output" cmp -s "$out" "$T/file.out"
check "the clone checks out the latest version" cmp -s "$T/clone/sodertorn.md" "$F35"
status 0 "list in a clone" "$P" list --repo "$T/clone"
status 2 "add refuses to move the branch checked out in a clone" \
	"$P" add --repo "$T/clone" --label 2039 "$F35"
one_line_error "  with one line" "checked out"
check "git clone --bare" git clone -q --bare "$S" "$T/bare-clone"
status 0 "add in the bare clone" "$P" add --repo "$T/bare-clone" --label 2039 "$F35"
check "git push --follow-tags back to the store" \
	git -C "$T/bare-clone" push -q --follow-tags origin programmes/sodertorn
check "the store has the pushed version" \
	test "$("$P" list --porcelain --repo "$S" | cut -f2 | tr '\n' ' ')" = "2013 2035 2039 "
check "and its tag" git -C "$S" rev-parse -q --verify refs/tags/sodertorn/2039
fsck_clean "$S" "after push"
"$P" add --repo "$S" --label 2043 "$F35" >/dev/null 2>&1
check "git fetch brings it into the bare clone" \
	git -C "$T/bare-clone" fetch -q origin \
	'refs/heads/programmes/*:refs/heads/programmes/*' 'refs/tags/*:refs/tags/*'
check "where progdiff sees it" \
	test "$("$P" list --porcelain --repo "$T/bare-clone" | cut -f2 | tr '\n' ' ')" = "2013 2035 2039 2043 "
fsck_clean "$T/bare-clone" "the bare clone"

# ------------------------------------------------------------------
echo "# concurrent adds"

C=$T/conc
"$P" init "$C" >/dev/null
"$P" add --repo "$C" "$F13" >/dev/null 2>&1
pids=
for i in 1 2 3 4 5 6 7 8; do
	"$P" add --repo "$C" --label "c$i" "$F35" >"$T/conc.$i.out" 2>&1 &
	pids="$pids $!"
done
failed=0
for pid in $pids; do
	wait "$pid" || failed=$((failed + 1))
done
check "eight concurrent adds all succeed" test "$failed" -eq 0
check "all eight land on the branch" \
	test "$("$P" list --porcelain --repo "$C" | wc -l)" -eq 9
check "and all eight are tagged" \
	test "$(git -C "$C" tag -l 'sodertorn/c*' | wc -l)" -eq 8
check "the branch is one line of history" \
	test "$(git -C "$C" rev-list --count programmes/sodertorn)" -eq 9
fsck_clean "$C" "after concurrent adds"

# ------------------------------------------------------------------
echo "# kill -9 in the middle of an add, and lock files"

K=$T/kill
"$P" init "$K" >/dev/null
"$P" add --repo "$K" "$F13" >/dev/null 2>&1
killed_ok=1
# kill an add as it opens its 1st, 3rd, ... 31st file in the store
# (counted by strace, not timed; test_store_faults.sh has more)
strace -f -qq -o "$T/trace" -e trace=openat \
	"$P" add --repo "$K" --label timing "$F35" >/dev/null 2>&1
first=$(K=$K awk 'index($0, ENVIRON["K"] "/") { print NR; exit }' "$T/trace")
for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16; do
	strace -f -qq -o /dev/null -e trace=openat \
		-e inject=openat:signal=KILL:when=$((${first:-1} + 2 * i - 2)) \
		"$P" add --repo "$K" --label "k$i" "$F35" >/dev/null 2>&1
	if ! git -C "$K" fsck --full --no-dangling >"$T/fsck.out" 2>&1 ||
	   grep -Eiq 'error|missing|broken|corrupt|bad ' "$T/fsck.out"; then
		killed_ok=0
		cp "$T/fsck.out" "$out"
	fi
	if ! "$P" list --repo "$K" >/dev/null 2>"$err"; then
		killed_ok=0
	fi
	# a lock left by the killed process: the next add would report it
	find "$K" -name '*.lock' -exec rm -f {} +
done
check "after each kill -9, fsck is clean and list reads the store" \
	test "$killed_ok" -eq 1
fsck_clean "$K" "after kill -9"

touch "$K/refs/heads/programmes/sodertorn.lock"
status 0 "a stale lock file does not stop reading" "$P" list --repo "$K"
status 2 "a stale lock file stops add" "$P" add --repo "$K" --label stale "$F35"
one_line_error "  with one line naming the lock file" \
	"lock file '$K/refs/heads/programmes/sodertorn.lock' exists"
grep -q "^hint: .*remove the lock file" "$err" &&
	ok "  the hint says what to do" || not_ok "  the hint says what to do" "$out" "$err"
rm -f "$K/refs/heads/programmes/sodertorn.lock"
# the lock is removed once the add has found it taken (libgit2 looks
# with access(2), and strace says when)
touch "$K/refs/heads/programmes/sodertorn.lock"
mkfifo "$T/opens"
{
	grep -q -m 1 '^[0-9]* *access(.*sodertorn\.lock.*= 0' &&
		rm -f "$K/refs/heads/programmes/sodertorn.lock"
	cat >/dev/null
} <"$T/opens" &
# (LeakSanitizer cannot run under ptrace: no leak check here)
status 0 "a lock released within the wait lets add through" \
	env ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
	strace -f -qq -o "$T/opens" -e trace=access \
	"$P" add --repo "$K" --label waited "$F35"
wait
check "  after waiting for it" test ! -e "$K/refs/heads/programmes/sodertorn.lock"
fsck_clean "$K" "after lock files"

# ------------------------------------------------------------------
echo "# trouble: not a repository, read-only, another owner"

mkdir "$T/plain"
status 2 "--repo on a folder that is not a repository" "$P" list --repo "$T/plain"
one_line_error "  one line" "is not a git repository"
status 2 "PROGDIFF_REPO on a folder that is not a repository" \
	env PROGDIFF_REPO="$T/plain" "$P" list
one_line_error "  one line" "PROGDIFF_REPO: .* is not a git repository"
status 2 "list outside any store" sh -c 'cd "$1" && "$2" list' sh "$T/plain" "$P"
one_line_error "  one line" "no store here"
status 2 "a label outside any store" sh -c 'cd "$1" && "$2" 2013 2035' sh "$T/plain" "$P"
one_line_error "  one line" "2013: no such file, and no store here"
status 2 "--repo on a missing folder" "$P" list --repo "$T/missing"
one_line_error "  one line" "missing"

R=$T/readonly
cp -R "$S" "$R"
if [ "$(id -u)" -eq 0 ]; then
	# root writes anywhere: be nobody, in nobody's own read-only store
	chown -R nobody "$R"
	chmod 755 "$T" "$T/home"
	as_other() { setpriv --reuid=nobody --regid=nogroup --clear-groups "$@"; }
else
	as_other() { "$@"; }
fi
chmod -R a-w "$R"
if [ "$(id -u)" -ne 0 ] || command -v setpriv >/dev/null 2>&1; then
	status 2 "add to a read-only store" as_other "$P" add --repo "$R" --label ro "$F35"
	one_line_error "  one line" "cannot write to the store '$R'"
	status 0 "a read-only store can be listed" as_other "$P" list --repo "$R"
	status 1 "and compared" as_other "$P" --repo "$R" 2013 2035
else
	echo "skip read-only store (root without setpriv)"
fi
chmod -R u+w "$R"
[ "$(id -u)" -ne 0 ] || chown -R 0 "$R"

O=$T/theirs
cp -R "$S" "$O"
if [ "$(id -u)" -eq 0 ]; then
	chown -R nobody "$O"
	status 2 "a repository owned by another user" "$P" list --repo "$O"
	one_line_error "  one line" "repository '$O' is owned by another user"
	grep -q "^hint: .*safe.directory $O" "$err" &&
		ok "  the hint names safe.directory" ||
		not_ok "  the hint names safe.directory" "$out" "$err"
	status 2 "OLD NEW in a repository owned by another user" \
		sh -c 'cd "$1" && "$2" 2013 2035' sh "$O" "$P"
	one_line_error "  one line" "owned by another user"
	git config --global safe.directory "$T/elsewhere"
	status 2 "another owner, with safe.directory naming another folder" \
		"$P" list --repo "$O"
	one_line_error "  the same one line" "repository '$O' is owned by another user"
	grep -q "^hint: .*safe.directory $O" "$err" &&
		ok "  the same hint" || not_ok "  the same hint" "$out" "$err"
	git config --global --add safe.directory "$O"
	status 0 "safe.directory lets it be read" "$P" list --repo "$O"
	git config --global --unset-all safe.directory
	chown -R "$(id -u)" "$O"
else
	echo "skip another owner (needs root to chown)"
fi

# ------------------------------------------------------------------
echo "# no hooks, filters or configured commands are run"

H=$T/hooked
mkdir "$H"
echo "not a programme" >"$H/notes.txt"
"$P" init "$H" >/dev/null
check "init in a folder with files makes .git" test -d "$H/.git"
for hook in pre-commit post-commit commit-msg reference-transaction \
	post-checkout pre-auto-gc post-rewrite; do
	printf '#!/bin/sh\ntouch "%s/pwned-%s"\n' "$T" "$hook" >"$H/.git/hooks/$hook"
	chmod +x "$H/.git/hooks/$hook"
done
printf '*.md filter=evil diff=evil\n' >"$H/.gitattributes"
git -C "$H" config filter.evil.clean "touch $T/pwned-clean; cat"
git -C "$H" config filter.evil.smudge "touch $T/pwned-smudge; cat"
git -C "$H" config diff.evil.command "touch $T/pwned-diff"
git -C "$H" config core.fsmonitor "touch $T/pwned-fsmonitor"
git -C "$H" config core.hooksPath "$H/.git/hooks"
status 0 "add in a repository with hooks and filters" "$P" add --repo "$H" "$F13"
status 0 "add another" "$P" add --repo "$H" "$F35"
status 0 "show" "$P" show --repo "$H" 2013
check "  what is stored is unfiltered" cmp -s "$out" "$F13"
status 0 "list" "$P" list --repo "$H"
status 0 "log" "$P" log --repo "$H"
status 1 "diff" sh -c 'cd "$1" && "$2" 2013 2035' sh "$H" "$P"
check "no hook, filter or command ran" \
	test -z "$(find "$T" -maxdepth 1 -name 'pwned-*')"
check "the working tree is untouched" \
	test "$(ls -A "$H" | tr '\n' ' ')" = ".git .gitattributes notes.txt "
fsck_clean "$H" "the repository with hooks"

# ------------------------------------------------------------------
echo "# git diff with progdiff as diff driver"

D=$T/policy
git init -q "$D"
printf '*.md diff=progdiff\n' >"$D/.gitattributes"
git -C "$D" config diff.progdiff.command "$P git-diff-driver --color=never"
cp "$F13" "$D/programme.md"
git -C "$D" add .gitattributes programme.md
git -C "$D" commit -q -m "2013"
cp "$F35" "$D/programme.md"
status 0 "git diff with the driver" git -C "$D" diff
grep -q "^diff --progdiff a/programme.md b/programme.md" "$out" &&
	ok "  the driver's header" || not_ok "  the driver's header" "$out" "$err"
# the same changes as progdiff on the two files, apart from the labels
"$P" --color=never "$F13" "$F35" | sed 1d >"$T/direct.out"
sed '1,2d' "$out" >"$T/driver.out"
check "  the same changes as the file diff" cmp -s "$T/direct.out" "$T/driver.out"
git -C "$D" commit -q -am "2035"
status 0 "git log -p --ext-diff with the driver" git -C "$D" log -p --ext-diff
check "  shows the semantic diff of each commit" \
	test "$(grep -c '^diff --progdiff' "$out")" -eq 2
status 0 "git show of a rename" sh -c 'cd "$1" && git mv programme.md plan.md &&
	git commit -q -m rename && git show --ext-diff -M HEAD' sh "$D"
status 0 "the driver called by hand with git's 7 arguments" \
	"$P" git-diff-driver programme.md "$F13" 1234567 100644 "$F35" . 100644
status 2 "the driver called wrongly" "$P" git-diff-driver a b c
printf 'bad \377 utf8\n' >"$T/bad.md"
status 0 "a file that does not parse does not stop git" \
	"$P" git-diff-driver bad.md /dev/null . . "$T/bad.md" . 100644
grep -q "not compared" "$out" && ok "  it says it was not compared" ||
	not_ok "  it says it was not compared" "$out" "$err"
status 0 "a file that does not parse, in Swedish" \
	"$P" git-diff-driver --lang=sv bad.md /dev/null . . "$T/bad.md" . 100644
grep -q "^inte jämförd: " "$out" && ok "  it says so in Swedish" ||
	not_ok "  it says so in Swedish" "$out" "$err"
# the repository's vocabulary reaches the driver: "Våra spår" holds areas
V=$T/vocab
git init -q "$V"
printf '*.md diff=progdiff\n' >"$V/.gitattributes"
git -C "$V" config diff.progdiff.command "$P git-diff-driver --color=never --lang=en"
printf '# Plan\n\n## Våra spår\n\n### Trygghet\n\nTrygga miljöer.\n' >"$V/plan.md"
git -C "$V" add .gitattributes plan.md
git -C "$V" commit -q -m one
printf '\n### Hälsa\n\nFler rör sig.\n' >>"$V/plan.md"
status 0 "git diff without a vocabulary" git -C "$V" diff
grep -q "A new goal has been added under" "$out" && ok "  the new heading is a goal" ||
	not_ok "  the new heading is a goal" "$out" "$err"
printf '[vocabulary]\n\tcontainer = (?i)^våra spår$\n' >"$V/.progdiff"
status 0 "git diff with the repository's vocabulary" git -C "$V" diff
grep -q "The programme has a new goal area, “Hälsa”" "$out" && ok "  the new heading is a goal area" ||
	not_ok "  the new heading is a goal area" "$out" "$err"
fsck_clean "$D" "the policy repository"

finish
