#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Judge progdiff's JSON on one real case against the case's expected.json.

usage: score.py PROGDIFF CASE_DIR...

Each CASE_DIR is judged in turn, in this one process (starting Python
costs more than judging a case). expected.json is an array of pairs {old, new, changes, must_not,
neutral_kinds?, notes?}. For each pair this runs

    PROGDIFF --format=json --lang=en CASE_DIR/OLD.md CASE_DIR/NEW.md

and the pair passes when every change that is not optional was reported
(itself, or all the changes of one of its equivalents) and no must_not
entry was. It prints "ok   real/CASE OLD -> NEW" or "FAIL ..." followed by
what was missed and what was forbidden, and exits 1 when a pair failed.

Before that it checks expected.json itself against the versions, on the
line "ok   real/CASE expected.json": every heading, list item and name an
entry gives exists in the version it belongs to, and the text-changed
entries are exhaustive: a section whose heading is the same on both sides
has an entry when its own text differs, and a required one only then (the
preamble likewise). The items of a goal area with no ### are its goals,
not its text; items under a ### are the text of that goal.

How a report is read:
  * area-*, goal-* and section-* reports name the same units: a heading is
    a heading whether progdiff calls it a goal area, a goal or a section;
  * every *-changed report of a section's text is a text-changed, and one
    without a section (preamble-changed) is the preamble's;
  * a heading matches when it is equal after trimming, folding case and
    dropping a trailing full stop or colon, also when one side carries a
    numbering prefix ("Priority 2:", "2.1", "3.") that the other lacks;
  * a split (old_path, new_paths) or merge (old_paths, new_path) stands for
    the renames from each old part to each new one, and, for the required
    changes only, for the removal of the old parts and the addition of the
    new ones.
"""
import json
import os
import re
import subprocess
import sys
import unicodedata

UNIT_KINDS = ("area-", "goal-", "section-")
VERBS = ("added", "removed", "renamed", "moved")
# a numbering prefix: "Priority Action 2:", "Goal 3 –", "2.1", "4.", "(b)"
NUMBERING = re.compile(
    r"^(?:[^\W\d_]+(?:\s+[^\W\d_]+)?\s+)?(?:\d+(?:\.\d+)*|\(?[a-z]\))[.:)]?\s*(?:[-\u2013\u2014:]\s*)?",
    re.UNICODE)


def fold(text):
    text = unicodedata.normalize("NFC", str(text))
    text = re.sub(r"\s+", " ", text).strip().rstrip(".:").strip()
    return text.replace("\u2013", "-").replace("\u2014", "-").casefold()


def forms(text):
    """A heading's folded form, and the form without its numbering."""
    whole = fold(text)
    bare = NUMBERING.sub("", whole, count=1).strip()
    return {whole, bare} if bare else {whole}


class Report:
    """One reported change, in the vocabulary of expected.json."""

    def __init__(self, kind, old, new):
        self.kind = kind  # unit-VERB, text, name-changed, ...
        self.old = old    # set of folded names, or None
        self.new = new


def names(path, value):
    out = set()
    if isinstance(path, list) and path:
        out |= forms(path[-1])
    if isinstance(value, str) and value:
        out |= forms(value)
    return out or None


def read_reports(change, required):
    """The Report objects that one JSON change stands for."""
    kind = change.get("kind", "")
    old = names(change.get("old_path"), change.get("old_value"))
    new = names(change.get("new_path"), change.get("new_value"))
    if kind in ("name-changed", "target-year-changed", "period-changed"):
        def val(v):
            return {fold(v)} if v is not None else set()
        return [Report(kind, val(change.get("old_value")), val(change.get("new_value")))]
    verb = kind.rsplit("-", 1)[-1]
    if kind.endswith(("-split", "-merged")):
        olds = change.get("old_paths") or [change.get("old_path")]
        news = change.get("new_paths") or [change.get("new_path")]
        olds = [names(p, None) for p in olds if p]
        news = [names(p, None) for p in news if p]
        out = [Report("unit-renamed", o, n) for o in olds for n in news]
        if required:
            out += [Report("unit-removed", o, None) for o in olds]
            out += [Report("unit-added", None, n) for n in news]
        return out
    if kind.startswith(UNIT_KINDS) and verb in VERBS:
        return [Report("unit-" + verb, old, new)]
    if kind.endswith("-changed"):
        if old is None and new is None:
            return [Report("preamble", None, None)]
        return [Report("text", old, new)]
    return [Report(kind, old, new)]


