#!/bin/sh
# test_check.sh: `progdiff check` and `progdiff OLD NEW --update FILE` on
# a policy repository built in a temporary folder: a .progdiff with every
# rule type, a base version, one change that breaks no rule and one that
# breaks each rule once, each committed and checked against the base as
# `base:programme.md`. The text, JSON and GitHub outputs are compared
# with the golden files in tests/check/ (line numbers included); a
# missing golden file is written and fails until reviewed, and
# PD_GOLDEN_WRITE=1 rewrites them all.
#
# Run by tests/run.sh with PROGDIFF (the binary) and ROOT (the source).
set -u
: "${PROGDIFF:?PROGDIFF must name the progdiff binary}"
: "${ROOT:?ROOT must name the source tree}"
GOLDEN=$ROOT/tests/check
LC_ALL=C.UTF-8
export LC_ALL

. "$(dirname "$0")/lib.sh"
suite check
GIT_AUTHOR_NAME=Test GIT_AUTHOR_EMAIL=test@example.org
GIT_COMMITTER_NAME=Test GIT_COMMITTER_EMAIL=test@example.org
GIT_AUTHOR_DATE='2024-01-01T12:00:00Z' GIT_COMMITTER_DATE=$GIT_AUTHOR_DATE
export GIT_AUTHOR_NAME GIT_AUTHOR_EMAIL \
  GIT_COMMITTER_NAME GIT_COMMITTER_EMAIL GIT_AUTHOR_DATE GIT_COMMITTER_DATE

# golden NAME ACTUAL: compare ACTUAL with tests/check/NAME
golden() {
  if [ -n "${PD_GOLDEN_WRITE:-}" ] || [ ! -f "$GOLDEN/$1" ]; then
    cp "$2" "$GOLDEN/$1"
    not_ok "$1: golden file written, review it"
  elif diff -u "$GOLDEN/$1" "$2"; then
    ok "$1"
  else
    not_ok "$1"
  fi
}

repo=$tmp/repo
mkdir "$repo" && cd "$repo" || exit 2
git init -q . || exit 2

cat >.progdiff <<'EOF'
# The rules of this repository, one of each type.
[vocabulary]
	area = (?i)^insatsområde\\b
[rule "year-in-name"]
	title-matches = "20[0-9]{2}"
	message = the programme's name states its target year
[rule "climate-everywhere"]
	every-area-matches = (?i)klimat
	message = every goal area deals with the climate
[rule "has-vision"]
	require-section = ^Vision$
	severity = warning
[rule "no-removed-areas"]
	forbid = area-removed
	message = removing a goal area needs a decision of the board
[rule "changes-listed"]
	changes-in-sync = ^Förändringar$
EOF

cat >programme.md <<'EOF'
# Regionalt utvecklingsprogram 2035

Mållår är 2035. Programmet gäller 2023–2026 och uppdateras varje
mandatperiod.

## Vision

Regionen ska vara en hållbar och sammanhållen plats att leva och
arbeta i.

## Fokusområden

### Infrastruktur

Tvärförbindelser och kollektivtrafik byggs ut. Klimatet styr vilka
investeringar som görs först.

### Utbildning

Skolor och högskolor samarbetar om kompetens. Klimatfrågan finns med i
undervisningen.

### Näringsliv

Företagen får stöd i omställningen till ett klimatneutralt näringsliv.

## Förändringar

- Första versionen av programmet.
EOF
cp programme.md "$tmp/base.md"
git add .progdiff programme.md && git commit -q -m "Base version" &&
  git tag base || exit 2

# edit FROM TO: replace the line FROM (a whole line) by the text TO, in
# the base version; TO may hold \n for more lines
edit() {
  awk -v from="$1" -v to="$2" '
    $0 == from { gsub(/\\n/, "\n", to); print to; next } { print }
  ' "$tmp/base.md"
}

added_area='### Funktionell samordning\n\nKommunerna samordnar planeringen och klimatarbetet.\n\n## Förändringar'
added_area_no_climate='### Funktionell samordning\n\nKommunerna samordnar planeringen.\n\n## Förändringar'

