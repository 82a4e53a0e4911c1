#!/usr/bin/env python3
# check_output.py KIND FILE: does a command's output pass KIND?
# check_output.py --many LIST: the same for every line "NAME KIND FILE" of
# LIST, in one process; prints "NAME ok" or "NAME <the problem>" for each.
#   noctl  no control character (C0 but '\n', DEL, C1) in it, and UTF-8
#   json   one valid JSON value, and noctl
#   sgr    noctl once colour codes (ESC [ digits;... m) are taken out
import json, re, sys


def problem(kind, path):
    data = open(path, "rb").read()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        return "not UTF-8: %s" % e
    if kind == "sgr":
        text = re.sub("\x1b\\[[0-9;]*m", "", text)
    for i, ch in enumerate(text):
        cp = ord(ch)
        if (cp < 0x20 and ch != "\n") or 0x7F <= cp <= 0x9F:
            return "control character U+%04X at %d: %r" % (
                cp, i, text[max(0, i - 30):i + 10])
    if kind == "json":
        try:
            json.loads(text)
        except ValueError as e:
            return "invalid JSON: %s" % e
    return None


if sys.argv[1] == "--many":
    for line in open(sys.argv[2], encoding="utf-8"):
        name, kind, path = line.rstrip("\n").split(" ", 2)
        why = problem(kind, path)
        print(name, (why or "ok").replace("\n", " "))
else:
    why = problem(sys.argv[1], sys.argv[2])
    if why:
        sys.exit(why)
