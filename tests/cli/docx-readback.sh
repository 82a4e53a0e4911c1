#!/bin/sh
# docx-readback.sh OLD NEW [LANG]: the Word document of the diff, read back
# by pandoc: its tracked changes (--track-changes=all, one line each), and
# whether accepting them all gives NEW's text and rejecting them OLD's
# (both after the change list, compared with pandoc's reading of the
# Markdown itself). For the golden cases in tests/cli/cases/docx-*.
set -u
old=$1 new=$2 lang=${3:-sv}
SOURCE_DATE_EPOCH=1700000000 progdiff --format=docx --lang="$lang" \
	-o out.docx "$old" "$new"
echo "exit status $?"
pandoc -f docx --track-changes=all -t markdown --wrap=none out.docx |
	grep -o '\[[^]]*\]{\.[a-z]* author="progdiff" date="[^"]*"}'
# the text after the list: from the line that starts the title on
body() {
	awk -v t="$2" 'f || $0 == t { f = 1; print }' "$1"
}
for side in accept:new reject:old; do
	how=${side%%:*} which=${side#*:}
	if [ "$which" = new ]; then md=$new; else md=$old; fi
	pandoc -f markdown -t plain --wrap=none "$md" >"$which.txt"
	pandoc -f docx --track-changes="$how" -t plain --wrap=none out.docx \
		>"$how.txt"
	title=$(head -n 1 "$which.txt")
	if body "$how.txt" "$title" | cmp -s - "$which.txt"; then
		echo "$how: the text of $which, as it is"
	else
		echo "$how: differs from the text of $which:"
		body "$how.txt" "$title" | diff "$which.txt" - | head -20
	fi
done