# case NAME STATUS COMMIT-MESSAGE: programme.md as made on stdin, committed
# on a branch of its own, checked against base in each format
case_() {
  name=$1 want=$2 msg=$3
  git checkout -q -B "$name" base &&
    cat >programme.md &&
    git commit -q -a -m "$msg" || { not_ok "$name: commit"; return; }
  for fmt in text json github; do
    "$PROGDIFF" check --format=$fmt base:programme.md programme.md \
      >"$tmp/out" 2>"$tmp/err"
    status=$?
    if [ "$status" -ne "$want" ]; then
      not_ok "$name.$fmt: exit $status, want $want"
      cat "$tmp/err"
      continue
    fi
    golden "$name.$fmt" "$tmp/out"
  done
}

# A change that breaks no rule: a new area, with the climate, listed.
edit '## Förändringar' "$added_area" |
  sed 's/^- Första versionen av programmet\.$/- Nytt fokusområde: Funktionell samordning./' |
  case_ none 0 "Add a goal area"

# The name loses its target year (and the list says so).
edit '# Regionalt utvecklingsprogram 2035' '# Regionalt utvecklingsprogram' |
  sed 's/^- Första versionen av programmet\.$/- Namnet är nu Regionalt utvecklingsprogram./' |
  case_ title 1 "Drop the year from the name"

# A new area that does not deal with the climate.
edit '## Förändringar' "$added_area_no_climate" |
  sed 's/^- Första versionen av programmet\.$/- Nytt fokusområde: Funktionell samordning./' |
  case_ area 1 "Add a goal area without the climate"

# The vision goes (a warning only: exit 0).
awk 'NR < 6 || NR > 10' "$tmp/base.md" |
  sed 's/^- Första versionen av programmet\.$/- Avsnittet Vision har tagits bort./' |
  case_ section 0 "Remove the vision"

# A goal area goes, which needs a decision.
awk '!/^### Näringsliv$/ && !/klimatneutralt näringsliv/' "$tmp/base.md" |
  cat -s |
  sed 's/^- Första versionen av programmet\.$/- Fokusområdet Näringsliv har tagits bort./' |
  case_ forbid 1 "Remove a goal area"

# A new area, but the document's own list does not mention it.
edit '## Förändringar' "$added_area" |
  case_ sync 1 "Add a goal area without listing it"

# One version alone: the rules about changes are skipped.
git checkout -q base
for fmt in text json github; do
  "$PROGDIFF" check --format=$fmt programme.md >"$tmp/out" 2>"$tmp/err"
  status=$?
  if [ "$status" -ne 0 ]; then
    not_ok "alone.$fmt: exit $status, want 0"
    cat "$tmp/err"
    continue
  fi
  golden "alone.$fmt" "$tmp/out"
done

# --rules names another file; quiet gives the status alone.
cd "$tmp" || exit 2
"$PROGDIFF" check --rules "$repo/.progdiff" -q "$tmp/base.md" \
  "$repo/programme.md" >"$tmp/out" 2>&1
check "--rules FILE outside the repository, -q" \
  test $? -eq 0 -a ! -s "$tmp/out"
"$PROGDIFF" check "$tmp/base.md" >"$tmp/out" 2>"$tmp/err"
check "no .progdiff: exit 2" test $? -eq 2
check "no .progdiff: says where it looked, and how to name one" \
  grep -q "no .progdiff in '.*'" "$tmp/err"
check "no .progdiff: hint" grep -q -- "--rules FILE" "$tmp/err"
"$PROGDIFF" check --format=xml --rules "$repo/.progdiff" "$tmp/base.md" \
  >/dev/null 2>"$tmp/err"
check "unknown format: exit 2" test $? -eq 2
cd "$repo" || exit 2

# ------------------------------------------------------------------
# Untrusted patterns