def expected_kind(entry):
    kind = entry["kind"]
    if kind == "text-changed":
        return "preamble" if entry.get("old") is None and entry.get("new") is None else "text"
    for prefix in ("area-", "goal-"):
        if kind.startswith(prefix):
            return "unit-" + kind[len(prefix):]
    return kind


def side_matches(want, got, value_kind):
    if want is None:
        return True
    if not got:
        return False
    if value_kind:
        return fold(want) in got
    return bool(forms(want) & got)


def matches(entry, report):
    kind = expected_kind(entry)
    if kind != report.kind:
        return False
    if entry.get("any"):
        return True
    value_kind = kind in ("name-changed", "target-year-changed", "period-changed")
    if value_kind:
        return (side_matches(entry.get("old"), report.old, True) and
                side_matches(entry.get("new"), report.new, True))
    if kind == "preamble":
        return True
    if kind == "text":
        # a text change is named by its section's heading on either side
        heading = entry.get("new") or entry.get("old")
        return (side_matches(heading, report.new, False) or
                side_matches(heading, report.old, False))
    return (side_matches(entry.get("old"), report.old, False) and
            side_matches(entry.get("new"), report.new, False))


def found(entry, reports):
    if any(matches(entry, r) for r in reports):
        return True
    for alternative in entry.get("equivalents", []):
        if all(any(matches(e, r) for r in reports) for e in alternative):
            return True
    return False


# ---- expected.json against the files ----------------------------------

HEADING = re.compile(r"^ {0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(.*\S)\s*$")


class Version:
    """The headings, list items and section texts of one Markdown file.

    A section's own text is its words up to the next heading; the items of
    a goal area (## with no ### beneath) are its goals, not its text."""

    def __init__(self, path):
        with open(path, encoding="utf-8") as f:
            lines = f.read().split("\n")
        self.title = None
        self.headings = []
        self.items = set()
        sections = []  # [level, heading, words, words outside list items]
        current = [0, "\0before the title", [], []]
        for line in lines:
            m = HEADING.match(line)
            if m:
                sections.append(current)
                level, heading = len(m.group(1)), m.group(2)
                if level == 1 and self.title is None:
                    self.title, heading = heading, None
                else:
                    self.headings.append(heading)
                current = [level, heading, [], []]
                continue
            item = ITEM.match(line)
            if item:
                self.items.add(item.group(1))
            current[2].extend(line.split())
            if not item:
                current[3].extend(line.split())
        sections.append(current)
        self.text = {}  # heading -> words of its own text; None for the preamble
        for i, (level, heading, words, prose) in enumerate(sections):
            nested = i + 1 < len(sections) and sections[i + 1][0] > level
            goal_area = level == 2 and not nested
            self.text.setdefault(heading, prose if goal_area else words)

    def has(self, name):
        return name in self.headings or name in self.items


