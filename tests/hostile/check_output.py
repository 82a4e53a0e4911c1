#!/usr/bin/env python3
# check_output.py KIND FILE [KIND FILE]...: does each command's output
# pass its KIND? One line per pair, "ok" or what is wrong, in their order
# (one process for every case: starting Python costs more than a check).
#   noctl  no control character (C0 but '\n', DEL, C1) in it, and UTF-8
#   json   one valid JSON value, and noctl
#   sgr    noctl once colour codes (ESC [ digits;... m) are taken out
import json, re, sys

CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f]")


def problem(kind, path):
    """What is wrong with the output in path for kind, or None."""
    if kind not in ("noctl", "json", "sgr"):
        return "unknown check %r" % kind
    data = open(path, "rb").read()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        return "not UTF-8: %s" % e
    if kind == "sgr":
        text = re.sub("\x1b\\[[0-9;]*m", "", text)
    m = CONTROL.search(text)
    if m:
        i = m.start()
        return "control character U+%04X at %d: %r" % (
            ord(text[i]), i, text[max(0, i - 30):i + 10])
    if kind == "json":
        try:
            json.loads(text)
        except ValueError as e:
            return "invalid JSON: %s" % e
    return None


args = sys.argv[1:]
for k in range(0, len(args) - 1, 2):
    why = problem(args[k], args[k + 1])
    print("ok" if why is None else why.replace("\n", " "))