printf '[rule "broken"]\n\ttitle-matches = (a+\n' >"$tmp/broken"
"$PROGDIFF" check --rules "$tmp/broken" programme.md >"$tmp/out" 2>"$tmp/err"
check "invalid pattern: exit 2" test $? -eq 2
check "invalid pattern: the rule and the offset" \
  grep -q "rule 'broken': invalid pattern '(a+' at offset 3" "$tmp/err"
check "invalid pattern: one line" test "$(wc -l <"$tmp/err")" -eq 1
awk 'BEGIN { s = ""; for (i = 0; i < 5000; i++) s = s "("
  printf "[rule \"parens\"]\n\ttitle-matches = %s\n", s }' >"$tmp/parens"
"$PROGDIFF" check --rules "$tmp/parens" programme.md >"$tmp/out" 2>"$tmp/err"
check "5,000 parentheses: the pattern is cut to 80 characters" \
  grep -q "rule 'parens': invalid pattern '(\{77\}\.\.\.' at offset" \
  "$tmp/err"
check "5,000 parentheses: one short line" \
  test "$(wc -l <"$tmp/err")" -eq 1 -a "$(wc -c <"$tmp/err")" -lt 400

# 50 KB of "aaa…ab" runs: each position stays under PCRE2's match limit,
# all of them together would take minutes
runs=$(awk 'BEGIN { r = "aaaaaaaaaaaaaaab"; s = r
  for (i = 1; i < 3125; i++) s = s r; print s }')
printf '# Program 2035\n\n## Fokusområden\n\n### Luft\n\n%s\n\n### %s\n\nText.\n' \
  "$runs" "$runs" >"$tmp/long.md"
# runaway RULE-TYPE: check long.md with the rule `(a+)+$`; sets status, ms
runaway() {
  printf '[rule "runaway"]\n\t%s = (a+)+$\n' "$1" >"$tmp/runaway"
  cpu_ms start
  timeout 20 "$PROGDIFF" check --rules "$tmp/runaway" "$tmp/long.md" \
    >"$tmp/out" 2>"$tmp/err"
  status=$?
  cpu_ms end
  ms=$((end - start))
  echo "     ($1: runaway pattern stopped after $ms ms of CPU time)"
}
runaway every-area-matches
check "runaway pattern on a long text: exit 2" test "$status" -eq 2
check "runaway pattern on a long text: names the rule and the area" \
  grep -q "progdiff: rule 'runaway': pattern takes too long on goal area" \
  "$tmp/err"
check "runaway pattern on a long text: within a second" \
  test "$ms" -lt $((1000 * ${PD_TIME_SCALE:-1}))
runaway require-section
check "runaway pattern on a long heading: exit 2" test "$status" -eq 2
check "runaway pattern on a long heading: names the rule and the heading" \
  grep -q "progdiff: rule 'runaway': pattern takes too long on heading" \
  "$tmp/err"
check "runaway pattern on a long heading: within a second" \
  test "$ms" -lt $((1000 * ${PD_TIME_SCALE:-1}))

# ------------------------------------------------------------------
# The vocabulary reaches the parser, for check and for the diff

git checkout -q base
printf '\n## Insatsområde: Grönstruktur\n\nParker och natur, och klimatet.\n' \
  >>programme.md
"$PROGDIFF" --format=json base:programme.md programme.md >"$tmp/out"
check "vocabulary: the diff sees a goal area" \
  grep -q '"kind": "area-added"' "$tmp/out"
"$PROGDIFF" check --format=json base:programme.md programme.md >"$tmp/out"
check "vocabulary: check sees a goal area" \
  grep -q '"kind": "area-added"' "$tmp/out"
git checkout -q programme.md
printf '[vocabulary]\n\tarea = (?<x\n' >"$tmp/badvocab"
"$PROGDIFF" check --rules "$tmp/badvocab" programme.md >/dev/null 2>"$tmp/err"
check "invalid vocabulary: exit 2" test $? -eq 2
check "invalid vocabulary: names the key" grep -q "vocabulary.area" "$tmp/err"

# ------------------------------------------------------------------
# --update

