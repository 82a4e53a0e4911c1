#!/bin/sh
# test_messages.sh: every message of lib/ and cmd/ has its Swedish in the
# catalogue (lib/messages_sv.c), found by scanning the sources for the
# formats passed to the functions that record or print one
# (messages_check.py), and the catalogue holds nothing the sources no
# longer say. The command line speaks the language asked for.
. "$(dirname "$0")/lib.sh"
suite messages

check "every message has its Swedish" \
	python3 "$ROOT/tests/sh/messages_check.py" "$ROOT"

# a message the scan would miss is caught: a format without an entry
mkdir -p "$tmp/src/lib" "$tmp/src/cmd"
cp "$ROOT/lib/messages_sv.c" "$tmp/src/lib/"
cat >"$tmp/src/cmd/x.c" <<'C'
int f(void) { return cmd_fail("a message without its " "Swedish: %s", s); }
C
check "a format without an entry fails the scan" \
	sh -c '! python3 "$1/tests/sh/messages_check.py" "$2" >"$2/out" &&
	       grep -q "cmd/x.c:1: no Swedish for .a message without its Swedish: %s." "$2/out"' \
	sh "$ROOT" "$tmp/src"

cat >"$tmp/src/cmd/x.c" <<'C'
void f(void) { fprintf(stderr, "progdiff: warning: %s is odd\n", s); }
C
check "words printed straight to stderr fail the scan" \
	sh -c '! python3 "$1/tests/sh/messages_check.py" "$2" >"$2/out" &&
	       grep -q "cmd/x.c:1: .* goes to stderr without the catalogue" "$2/out"' \
	sh "$ROOT" "$tmp/src"

cd "$tmp" || exit 2
progdiff init store >/dev/null 2>&1
# lang_err DESC WANT ARGS...: stderr of `progdiff ARGS` holds WANT
lang_err() {
	_d=$1 _w=$2
	shift 2
	check "$_d" sh -c '"$@" 2>"$0/err"; grep -qF -- "$1" "$0/err" ||
	                   { cat "$0/err"; false; }' "$tmp" "$_w" "$@"
}
lang_err "--lang=sv makes a usage error Swedish" \
	"progdiff: Flaggan '--bogus' finns inte." progdiff --lang=sv --bogus a b
lang_err "-l sv alike" "Flaggan '--bogus' finns inte." progdiff -l sv --bogus a b
lang_err "the locale makes it Swedish" "Flaggan '--bogus' finns inte." \
	env LC_ALL=sv_SE.UTF-8 progdiff --bogus a b
lang_err "LANG when LC_ALL and LC_MESSAGES are unset" "tips: Se 'progdiff --help'." \
	env -u LC_ALL -u LC_MESSAGES LANG=sv_SE.UTF-8 progdiff --bogus a b
lang_err "--lang=en over a Swedish locale" "progdiff: unknown option '--bogus'" \
	env LC_ALL=sv_SE.UTF-8 progdiff --lang=en --bogus a b
lang_err "English by default" "progdiff: unknown option '--bogus'" \
	progdiff --bogus a b
lang_err "an unknown language is a usage error of show" \
	"progdiff: unknown language 'fr' (sv, en)" progdiff show --lang=fr 2040
lang_err "show --lang=sv: a missing version" \
	"Versionen '2040' finns inte: arkivet har inga versioner än." \
	progdiff show --repo store --lang=sv 2040
lang_err "import --lang=sv" "Vilken fil? (FIL saknas.)" progdiff import --lang=sv
lang_err "outline --lang=sv" "Ange en fil i taget." progdiff outline --lang=sv a b
lang_err "init --lang=sv" "För många argument." progdiff init --lang=sv a b
lang_err "add --lang=sv" "Vilken fil? (FIL saknas.)" progdiff add --lang=sv
lang_err "a warning in Swedish" "progdiff: varning: Det finns inga rubriker under titeln" \
	sh -c 'printf "# T\n\ntext\n" >a.md; printf "# T\n\nother\n" >b.md
	       progdiff --lang=sv a.md b.md'
finish
