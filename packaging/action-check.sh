#!/bin/bash
# SPDX-License-Identifier: MIT
# action-check.sh: the check step of the GitHub Action (action.yml). For
# each programme that the pull request adds or changes (the files that
# PROGDIFF_PROGRAMMES, git pathspecs one a line, match and that differ
# between PROGDIFF_BASE and HEAD), it runs `progdiff check` against the
# version on the base, written as workflow commands so that the runner
# annotates the lines, and appends to $GITHUB_STEP_SUMMARY the programme's
# change list (the Förändringar list, in PROGDIFF_LANG) and the rules'
# report. Run at the top of the checkout.
#
# Environment: PROGDIFF_BASE (the base commit; fetched when missing),
# PROGDIFF_PROGRAMMES, PROGDIFF_LANG (sv, en), PROGDIFF_RULES (a rules
# file, else .progdiff), GITHUB_STEP_SUMMARY, RUNNER_TEMP.
# Exit status: 0 when no rule of severity error is broken, 1 when one is,
# 2 on trouble (as progdiff check).
# shellcheck disable=SC2016 # backticks in Markdown, not commands
set -uo pipefail
base=${PROGDIFF_BASE:-}
if [ -z "$base" ]; then
	echo "::error title=progdiff::no base commit: run on pull_request, or give the input base"
	exit 2
fi
lang=${PROGDIFF_LANG:-sv}
summary=${GITHUB_STEP_SUMMARY:-/dev/stdout}
work=$(mktemp -d "${RUNNER_TEMP:-/tmp}/progdiff.XXXXXX")
trap 'rm -rf "$work"' EXIT

if ! git cat-file -e "$base^{commit}" 2>/dev/null; then
	git fetch --no-tags --quiet --depth=1 origin "$base" || {
		echo "::error title=progdiff::cannot fetch the base commit $base"
		exit 2
	}
fi

specs=()
while IFS= read -r p; do
	[ -n "$p" ] && specs+=("$p")
done <<<"${PROGDIFF_PROGRAMMES:-*.md}"
rules=()
[ -z "${PROGDIFF_RULES:-}" ] || rules=(--rules "$PROGDIFF_RULES")

files=()
while IFS= read -r -d '' f; do
	files+=("$f")
done < <(git diff -z --name-only --no-renames --diff-filter=AM \
	"$base" HEAD -- "${specs[@]}")

# the summary's phrases, in the language of the change list
if [ "$lang" = en ]; then
	t_none="No programme is changed by this pull request."
	t_new="new programme: no version on the base branch"
	t_rules="Rules"
else
	t_none="Ingen programtext ändras i denna pull request."
	t_new="nytt program: ingen version på basgrenen"
	t_rules="Regler"
fi

echo "# progdiff" >>"$summary"
if [ ${#files[@]} -eq 0 ]; then
	echo "$t_none" >>"$summary"
	echo "progdiff: no changed programme matches ${specs[*]}"
	exit 0
fi

status=0
n=0
for f in "${files[@]}"; do
	n=$((n + 1))
	old=()
	if git cat-file -e "$base:$f" 2>/dev/null; then
		# the base version as a file, so that this works where libgit2
		# cannot open the checkout (a container's other owner)
		git show "$base:$f" >"$work/$n.md"
		old=("$work/$n.md")
	fi
	{
		echo
		printf '## `%s`\n\n' "$f"
	} >>"$summary"
	if [ ${#old[@]} -eq 1 ]; then
		progdiff --format=markdown --lang="$lang" "${old[0]}" "$f" \
			>"$work/changes.md" 2>"$work/err"
		rc=$?
		if [ "$rc" -le 1 ]; then
			# its "## Förändringar" under the programme's heading
			sed "s/^## /### /" "$work/changes.md" >>"$summary"
		else
			cat "$work/err" >&2
			printf '```\n%s\n```\n' "$(cat "$work/err")" >>"$summary"
		fi
	else
		echo "$t_new" >>"$summary"
	fi
	# annotations: the workflow commands go to the runner on stdout
	progdiff check "${rules[@]}" --format=github "${old[@]}" "$f"
	rc=$?
	progdiff check "${rules[@]}" "${old[@]}" "$f" >"$work/report" 2>&1
	printf '\n### %s\n\n```\n%s\n```\n' "$t_rules" "$(cat "$work/report")" \
		>>"$summary"
	if [ "$rc" -gt 1 ]; then
		sed 's/^progdiff: /::error title=progdiff::/' "$work/report"
		status=2
	elif [ "$rc" -eq 1 ] && [ "$status" -eq 0 ]; then
		status=1
	fi
done
exit "$status"