upd=$tmp/update
mkdir "$upd" || exit 2
sectioned=$upd/present.md
edit '## Förändringar' "$added_area" >"$sectioned"
cp "$sectioned" "$upd/before.md"
"$PROGDIFF" -q "$tmp/base.md" "$sectioned" --update "$sectioned"
check "update, section present: exit 1 (there are changes)" test $? -eq 1
head_lines=$(grep -n '^## Förändringar$' "$upd/before.md" | cut -d: -f1)
head -n "$head_lines" "$upd/before.md" >"$upd/a"
head -n "$head_lines" "$sectioned" >"$upd/b"
check "update, section present: every byte before it kept" cmp -s "$upd/a" "$upd/b"
tail -n +$((head_lines + 1)) "$sectioned" >"$upd/body"
printf '\n- Programmet har fått ett nytt målområde, ”Funktionell samordning”.\n' >"$upd/want"
check "update, section present: the body is the list" \
  diff -u "$upd/want" "$upd/body"
"$PROGDIFF" check -q "$tmp/base.md" "$sectioned"
check "update: the document now passes changes-in-sync" test $? -eq 0
ls -i "$sectioned" >"$upd/inode1"
cksum <"$sectioned" >"$upd/sum1"
touch "$upd/stamp"
"$PROGDIFF" -q "$tmp/base.md" "$sectioned" --update "$sectioned"
ls -i "$sectioned" >"$upd/inode2"
cksum <"$sectioned" >"$upd/sum2"
check "update, second run: same bytes" cmp -s "$upd/sum1" "$upd/sum2"
check "update, second run: not rewritten" \
  test -z "$(find "$sectioned" -newer "$upd/stamp")" -a \
  "$(cat "$upd/inode1")" = "$(cat "$upd/inode2")"
check "update: no temporary file left" \
  test "$(ls -A "$upd" | grep -c progdiff)" -eq 0

# a section in the middle: what follows it is kept too
mid=$upd/middle.md
{ cat "$tmp/base.md"; printf '\n## Bilaga\n\n*  Oförändrad  *\n'; } >"$mid"
cp "$mid" "$upd/before.md"
"$PROGDIFF" -q "$tmp/base.md" "$mid" --update "$mid"
awk '/^## Bilaga$/ { on = 1 } on' "$upd/before.md" >"$upd/a"
awk '/^## Bilaga$/ { on = 1 } on' "$mid" >"$upd/b"
check "update, section in the middle: what follows it kept byte for byte" \
  cmp -s "$upd/a" "$upd/b"
check "update, section in the middle: the next heading still follows" \
  grep -q '^## Bilaga$' "$upd/b"

absent=$upd/absent.md
edit '## Förändringar' '### Funktionell samordning\n\nKommunerna samordnar klimatarbetet.\n\n## Slut' |
  awk '/^## Slut$/ { exit } { print }' >"$absent"
printf 'Sista raden utan radslut.' >>"$absent"
cp "$absent" "$upd/before.md"
"$PROGDIFF" -q "$tmp/base.md" "$absent" --update "$absent" --section Ändringar
size=$(wc -c <"$upd/before.md")
head -c "$size" "$absent" >"$upd/a"
check "update, section absent: the file kept byte for byte" \
  cmp -s "$upd/before.md" "$upd/a"
tail -c +$((size + 1)) "$absent" >"$upd/tail"
printf '\n\n## Ändringar\n\n- Programmet har fått ett nytt målområde, ”Funktionell samordning”.\n' \
  >"$upd/want"
check "update, section absent: appended at the end" \
  diff -u "$upd/want" "$upd/tail"
cp "$absent" "$upd/once"
"$PROGDIFF" -q "$tmp/base.md" "$absent" --update "$absent" --section Ändringar
check "update, appended: a second run changes nothing" cmp -s "$upd/once" "$absent"

twice=$upd/twice.md
{ cat "$sectioned"; printf '\n## Förändringar\n\n- Igen.\n'; } >"$twice"
cp "$twice" "$upd/before.md"
"$PROGDIFF" -q "$tmp/base.md" "$sectioned" --update "$twice" 2>"$upd/err"
check "update, section twice: exit 2" test $? -eq 2
check "update, section twice: a clear error" \
  grep -q "twice.md: section 'Förändringar' appears twice, at lines" "$upd/err"
