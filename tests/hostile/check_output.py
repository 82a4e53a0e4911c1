#!/usr/bin/env python3
# check_output.py KIND FILE: does a command's output pass KIND?
#   noctl  no control character (C0 but '\n', DEL, C1) in it, and UTF-8
#   json   one valid JSON value, and noctl
#   sgr    noctl once colour codes (ESC [ digits;... m) are taken out
import json, re, sys

kind, path = sys.argv[1], sys.argv[2]
data = open(path, "rb").read()
try:
    text = data.decode("utf-8")
except UnicodeDecodeError as e:
    sys.exit("not UTF-8: %s" % e)
if kind == "sgr":
    text = re.sub("\x1b\\[[0-9;]*m", "", text)
for i, ch in enumerate(text):
    cp = ord(ch)
    if (cp < 0x20 and ch != "\n") or 0x7F <= cp <= 0x9F:
        sys.exit("control character U+%04X at %d: %r" % (cp, i, text[max(0, i - 30):i + 10]))
if kind == "json":
    try:
        json.loads(text)
    except ValueError as e:
        sys.exit("invalid JSON: %s" % e)
