#!/usr/bin/env python3
"""json_check.py [--each] FILE...: each file is a progdiff/1 JSON document.

Checks the schema's promises (doc/json.md): the top-level keys, the
version metadata, and for every change its kind, text, paths, lines and,
for changes of a value, old_value/new_value. Exits 1 naming the first
problem; with --each, checks every file and prints "FILE ok" or "FILE:
problem" for each, so that one process checks a whole suite.
"""
import json
import sys

KINDS = {
    "name-changed", "target-year-changed", "period-changed",
    "metadata-changed", "area-added", "area-removed", "area-renamed",
    "area-moved", "goal-added", "goal-removed", "goal-renamed", "goal-moved",
    "goal-changed", "section-added", "section-removed", "section-renamed",
    "section-moved", "section-changed", "term-renamed", "theme-everywhere",
    "preamble-changed", "area-split", "area-merged", "goal-split",
    "goal-merged",
    "target-changed", "indicator-added", "indicator-removed",
    "indicator-changed", "table-header-changed",
}
VALUE_KINDS = {"name-changed", "target-year-changed", "period-changed",
               "term-renamed", "target-changed", "indicator-changed"}
DIRECTIONS = {"stricter", "looser", "unclear"}


class Bad(Exception):
    pass


def fail(path, msg):
    raise Bad(f"{path}: {msg}")


def check_path(path, v, what):
    if v is None:
        return
    if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
        fail(path, f"{what} is neither null nor a list of strings")


TABLE_KINDS = {"indicator-added", "indicator-removed", "indicator-changed",
               "table-header-changed"}


def check_cells(path, v, what):
    if not isinstance(v, list) or not v or \
            not all(isinstance(x, str) for x in v):
        fail(path, f"{what} is not a list of cells (strings)")


def check_table(path, t, what):
    """{ header, old_header?, old_rows, new_rows }: cells, rows as wide
    as their side's header."""
    if not isinstance(t, dict):
        fail(path, f"{what} is not an object")
    check_cells(path, t.get("header"), f"{what}.header")
    if "old_header" in t:
        check_cells(path, t["old_header"], f"{what}.old_header")
    for side, head in (("old_rows", t.get("old_header", t["header"])),
                       ("new_rows", t["header"])):
        rows = t.get(side)
        if not isinstance(rows, list):
            fail(path, f"{what}.{side} is not a list")
        for r in rows:
            check_cells(path, r, f"{what}.{side} row")
            if side == "new_rows" and len(r) != len(head):
                fail(path, f"{what}.{side}: a row of {len(r)} cells "
                     f"under a header of {len(head)}")


def check(path):
    if True:
        with open(path, encoding="utf-8") as f:
            try:
                doc = json.load(f)
            except json.JSONDecodeError as e:
                fail(path, f"not JSON: {e}")
        if doc.get("schema") != "progdiff/1":
            fail(path, "schema is not progdiff/1")
        for side in ("old", "new"):
            m = doc.get(side)
            if not isinstance(m, dict) or "name" not in m or \
                    "target_year" not in m or "period" not in m:
                fail(path, f"{side} lacks name/target_year/period")
        changes = doc.get("changes")
        if not isinstance(changes, list):
            fail(path, "changes is not a list")
        for i, c in enumerate(changes):
            for key in ("kind", "text", "old_path", "new_path",
                        "old_line", "new_line"):
                if key not in c:
                    fail(path, f"change {i} lacks {key}")
            if c["kind"] not in KINDS:
                fail(path, f"change {i}: unknown kind {c['kind']}")
            if not isinstance(c["text"], str) or not c["text"]:
                fail(path, f"change {i}: empty text")
            check_path(path, c["old_path"], "old_path")
            check_path(path, c["new_path"], "new_path")
            for key in ("old_paths", "new_paths"):
                if key in c and (not isinstance(c[key], list) or
                                 len(c[key]) < 2):
                    fail(path, f"change {i}: {key} is not a list of paths")
                for p in c.get(key) or []:
                    check_path(path, p, key)
            if c["kind"].endswith("-split") and "new_paths" not in c:
                fail(path, f"change {i}: a split lacks new_paths")
            if c["kind"].endswith("-merged") and "old_paths" not in c:
                fail(path, f"change {i}: a merge lacks old_paths")
            for key in ("old_line", "new_line"):
                if c[key] is not None and not isinstance(c[key], int):
                    fail(path, f"change {i}: {key} is not an integer")
            if c["kind"] in VALUE_KINDS and \
                    ("old_value" not in c or "new_value" not in c):
                fail(path, f"change {i}: {c['kind']} lacks old/new_value")
            if c["kind"] == "target-changed" and \
                    (c.get("direction") not in DIRECTIONS or "unit" not in c
                     or not isinstance(c.get("goal"), str)):
                fail(path, f"change {i}: target-changed lacks direction, "
                     "unit or goal")
            if "table" in c:
                if c["kind"] not in TABLE_KINDS:
                    fail(path, f"change {i}: a table on {c['kind']}")
                check_table(path, c["table"], f"change {i}: table")
            for k, d in enumerate(c.get("details") or []):
                if "table" in d:
                    check_table(path, d["table"], f"change {i}: details "
                                f"{k}: table")
        total = doc.get("summary", {}).get("total")
        if total != len(changes):
            fail(path, "summary.total differs from the number of changes")


def main():
    each = sys.argv[1:2] == ["--each"]
    status = 0
    for path in sys.argv[2 if each else 1:]:
        try:
            check(path)
            if each:
                print(f"{path} ok")
        except (Bad, OSError) as e:
            print(e)
            status = 1
            if not each:
                break
    sys.exit(status)


main()