check "update, section twice: file untouched" cmp -s "$upd/before.md" "$twice"

crlf=$upd/crlf.md
awk '{ printf "%s\r\n", $0 }' "$upd/present.md" |
  sed 's/^- Programmet har fått ett nytt målområde, ”Funktionell samordning”\.\r$/- Gammalt./' >"$crlf"
"$PROGDIFF" -q "$tmp/base.md" "$crlf" --update "$crlf"
lines=$(wc -l <"$crlf")
cr=$(grep -c "$(printf '\r')\$" "$crlf")
check "update, CRLF: every line still ends CRLF" test "$lines" -eq "$cr"
check "update, CRLF: the list written" \
  grep -q "^- Programmet har fått ett nytt målområde, ”Funktionell samordning”\.$(printf '\r')\$" "$crlf"
cp "$crlf" "$upd/once"
"$PROGDIFF" -q "$tmp/base.md" "$crlf" --update "$crlf"
check "update, CRLF: a second run changes nothing" cmp -s "$upd/once" "$crlf"

# the list written into NEW itself, under a name of its own: that
# section is the document's list, not a change to list
self=$upd/self.md
edit '## Förändringar' "$added_area" |
  awk '/^## Förändringar$/ { exit } { print }' >"$self"
"$PROGDIFF" -q "$tmp/base.md" "$self" --update "$self" --section "Våra ändringar"
check "update into NEW: only the change, not the list itself" \
  test "$(grep -c '^- ' "$self")" -eq 1
cp "$self" "$upd/once"
"$PROGDIFF" -q "$tmp/base.md" "$self" --update "$self" --section "Våra ändringar"
check "update into NEW: a second run changes nothing" cmp -s "$upd/once" "$self"

chmod 640 "$sectioned"
sed 's/^- Nytt målområde.*/- Gammalt./' "$sectioned" >"$upd/x" &&
  cat "$upd/x" >"$sectioned"
"$PROGDIFF" -q "$tmp/base.md" "$sectioned" --update "$sectioned"
check "update: the mode is kept" \
  test "$(ls -l "$sectioned" | cut -c1-10)" = "-rw-r-----"

"$PROGDIFF" -q "$tmp/base.md" "$sectioned" --update "$upd/missing.md" \
  2>"$upd/err"
check "update, missing file: exit 2" test $? -eq 2
check "update, missing file: not created" test ! -e "$upd/missing.md"
"$PROGDIFF" -q "$tmp/base.md" "$sectioned" --section X 2>"$upd/err"
check "--section without --update: usage error" test $? -eq 2

# An edit of the introduction alone is a change: a rule that forbids it
# fails, and the diff and the git driver see it as check does.
pre=$tmp/preamble
mkdir "$pre" && cd "$pre" && git init -q . || exit 2
printf '[rule "introduction"]\n\tforbid = preamble-changed\n' >.progdiff
sed 's/^Mållår är 2035\./Mållår är 2035. Programmet gäller bara tätorterna./' \
  "$tmp/base.md" >"$pre/narrowed.md"
"$PROGDIFF" check "$tmp/base.md" "$pre/narrowed.md" >"$pre/out" 2>&1
check "check: an edited introduction fails forbid = preamble-changed" \
  test $? -eq 1
check "check: and names the rule" grep -q introduction "$pre/out"
"$PROGDIFF" -q "$tmp/base.md" "$pre/narrowed.md"
check "diff: an edited introduction is a change (exit 1)" test $? -eq 1
"$PROGDIFF" --format=json "$tmp/base.md" "$pre/narrowed.md" >"$pre/json"
check "diff: JSON says preamble-changed" grep -q '"preamble-changed"' "$pre/json"
"$PROGDIFF" check "$tmp/base.md" "$tmp/base.md" >"$pre/out" 2>&1
check "check: the same introduction passes" test $? -eq 0
cd "$tmp" || exit 2

finish
