#!/bin/sh
# test_shell.sh: progdiff as a shell tool.
#
#   - the completions, each sourced in its real shell (bash with
#     bash-completion and zsh with compinit in a pseudo-terminal, fish with
#     `complete -C`), inside a store holding 2013 and 2035;
#   - every command and option the program has (`progdiff __options`) in
#     `progdiff help CMD`, `progdiff CMD --help`, the man page and each
#     completion; every option in the man page is one the program has;
#   - the man page lints clean (mandoc -T lint, groff -man -ww);
#   - make install DESTDIR=... PREFIX=/usr puts each file where its reader
#     looks, the installed binary runs, make uninstall removes them all;
#   - colour and pager only on a terminal (script(1) makes one), NO_COLOR,
#     --color=always, --no-pager, PAGER;
#   - the conventions: "--" ends options, "-" is standard input (once),
#     an unknown option or a missing value is a short usage and status 2.
. "$(dirname "$0")/lib.sh"
suite shell
BUILD=${BUILD:-build}
MAN=$ROOT/doc/progdiff.1
OLD=$FIXTURES/sodertorn/2013.md
NEW=$FIXTURES/sodertorn/2035.md
unset TERM LESS LV
out=$tmp/out
err=$tmp/err

# --- helpers ----------------------------------------------------------