def validate(case_dir, pairs):
    problems = []
    for pair in pairs:
        where = "%s -> %s" % (pair["old"], pair["new"])
        old = Version(os.path.join(case_dir, pair["old"] + ".md"))
        new = Version(os.path.join(case_dir, pair["new"] + ".md"))

        def check(entry, what):
            kind = entry["kind"]
            for side, version in (("old", old), ("new", new)):
                name = entry.get(side)
                if name is None or kind in ("target-year-changed", "period-changed"):
                    continue
                ok = name == version.title if kind == "name-changed" else version.has(name)
                if not ok:
                    problems.append("%s: %s %s names %r, not in %s" % (where, what, kind, name, pair[side]))

        for entry in pair["changes"]:
            check(entry, "change")
            for alternative in entry.get("equivalents", []):
                for e in alternative:
                    check(e, "equivalent")
        for entry in pair["must_not"]:
            check(entry, "must_not")
        texts = [e for e in pair["changes"] if e["kind"] == "text-changed"]
        listed = {e.get("new") or e.get("old") for e in texts}
        required = {e.get("new") or e.get("old") for e in texts if not e.get("optional")}
        same = [h for h in old.headings if old.headings.count(h) == 1 and new.headings.count(h) == 1]
        for heading in [None] + same:
            differs = old.text.get(heading) != new.text.get(heading)
            label = "the preamble" if heading is None else "section %r" % heading
            if differs and heading not in listed:
                problems.append("%s: the text of %s differs, and no text-changed entry says so" % (where, label))
            if not differs and heading in required:
                problems.append("%s: a text-changed entry for %s, whose text is the same" % (where, label))
    return problems


def describe(entry):
    return "%s %s -> %s" % (entry["kind"], json.dumps(entry.get("old"), ensure_ascii=False),
                            json.dumps(entry.get("new"), ensure_ascii=False))


def judge(progdiff, case_dir, pair):
    """(ok, lines) for one pair."""
    old = os.path.join(case_dir, pair["old"] + ".md")
    new = os.path.join(case_dir, pair["new"] + ".md")
    run = subprocess.run([progdiff, "--format=json", "--lang=en", old, new],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if run.returncode not in (0, 1):
        return False, ["progdiff exited %d: %s" % (run.returncode, run.stderr.decode(errors="replace").strip())]
    try:
        changes = json.loads(run.stdout.decode("utf-8"))["changes"]
    except (ValueError, KeyError) as e:
        return False, ["no JSON change list: %s" % e]
    required = [r for c in changes for r in read_reports(c, True)]
    direct = [r for c in changes for r in read_reports(c, False)]
    lines = []
    for entry in pair["changes"]:
        if not entry.get("optional") and not found(entry, required):
            lines.append("missed: " + describe(entry))
    if changes and run.returncode != 1:
        lines.append("exit status %d with %d changes" % (run.returncode, len(changes)))
    for entry in pair["must_not"]:
        if any(matches(entry, r) for r in direct):
            lines.append("forbidden: " + describe(entry))
    return not lines, lines


def score(progdiff, case_dir):
    """Judge one case, printing a line per verdict; the failures."""
    case = os.path.basename(os.path.normpath(case_dir))
    with open(os.path.join(case_dir, "expected.json"), encoding="utf-8") as f:
        pairs = json.load(f)
    failed = 0
    problems = validate(case_dir, pairs)
    print(("FAIL " if problems else "ok   ") + "real/%s expected.json" % case)
    for line in problems:
        print("    " + line)
    failed += bool(problems)
    for pair in pairs:
        ok, lines = judge(progdiff, case_dir, pair)
        label = "real/%s %s -> %s" % (case, pair["old"], pair["new"])
        print(("ok   " if ok else "FAIL ") + label)
        for line in lines:
            print("    " + line)
        failed += not ok
    return failed


def main(argv):
    if len(argv) < 3:
        sys.stderr.write("usage: score.py PROGDIFF CASE_DIR...\n")
        return 2
    failed = 0
    for case_dir in argv[2:]:
        try:
            failed += score(argv[1], case_dir)
        except Exception as e:  # a crash is the case's failure, not the run's
            print("FAIL real/%s: %s: %s" % (
                os.path.basename(os.path.normpath(case_dir)),
                type(e).__name__, e))
            failed += 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
