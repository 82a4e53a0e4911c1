#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""score.py: score progdiff's JSON change list against a generated truth.

    score.py TRUTH.tsv CHANGES.json CASE

TRUTH.tsv is written by gen.c: kind, old heading, new heading, flags, old
line, new line (value kinds carry the old and new value in the heading
columns). A reported change counts as a true positive when it has the
truth's kind and names the same sections: the last element of old_path
and new_path (headings as written), or, when the truth says
"# match: lines", the same heading lines. Pairing is one to one (a
multiset), so two reports of one change count one hit and one false
positive.

Kinds that are scored: those in the truth. A reported kind that the
generator never produces (goal-added under a new area, section-changed,
...) is counted but not scored. Two allowances, both by the design:

- an area that was renamed *and* moved may also be reported as moved
  (flag "moved" in the truth): that report is neither a hit nor a miss;
- goal-changed is produced by the word edits; a goal whose area was
  renamed or moved may legitimately show one too, so goal-changed is
  scored for recall only.

Prints Markdown table rows "| CASE | kind | truth | reported | hits |
precision | recall |", then a line "split-renames: N" (truth renames
reported as a removal plus an addition) and "score: ok" or "score: FAIL
(...)" against the issue's bar: precision and recall >= 0.98 for
area-added/removed/renamed/moved, goal-moved and goal-renamed, and no
split renames.
"""
import json
import sys
from collections import Counter, defaultdict

TARGET_KINDS = ("area-added", "area-removed", "area-renamed", "area-moved",
                "goal-moved", "goal-renamed")
VALUE_KINDS = ("name-changed", "target-year-changed", "period-changed",
               "metadata-changed", "term-renamed", "theme-everywhere")
RECALL_ONLY = ("goal-changed",)


def norm(s):
    return " ".join(str(s).split()).casefold() if s is not None else ""


def last(path):
    if not path:
        return ""
    return path[-1]


def read_truth(path):
    rows, by_line = [], False
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("#"):
                if line.strip() == "# match: lines":
                    by_line = True
                continue
            if not line:
                continue
            cols = line.split("\t")
            cols += [""] * (6 - len(cols))
            kind, old, new, flags, ol, nl = cols[:6]
            rows.append({"kind": kind, "old": old, "new": new,
                         "flags": flags.split(",") if flags else [],
                         "old_line": int(ol or 0), "new_line": int(nl or 0)})
    return rows, by_line


def key_truth(t, by_line):
    k = t["kind"]
    if k in VALUE_KINDS:
        if k == "theme-everywhere":
            return (k, "", norm(t["new"]))
        return (k, norm(t["old"]), norm(t["new"]))
    if by_line:
        return (k, t["old_line"], t["new_line"])
    return (k, norm(t["old"]), norm(t["new"]))


def key_change(c, by_line):
    k = c.get("kind", "")
    if k in VALUE_KINDS:
        if k == "theme-everywhere":
            # the theme is the new value or, failing that, in the text
            v = c.get("new_value")
            return (k, "", norm(v if v is not None else c.get("text")))
        return (k, norm(c.get("old_value")), norm(c.get("new_value")))
    if by_line:
        return (k, c.get("old_line") or 0, c.get("new_line") or 0)
    return (k, norm(last(c.get("old_path"))), norm(last(c.get("new_path"))))


def main():
    if len(sys.argv) != 4:
        sys.exit("usage: score.py TRUTH.tsv CHANGES.json CASE")
    truth, by_line = read_truth(sys.argv[1])
    case = sys.argv[3]
    try:
        with open(sys.argv[2], encoding="utf-8") as f:
            doc = json.load(f)
        changes = doc["changes"]
    except (OSError, ValueError, KeyError, TypeError) as e:
        print("| %s | (no JSON: %s) | | | | | |" % (case, str(e)[:60]))
        print("split-renames: ?")
        print("score: FAIL (no JSON change list)")
        return 1

    tkeys = defaultdict(Counter)
    for t in truth:
        tkeys[t["kind"]][key_truth(t, by_line)] += 1
    # renamed-and-moved areas: a move report for the pair is allowed
    allowed_moves = Counter()
    for t in truth:
        if t["kind"] == "area-renamed" and "moved" in t["flags"]:
            kt = key_truth(t, by_line)
            allowed_moves[("area-moved",) + kt[1:]] += 1

    ckeys = defaultdict(Counter)
    for c in changes:
        kc = key_change(c, by_line)
        if kc[0] == "area-moved" and allowed_moves[kc] > 0:
            allowed_moves[kc] -= 1
            continue
        ckeys[kc[0]][kc] += 1

    # a truth (area|goal)-renamed reported as removed + added
    removed = Counter()
    added = Counter()
    for c in changes:
        k = c.get("kind", "")
        if k.endswith("-removed"):
            removed[(k.split("-")[0], norm(last(c.get("old_path"))),
                     c.get("old_line") or 0)] += 1
        elif k.endswith("-added"):
            added[(k.split("-")[0], norm(last(c.get("new_path"))),
                   c.get("new_line") or 0)] += 1
    rem_h = Counter({(a, h): n for (a, h, _), n in removed.items()})
    add_h = Counter({(a, h): n for (a, h, _), n in added.items()})
    split = 0
    for t in truth:
        if not t["kind"].endswith("-renamed"):
            continue
        what = t["kind"].split("-")[0]
        if what not in ("area", "goal", "section"):
            continue
        if by_line:
            hit = (removed[(what, norm(t["old"]), t["old_line"])] and
                   added[(what, norm(t["new"]), t["new_line"])])
        else:
            hit = rem_h[(what, norm(t["old"]))] and add_h[(what,
                                                           norm(t["new"]))]
        if hit:
            split += 1

    failures = []
    kinds = sorted(set(tkeys) | set(k for k in ckeys if k in tkeys or
                                     k in TARGET_KINDS))
    for k in kinds:
        tk, ck = tkeys.get(k, Counter()), ckeys.get(k, Counter())
        nt, nc = sum(tk.values()), sum(ck.values())
        hits = sum((tk & ck).values())
        prec = hits / nc if nc else (1.0 if nt == 0 else 0.0)
        rec = hits / nt if nt else 1.0
        pstr = "%.3f" % prec if nc or nt else "-"
        if k in RECALL_ONLY:
            pstr = "(n/a)"
        print("| %s | %s | %d | %d | %d | %s | %.3f |" %
              (case, k, nt, nc, hits, pstr, rec))
        if k in TARGET_KINDS and (nt or nc) and (prec < 0.98 or rec < 0.98):
            failures.append(k)
    other = Counter()
    for k, ck in ckeys.items():
        if k not in kinds:
            other[k] += sum(ck.values())
    if other:
        print("| %s | other: %s | | | | | |" % (case, ", ".join(
            "%s %d" % kv for kv in sorted(other.items()))))
    print("split-renames: %d" % split)
    if split:
        failures.append("%d renames split into remove+add" % split)
    if failures:
        print("score: FAIL (%s)" % "; ".join(failures))
        return 1
    print("score: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