# has FILE LINE...: every LINE is a line of FILE (one grep for them all)
has() {
	_f=$1
	shift
	[ $# -gt 0 ] || return 0
	printf '%s\n' "$@" >"$tmp/.lines"
	grep -vxF -f "$_f" "$tmp/.lines" >"$tmp/.missing"
	[ ! -s "$tmp/.missing" ] ||
		{ sed "s/.*/missing '&' in:/" "$tmp/.missing"; cat "$_f"; return 1; }
}

# lacks FILE LINE...: no LINE is a line of FILE
lacks() {
	_f=$1
	shift
	[ $# -gt 0 ] || return 0
	printf '%s\n' "$@" >"$tmp/.lines"
	! grep -xF -f "$tmp/.lines" "$_f" >"$tmp/.found" ||
		{ sed "s/.*/unexpected '&' in:/" "$tmp/.found"; cat "$_f"; return 1; }
}

# exactly FILE LINE...: FILE's lines are the LINEs, in any order
exactly() {
	_f=$1
	shift
	: >"$tmp/.want"
	[ $# = 0 ] || printf '%s\n' "$@" | sort >"$tmp/.want"
	sort "$_f" | diff -u "$tmp/.want" -
}

# status WANT CMD...: CMD exits with WANT (stdout in $out, stderr in $err)
status() {
	_want=$1
	shift
	"$@" >"$out" 2>"$err"
	_got=$?
	[ "$_got" = "$_want" ] || { echo "exit $_got, want $_want"; cat "$err"; return 1; }
}

# esc FILE: FILE has an escape sequence (colour)
esc() {
	grep -q "$(printf '\033')\[" "$1"
}

# tty CMD: run the shell command CMD on a pseudo-terminal 10 rows high,
# its output (with \r\n line ends) in $out, its exit status returned
tty() {
	TERM=${TTY_TERM-xterm} script -qec "stty rows ${ROWS:-10} cols 80; $1" \
		/dev/null </dev/null >"$out" 2>&1
}

# --- the store the completions look into ------------------------------

store=$tmp/store
progdiff init "$store" >/dev/null 2>&1 &&
	(cd "$store" && progdiff add "$OLD" && progdiff add "$NEW") >/dev/null 2>&1
check "a store with the versions 2013 and 2035" \
	sh -c 'cd "$1" && progdiff list --porcelain | cut -f2 | sort | tr "\n" " " |
		grep -qx "2013 2035 "' _ "$store"

# another, for --repo
other=$tmp/other
progdiff init "$other" >/dev/null 2>&1 &&
	progdiff add --repo "$other" --label 2099 "$NEW" >/dev/null 2>&1
ln -s "$other" "$HOME/other"

# the commands and options, from the program's own tables
progdiff __options | cut -f1 >"$tmp/commands"
check "__options lists the commands, not itself" \
	sh -c 'grep -qx diff "$1" && grep -qx add "$1" && ! grep -q "^__" "$1"' \
	_ "$tmp/commands"
check "help lists the same commands" sh -c '
	progdiff help | sed -n "/^commands:/,/^\$/p" | sed -n "s/^  \([^ ]*\) .*/\1/p" |
		diff -u "$1" -' _ "$tmp/commands"

# --- completions ------------------------------------------------------

# The lines completed in each shell; "== LINE" starts the candidates of
# LINE and "-- end" ends them in each shell's output.
cases="progdiff |progdiff --format=|progdiff 20|progdiff -f |progdiff --lang |\
progdiff show |progdiff help |progdiff list --programme |progdiff add --r|\
progdiff --repo $other 20|progdiff --repo=~/other 20|progdiff -- --f"
for c in $(cat "$tmp/commands"); do
	[ "$c" = diff ] && cases="$cases|progdiff --" || cases="$cases|progdiff $c --"
done

# candidates SHELL LINE: the candidates SHELL offered for LINE, one a line
candidates() {
	awk -v want="== $2" '$0 == want { p = 1; next }
		/^-- end$/ { if (p) exit } p && $0 != ""' "$tmp/$1.out" |
		cut -f1 | sort -u
}

# feed: once the interactive shell's startup file has run (it writes a
# line to the FIFO $tmp/ready), type each case and TAB into it, then a
# command line that writes to the FIFO $tmp/done: the shell reads its input
# in order, so when that line has run every case has been completed. No
# sleeps: each step waits for the shell to say it is there.
feed() {
	read -r _ <"$tmp/ready"
	_old_ifs=$IFS
	IFS='|'
	for _line in $cases; do
		printf '%s\t\025' "$_line"
	done
	IFS=$_old_ifs
	printf 'echo done >"$PD_DONE"\n'
	read -r _ <"$tmp/done"
	printf 'exit\n'
}

# interact CMD...: run the interactive shell CMD on a pseudo-terminal with
# feed typing into it; should the shell die early, feed is released
interact() {
	rm -f "$tmp/ready" "$tmp/done" "$tmp/in"
	mkfifo "$tmp/ready" "$tmp/done" "$tmp/in"
	feed >"$tmp/in" &
	_feed=$!
	PD_READY=$tmp/ready PD_DONE=$tmp/done "$@" <"$tmp/in" >/dev/null 2>&1
	# opened read-write, these never block; what feed no longer waits
	# for stays unread
	exec 8<>"$tmp/ready" 9<>"$tmp/done"
	echo >&8
	echo >&9
	wait "$_feed"
	exec 8>&- 9>&-
}

# bash: bash-completion, then our script; the function it registered is
# wrapped to write what it offers
cat >"$tmp/bashrc" <<'EOF'
PS1='$ '
. /usr/share/bash-completion/bash_completion
. "$PD_ROOT/completions/progdiff.bash"
__pd_f=$(complete -p progdiff | sed -n 's/.*-F \([^ ]*\) .*/\1/p')
__pd_wrap() {
	"$__pd_f" "$@"
	{
		printf '== %s\n' "$COMP_LINE"
		# one line a candidate; a newline inside one shows as "\n"
		for __pd_c in "${COMPREPLY[@]}"; do
			printf '%s\n' "${__pd_c//$'\n'/\\n}"
		done
		echo '-- end'
	} >>"$PD_OUT"
}
complete -F __pd_wrap progdiff
bind 'set bell-style none'
stty -icanon   # what comes before readline reads it is not edited by the tty
echo ready >"$PD_READY"
EOF
: >"$tmp/bash.out"
(cd "$store" && TERM=xterm PD_ROOT=$ROOT PD_OUT=$tmp/bash.out \
	interact timeout 120 \
	script -qec "bash --noprofile --rcfile '$tmp/bashrc' -i" /dev/null)
check "bash: registers _progdiff for progdiff" bash -c "
	. /usr/share/bash-completion/bash_completion
	. '$ROOT/completions/progdiff.bash'
	complete -p progdiff | grep -q -- '-F _progdiff'"

# bash in a terminal (tmux), as a user meets it: after TAB TAB the line is
# as typed and the values are listed, none inserted. Each step waits for
# bash to signal a tmux channel: "ready" at the end of its startup file,
# "line" from C-x, bound to write the line being edited.
cat >"$tmp/tmuxrc" <<'EOF'
PS1='$ '
. /usr/share/bash-completion/bash_completion
. "$PD_ROOT/completions/progdiff.bash"
bind 'set bell-style none'
__pd_line() {
	printf '%s\n' "$READLINE_LINE" >"$PD_LINE"
	tmux wait-for -S line
}
bind -x '"\C-x": __pd_line'
tmux wait-for -S ready
EOF
sock=$tmp/tmux.sock
# tab LINE: type LINE, TAB TAB, C-x; the line edited in $tmp/line, the
# screen in $tmp/screen
tab() {
	tmux -S "$sock" send-keys -l "$1" &&
	tmux -S "$sock" send-keys Tab Tab C-x &&
	timeout 60 tmux -S "$sock" wait-for line &&
	tmux -S "$sock" capture-pane -p >"$tmp/screen" &&
	tmux -S "$sock" send-keys C-u C-l
}
# listed: the screen has a line listing every format, as bash sorts them
listed() {
	grep -Eq '^docx +html +json +markdown +text *$' "$tmp/screen" ||
		{ cat "$tmp/screen"; return 1; }
}
if tmux -f /dev/null -S "$sock" new-session -d -x 100 -y 20 -c "$store" \
	-e PD_ROOT="$ROOT" -e PD_LINE="$tmp/line" -e PATH="$PATH" -e HOME="$HOME" \
	"bash --noprofile --rcfile '$tmp/tmuxrc' -i" &&
	timeout 60 tmux -S "$sock" wait-for ready; then
	tab 'progdiff -f '
	check "bash in tmux: 'progdiff -f <TAB><TAB>' inserts nothing" \
		exactly "$tmp/line" "progdiff -f "
	check "bash in tmux: 'progdiff -f <TAB><TAB>' lists the formats" listed
	tab 'progdiff --format='
	check "bash in tmux: '--format=<TAB><TAB>' inserts nothing" \
		exactly "$tmp/line" "progdiff --format="
	check "bash in tmux: '--format=<TAB><TAB>' lists the formats" listed
else
	check "bash starts in tmux" false
fi
tmux -S "$sock" kill-server 2>/dev/null

# zsh: compinit with completions/ on $fpath, as installed; compadd is
# wrapped to write the matches it is given
mkdir -p "$tmp/zdot"
cat >"$tmp/zdot/.zshrc" <<'EOF'
PS1='$ '
unsetopt auto_list list_beep beep
fpath=("$PD_ROOT/completions" $fpath)
autoload -Uz compinit && compinit -u -D
compadd() {
	if (( ${@[(I)-[OAD]]} )); then builtin compadd "$@"; return; fi
	local -a __hits
	builtin compadd -A __hits "$@"
	(( $#__hits )) && print -rl -- $__hits >>$PD_OUT
	builtin compadd "$@"
}
__pd_tab() {
	print -r -- "== $BUFFER" >>$PD_OUT
	zle complete-word
	print -r -- "-- end" >>$PD_OUT
}
zle -N __pd_tab
bindkey '^I' __pd_tab
stty -icanon   # what comes before zle reads it is not edited by the tty
echo ready >$PD_READY
EOF
: >"$tmp/zsh.out"
(cd "$store" && TERM=xterm ZDOTDIR=$tmp/zdot PD_ROOT=$ROOT \
	PD_OUT=$tmp/zsh.out interact timeout 120 script -qec "zsh -i" /dev/null)

# fish: complete -C, one line after another
printf '%s' "$cases" | tr '|' '\n' >"$tmp/fish.lines"
(cd "$store" && fish --no-config -c "
	source '$ROOT/completions/progdiff.fish'
	for l in (cat '$tmp/fish.lines')
		echo \"== \$l\"
		complete -C\"\$l\"
		echo -- '-- end'
	end" >"$tmp/fish.out" 2>&1)

for sh in bash zsh fish; do
	candidates $sh "progdiff " >"$tmp/c"
	# shellcheck disable=SC2046
	check "$sh: 'progdiff ' offers the commands and the stored versions" \
		has "$tmp/c" 2013 2035 $(cat "$tmp/commands")
	check "$sh: 'progdiff ' hides __options" lacks "$tmp/c" __options
	candidates $sh "progdiff 20" >"$tmp/c"
	check "$sh: 'progdiff 20' offers 2013 and 2035" exactly "$tmp/c" 2013 2035
	candidates $sh "progdiff --repo $other 20" >"$tmp/c"
	check "$sh: labels come from the store --repo names" exactly "$tmp/c" 2099
	candidates $sh "progdiff --repo=~/other 20" >"$tmp/c"
	check "$sh: --repo=~/other is the store in \$HOME" exactly "$tmp/c" 2099
	candidates $sh "progdiff --format=" >"$tmp/c"
	if [ $sh = fish ]; then
		check "$sh: 'progdiff --format=' offers the formats" \
			exactly "$tmp/c" --format=text --format=markdown --format=json \
			--format=html --format=docx
	else
		check "$sh: 'progdiff --format=' offers the formats" \
			exactly "$tmp/c" text markdown json html docx
	fi
	candidates $sh "progdiff -f " >"$tmp/c"
	check "$sh: 'progdiff -f ' offers the formats" exactly "$tmp/c" text markdown json html docx
	candidates $sh "progdiff --lang " >"$tmp/c"
	check "$sh: 'progdiff --lang ' offers sv and en" exactly "$tmp/c" sv en
	candidates $sh "progdiff show " >"$tmp/c"
	check "$sh: 'progdiff show ' offers stored versions, not files" \
		exactly "$tmp/c" 2013 2035
	candidates $sh "progdiff help " >"$tmp/c"
	# shellcheck disable=SC2046
	check "$sh: 'progdiff help ' offers the commands" \
		exactly "$tmp/c" $(cat "$tmp/commands")
	candidates $sh "progdiff list --programme " >"$tmp/c"
	check "$sh: --programme offers the stored programmes" exactly "$tmp/c" sodertorn
	candidates $sh "progdiff -- --f" >"$tmp/c"
	check "$sh: after '--' nothing is an option" exactly "$tmp/c"
	for c in $(cat "$tmp/commands"); do
		line="progdiff $c --"
		[ "$c" = diff ] && line="progdiff --"
		candidates $sh "$line" | sed 's/=$//' >"$tmp/c"
		progdiff __options "$c" | awk -F '\t' '$1 != "arg" { print $2 }' >"$tmp/o"
		# shellcheck disable=SC2046
		check "$sh: '$line' offers every option of $c" has "$tmp/c" $(cat "$tmp/o")
	done
done

# --- help and the man page --------------------------------------------

# quiet CMD...: CMD succeeds and prints nothing (what it printed is shown)
quiet() {
	"$@" >"$tmp/.quiet" 2>&1
	_s=$?
	cat "$tmp/.quiet"
	[ $_s = 0 ] && [ ! -s "$tmp/.quiet" ]
}

check "the man page lints clean (mandoc -T lint)" quiet mandoc -T lint "$MAN"
check "the man page renders without warnings (groff -man -ww)" \
	quiet groff -man -ww -z "$MAN"
check "the man page is ASCII (groff escapes for the rest)" \
	eval '! LC_ALL=C grep -n "[^[:print:][:space:]]" "$MAN"'
for s in "EXIT STATUS" ENVIRONMENT FILES EXAMPLES; do
	check "the man page has $s" grep -q "^\.SH \"*$s" "$MAN"
done
sed -n '/^\.SH ENVIRONMENT/,/^\.SH FILES/p' "$MAN" >"$tmp/man.env"
for v in PROGDIFF_REPO NO_COLOR PAGER LC_ALL LANG; do
	check "ENVIRONMENT names $v" grep -q "^\.B.* $v\( \|\$\)" "$tmp/man.env"
done
sed -n '/^\.SH FILES/,/^\.SH EXAMPLES/p' "$MAN" >"$tmp/man.files"
check "FILES names .progdiff and .gitattributes (diff=progdiff)" eval '
	grep -q "^\.B \.progdiff\$" "$tmp/man.files" &&
	grep -q "^\.B \.gitattributes\$" "$tmp/man.files" &&
	grep -q "diff=progdiff" "$tmp/man.files"'
check "EXAMPLES has progdiff 2013 2035" eval '
	sed -n "/^\.SH EXAMPLES/,/^\.SH/p" "$MAN" | grep -qxF "\$ progdiff 2013 2035"'

# man_escape WORD: WORD as the man page writes it ("-" is "\-"), in
# $esc (by the shell alone: it runs for every option)
man_escape() {
	_in=$1
	esc=
	while :; do
		case $_in in
		*-*) esc=$esc${_in%%-*}'\-'; _in=${_in#*-} ;;
		*) break ;;
		esac
	done
	esc=$esc$_in
}

# man_part COMMAND: the man page's source for COMMAND (the diff: OPTIONS)
man_part() {
	if [ "$1" = diff ]; then
		sed -n '/^\.SH OPTIONS/,/^\.SH/p' "$MAN"
	else
		man_escape "$1"
		SS=".SS \"progdiff $esc" awk '
			BEGIN { ss = ENVIRON["SS"] }
			substr($0, 1, length(ss)) == ss &&
			    substr($0, length(ss) + 1, 1) ~ /^[ "]$/ { p = 1; next }
			/^\.S[SH]/ { p = 0 }
			p' "$MAN"
	fi
}

# help_has FILE LONG SHORT: the --help output in FILE lists the option
help_has() {
	if [ "$3" = - ]; then
		grep -Eq -- "^      $2([= ]|\$)" "$1"
	else
		grep -Eq -- "^  $3, $2([= ]|\$)" "$1"
	fi
}

for c in $(cat "$tmp/commands"); do
	progdiff "$c" --help >"$tmp/help.$c" 2>&1
	hs=$?
	progdiff help "$c" >"$tmp/helpcmd.$c" 2>&1
	man_part "$c" >"$tmp/man.$c"
	check "man page has a part for $c" test -s "$tmp/man.$c"
	man_escape "$c"
	check "man page's SYNOPSIS has $c" grep -qxF ".SY \"progdiff $esc\"" "$MAN"
	check "'progdiff $c --help' is its help, status 0" \
		eval '[ $hs = 0 ] && grep -q "^usage: progdiff" "$tmp/help.$c"'
	progdiff __options "$c" >"$tmp/opts.$c"
	while IFS='	' read -r type name short metavar kind choices help; do
		if [ "$type" = arg ]; then
			arg=${metavar%% *}
			check "$c: $arg in --help's usage" grep -q "^usage: .*$arg" "$tmp/help.$c"
			man_escape "$arg"
			check "$c: $arg in the man page" grep -qF -- "$esc" "$tmp/man.$c"
			continue
		fi
		check "$c: $name in 'progdiff $c --help'" help_has "$tmp/help.$c" "$name" "$short"
		check "$c: $name in 'progdiff help $c'" help_has "$tmp/helpcmd.$c" "$name" "$short"
		case $name in --help | --version) [ "$c" != diff ] && continue ;; esac
		man_escape "$name"
		check "$c: $name in the man page" grep -qF -- "$esc" "$tmp/man.$c"
		if [ "$short" != - ]; then
			_long=$esc
			man_escape "$short"
			check "$c: $short, $name in the man page" grep -qF -- \
				"$esc \", \" $_long" "$tmp/man.$c"
		fi
	done <"$tmp/opts.$c"
	# and the other way: each option the man page describes exists
	awk '/^\.TP/ { getline; print }' "$tmp/man.$c" |
		grep -o '\\-\\-[a-z\\-]*[a-z]' | sed 's/\\-/-/g' | sort -u >"$tmp/manopts.$c"
	cut -f2 "$tmp/opts.$c" | sort -u >"$tmp/optnames.$c"
	check "$c: the man page describes no option the program lacks" \
		eval '! comm -23 "$tmp/manopts.$c" "$tmp/optnames.$c" | grep .'
done

# --- make install / uninstall -----------------------------------------

# mk ARG...: make in the sources, with the binary that is built (never
# rebuilt here, whatever flags built it) and none of the outer make's
mk() {
	env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL \
		make -s -C "$ROOT" -o "$BUILD/progdiff" BUILD="$BUILD" "$@"
}

dest=$tmp/dest
check "make install DESTDIR=... PREFIX=/usr" mk DESTDIR="$dest" PREFIX=/usr install
(cd "$dest" 2>/dev/null && find . -type f | sort) >"$tmp/installed"
check "install puts each file in its place, and only those" exactly "$tmp/installed" \
	./usr/bin/progdiff ./usr/include/progdiff.h ./usr/lib/libprogdiff.a \
	./usr/lib/pkgconfig/progdiff.pc ./usr/share/man/man1/progdiff.1 \
	./usr/share/bash-completion/completions/progdiff \
	./usr/share/zsh/vendor-completions/_progdiff \
	./usr/share/fish/vendor_completions.d/progdiff.fish
check "the installed files are the sources" eval '
	cmp "$ROOT/doc/progdiff.1" "$dest/usr/share/man/man1/progdiff.1" &&
	cmp "$ROOT/completions/progdiff.bash" \
		"$dest/usr/share/bash-completion/completions/progdiff" &&
	cmp "$ROOT/completions/_progdiff" \
		"$dest/usr/share/zsh/vendor-completions/_progdiff" &&
	cmp "$ROOT/completions/progdiff.fish" \
		"$dest/usr/share/fish/vendor_completions.d/progdiff.fish" &&
	test -x "$dest/usr/bin/progdiff"'
check "the installed binary runs" eval '
	"$dest/usr/bin/progdiff" --version | grep -q "^progdiff " &&
	status 1 "$dest/usr/bin/progdiff" -q "$OLD" "$NEW"'
check "the installed man page lints clean" \
	quiet mandoc -T lint "$dest/usr/share/man/man1/progdiff.1"
check "bash-completion loads the installed completion on demand" bash -c "
	. /usr/share/bash-completion/bash_completion
	XDG_DATA_DIRS='$dest/usr/share' __load_completion progdiff &&
	complete -p progdiff | grep -q -- '-F _progdiff'"
check "fish finds the installed completion" eval '
	(cd "$store" && XDG_DATA_DIRS="$dest/usr/share" \
		fish -c "complete -C\"progdiff --format=\"") | grep -qx -- --format=json'
check "zsh searches the installed folder, and finds _progdiff there" eval '
	zsh -fc "print -l \$fpath" | grep -qx /usr/share/zsh/vendor-completions &&
	zsh -fc "fpath=(\"$dest/usr/share/zsh/vendor-completions\" \$fpath)
		autoload -Uz compinit; compinit -u -D; print \$_comps[progdiff]" |
		grep -qx _progdiff'
check "make uninstall removes every file" eval '
	mk DESTDIR="$dest" PREFIX=/usr uninstall && [ -z "$(find "$dest" -type f)" ]'
dest=$tmp/dest-local
mk DESTDIR="$dest" install >/dev/null 2>&1
check "PREFIX=/usr/local: zsh's site-functions, which zsh searches" eval '
	test -f "$dest/usr/local/share/zsh/site-functions/_progdiff" &&
	test -x "$dest/usr/local/bin/progdiff" &&
	zsh -fc "print -l \$fpath" | grep -qx /usr/local/share/zsh/site-functions'
check "PREFIX=/usr/local: uninstall removes every file" eval '
	mk DESTDIR="$dest" uninstall && [ -z "$(find "$dest" -type f)" ]'

# --- on a terminal and off it -----------------------------------------

cat >"$tmp/bin/fakepager" <<EOF
#!/bin/sh
# a pager that says it ran, with its arguments and LESS, and shows it all
echo "\$0 \$* LESS=\$LESS" >>'$tmp/paged'
cat
EOF
chmod +x "$tmp/bin/fakepager"
ln -s fakepager "$tmp/bin/less"
D="'$OLD' '$NEW'"   # the diff's arguments, in tty's command lines

check "a terminal: colour" eval 'tty "PAGER= progdiff $D"; esc "$out"'
check "no terminal: no colour" eval 'progdiff "$OLD" "$NEW" >"$out"; ! esc "$out"'
check "a terminal with NO_COLOR: no colour" \
	eval 'tty "NO_COLOR=1 PAGER= progdiff $D"; ! esc "$out"'
check "a terminal with TERM=dumb: no colour, no pager" eval '
	rm -f "$tmp/paged"; TTY_TERM=dumb tty "PAGER=fakepager progdiff $D"
	! esc "$out" && [ ! -f "$tmp/paged" ]'
check "--color=never on a terminal: no colour" \
	eval 'tty "PAGER= progdiff --color=never $D"; ! esc "$out"'
check "--color=always without a terminal: colour" \
	eval 'progdiff --color=always "$OLD" "$NEW" >"$out"; esc "$out"'
check "NO_COLOR does not overrule --color=always" \
	eval 'NO_COLOR=1 progdiff --color=always "$OLD" "$NEW" >"$out"; esc "$out"'
check "--color=sometimes is a usage error" \
	status 2 progdiff --color=sometimes "$OLD" "$NEW"

check "long output on a terminal goes through \$PAGER" eval '
	rm -f "$tmp/paged"; tty "PAGER=fakepager progdiff $D; echo status=\$?"
	grep -q fakepager "$tmp/paged" && grep -q "status=1" "$out" &&
	grep -q 2035 "$out"'
check "without PAGER, the pager is less -FRX" eval '
	rm -f "$tmp/paged"; tty "unset PAGER; progdiff $D"
	grep -q "/less -FRX LESS=FRX\$" "$tmp/paged"'
check "LESS is left as the user set it" eval '
	rm -f "$tmp/paged"; tty "unset PAGER; LESS=-S progdiff $D"
	grep -q "LESS=-S\$" "$tmp/paged"'
check "a PAGER with shell syntax runs through sh" eval '
	rm -f "$tmp/paged"; tty "PAGER=\"fakepager | cat\" progdiff $D"
	grep -q fakepager "$tmp/paged" && grep -q 2035 "$out"'
check "no pager without a terminal" eval '
	rm -f "$tmp/paged"; PAGER=fakepager progdiff "$OLD" "$NEW" >"$out"
	[ ! -f "$tmp/paged" ] && grep -q 2035 "$out"'
check "no pager with --no-pager" eval '
	rm -f "$tmp/paged"; tty "PAGER=fakepager progdiff --no-pager $D"
	[ ! -f "$tmp/paged" ] && grep -q 2035 "$out"'
check "no pager when the output fits on the screen" eval '
	rm -f "$tmp/paged"; ROWS=200 tty "PAGER=fakepager progdiff $D"
	[ ! -f "$tmp/paged" ] && grep -q 2035 "$out"'
check "PAGER=cat and PAGER= write the output as it is" eval '
	tty "PAGER=cat progdiff $D"; grep -q 2035 "$out" &&
	tty "PAGER= progdiff $D"; grep -q 2035 "$out"'
check "a pager that is not there: the output unpaged" eval '
	tty "PAGER=/no/such/pager progdiff $D; echo status=\$?"
	grep -q 2035 "$out" && grep -q "status=1" "$out"'
check "no pager with --quiet, nor into a pipe" eval '
	rm -f "$tmp/paged"; tty "PAGER=fakepager progdiff -q $D"
	PAGER=fakepager progdiff --format=json "$OLD" "$NEW" | cat >/dev/null
	[ ! -f "$tmp/paged" ]'
# a pager that quits before reading it all: the status is the diff's
awk 'BEGIN { print "# Program"; for (i = 0; i < 3000; i++)
	printf "\n## Section number %d of many\n\nText %d.\n", i, i }' >"$tmp/big.md"
printf '# Program\n' >"$tmp/small.md"
check "a pager that quits early is not an error" eval '
	tty "PAGER=\"head -n 1\" progdiff $tmp/small.md $tmp/big.md; echo status=\$?"
	grep -q "status=1" "$out" && ! grep -qi "broken pipe\|progdiff:" "$out"'
check "show and log page too" eval '
	(cd "$store" && rm -f "$tmp/paged" &&
	tty "PAGER=fakepager progdiff show 2035" && grep -q fakepager "$tmp/paged" &&
	rm -f "$tmp/paged" && ROWS=3 tty "PAGER=fakepager progdiff log" &&
	grep -q fakepager "$tmp/paged")'
check "--help is not paged" eval '
	rm -f "$tmp/paged"; ROWS=3 tty "PAGER=fakepager progdiff --help"
	[ ! -f "$tmp/paged" ]'

# --- conventions ------------------------------------------------------

check "an unknown option: short usage, status 2" eval '
	status 2 progdiff --bogus "$OLD" "$NEW" && [ ! -s "$out" ] &&
	grep -q "^progdiff: unknown option .--bogus." "$err" &&
	grep -q "^usage: progdiff \[options\] OLD NEW" "$err" &&
	[ $(wc -l <"$err") -le 4 ]'
check "an unknown short option: status 2" status 2 progdiff -z "$OLD" "$NEW"
check "a missing value: short usage, status 2" eval '
	status 2 progdiff "$OLD" "$NEW" --format &&
	grep -q "needs a value" "$err" && grep -q "^usage: " "$err"'
check "a value for a switch: status 2" status 2 progdiff --details=yes "$OLD" "$NEW"
check "one version only: status 2" status 2 progdiff "$OLD"
check "three versions: status 2" status 2 progdiff "$OLD" "$NEW" "$NEW"
for c in $(cat "$tmp/commands"); do
	# git-diff-driver takes git's seven arguments after its options
	g=
	[ "$c" = git-diff-driver ] && g="a b c 100644 d e 100644"
	check "$c: an unknown option is a usage error that points to help" eval '
		status 2 progdiff "$c" --no-such-option $g &&
		grep -q "^usage: progdiff" "$err" &&
		grep -q "^hint: see .progdiff.*--help" "$err"'
done
check "add: a missing value is a usage error" eval '
	status 2 progdiff add "$OLD" --label && grep -q "^usage: progdiff add" "$err"'
cp "$NEW" "$tmp/-new.md"
check "'--' ends the options" eval '(cd "$tmp" && status 1 progdiff -q -- "$OLD" -new.md)'
check "without '--', -new.md is an option" \
	eval '(cd "$tmp" && status 2 progdiff -q "$OLD" -new.md)'
check "after '--', --quiet is a version" eval '
	(cd "$tmp" && status 2 progdiff -- --quiet "$OLD") &&
	grep -q "^progdiff: --quiet" "$err"'
check "'-' reads NEW from standard input" eval '
	progdiff -f markdown -l sv "$OLD" "$NEW" >"$tmp/files.md"
	progdiff -f markdown -l sv "$OLD" - <"$NEW" >"$out"; [ $? = 1 ] &&
	grep -q "^## F" "$out" && cmp "$tmp/files.md" "$out"'
check "'-' reads OLD from standard input" eval '
	status 1 progdiff -q - "$NEW" <"$OLD" && status 0 progdiff -q - "$OLD" <"$OLD"'
check "'-' twice is a usage error" eval '
	status 2 progdiff - - <"$OLD" && grep -q "standard input" "$err" &&
	grep -q "^usage: " "$err"'
check "check: '-' twice is a usage error" eval '
	status 2 progdiff check - - <"$OLD" && grep -q "^usage: progdiff check" "$err"'
check "--help: on standard output, status 0" eval '
	status 0 progdiff --help && grep -q "^usage: progdiff" "$out" && [ ! -s "$err" ]'
check "--version: status 0" eval '
	status 0 progdiff --version && grep -q "^progdiff [0-9]" "$out"'
check "help COMMAND is COMMAND --help" eval '
	progdiff help add >"$tmp/a" && progdiff add --help >"$tmp/b" && cmp "$tmp/a" "$tmp/b"'
check "help for no such command: status 2" status 2 progdiff help no-such-command

finish
