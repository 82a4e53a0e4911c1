#!/usr/bin/env python3
"""messages_check.py [--list] ROOT: every message has its Swedish.

Scans lib/*.c and cmd/*.c for the string literals passed as the format
of the functions that record or print a message (pd_error_set,
pd_error_set_hint, pd_error_prefix, pd_msg, cmd_fail, cmd_usage_error,
cmd_warn, cmd_note, cmd_hint) and checks that each has an entry in the
catalogue, lib/messages_sv.c; and that no entry of the catalogue is left
without a use. Adjacent literals are joined as the compiler joins them;
each literal of a `cond ? "a" : "b"` is a format of its own. A format
that is only "%s" or "%s: %s" passes text through and needs no entry.

Prints each problem as FILE:LINE: what, and exits 1 when there is one;
with --list, prints every format found, one a line, and exits 0.
"""
import os
import re
import sys

# function name -> indexes of its arguments that are messages: formats,
# and the phrases that helpers put into a message in the language of
# messages (a noun, a reason)
FUNCS = {
    "pd_error_set": (1,), "pd_error_set_hint": (0,),
    "pd_error_prefix": (1,), "pd_error_from_git": (1,), "pd_msg": (0,),
    "cmd_fail": (0,), "cmd_usage_error": (1,), "cmd_warn": (0,),
    "cmd_note": (0,), "cmd_hint": (0,), "pd_store_check_name": (1,),
    "over": (1,), "bad_value": (1, 3), "name_error": (2,),
    "rule_match": (4,), "prefix_error": (2,),
}
PASS_THROUGH = {"%s", "%s: %s", "%s:%u: %s", "%s%s", "%s: '%s': %s",
                "'%s': %s", "%s: vocabulary.%s"}
CALL = re.compile(r"\b(" + "|".join(FUNCS) + r")\s*\(")
ESCAPES = {"n": "\n", "t": "\t", "\\": "\\", '"': '"', "'": "'", "r": "\r",
           "a": "\a", "0": "\0"}


def strip_comments(src):
    """Blank out comments, keeping line numbers and string literals."""
    out = []
    i, n = 0, len(src)
    while i < n:
        c = src[i]
        if c == '"' or c == "'":
            j = i + 1
            while j < n and src[j] != c:
                j += 2 if src[j] == "\\" else 1
            out.append(src[i:j + 1])
            i = j + 1
        elif src.startswith("/*", i):
            j = src.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append("".join(ch if ch == "\n" else " " for ch in src[i:j]))
            i = j
        elif src.startswith("//", i):
            j = src.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
        else:
            out.append(c)
            i += 1
    return "".join(out)


def unescape(body):
    """The bytes of a C string literal's body, as UTF-8 text."""
    out = bytearray()
    i = 0
    raw = body.encode("utf-8")
    while i < len(raw):
        c = chr(raw[i])
        if c != "\\":
            out.append(raw[i])
            i += 1
            continue
        nxt = chr(raw[i + 1])
        if nxt == "x":
            m = re.match(rb"[0-9a-fA-F]+", raw[i + 2:])
            out.append(int(m.group(0), 16) & 0xff)
            i += 2 + len(m.group(0))
        elif nxt in "01234567":
            m = re.match(rb"[0-7]{1,3}", raw[i + 1:])
            out.append(int(m.group(0), 8) & 0xff)
            i += 1 + len(m.group(0))
        else:
            out.extend(ESCAPES.get(nxt, nxt).encode("utf-8"))
            i += 2
    return out.decode("utf-8", "replace")


def arguments(src, start):
    """The top-level arguments of the call whose '(' is at start."""
    args, depth, i, begin = [], 0, start, start + 1
    while i < len(src):
        c = src[i]
        if c in "\"'":
            j = i + 1
            while src[j] != c:
                j += 2 if src[j] == "\\" else 1
            i = j + 1
            continue
        if c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
            if depth == 0:
                args.append((begin, src[begin:i]))
                return args
        elif c == "," and depth == 1:
            args.append((begin, src[begin:i]))
            begin = i + 1
        i += 1
    return args


def literals(expr):
    """The strings an argument can be: adjacent literals joined."""
    found, cur, i = [], None, 0
    while i < len(expr):
        c = expr[i]
        if c == '"':
            j = i + 1
            while expr[j] != '"':
                j += 2 if expr[j] == "\\" else 1
            cur = (cur or "") + unescape(expr[i + 1:j])
            i = j + 1
            continue
        if not c.isspace() and cur is not None:
            found.append(cur)
            cur = None
        i += 1
    if cur is not None:
        found.append(cur)
    return found


def literals_anywhere(src):
    """Every string literal of a source, adjacent ones joined."""
    out, cur, i = [], None, 0
    while i < len(src):
        c = src[i]
        if c == "'":
            j = i + 1
            while src[j] != "'":
                j += 2 if src[j] == "\\" else 1
            i = j + 1
            continue
        if c == '"':
            j = i + 1
            while src[j] != '"':
                j += 2 if src[j] == "\\" else 1
            cur = (cur or "") + unescape(src[i + 1:j])
            i = j + 1
            continue
        if not c.isspace() and cur is not None:
            out.append(cur)
            cur = None
        i += 1
    return out


def formats(path):
    """(line, format) for every message format in the file."""
    src = strip_comments(open(path, encoding="utf-8").read())
    for m in CALL.finditer(src):
        name = m.group(1)
        # a declaration or definition, not a call
        before = src[max(0, m.start() - 40):m.start()]
        if re.search(r"(int|void|char \*|const char \*)\s*$", before):
            continue
        args = arguments(src, m.end() - 1)
        for k in FUNCS[name]:
            if len(args) <= k:
                continue
            pos, expr = args[k]
            line = src.count("\n", 0, pos) + 1
            for s in literals(expr):
                if s not in PASS_THROUGH:
                    yield line, s


STDERR = re.compile(r'\b(fprintf\s*\(\s*stderr\s*,|fputs\s*\()')
WORDS = re.compile(r"[A-Za-z]{3,}")


def stderr_literals(path):
    """(line, text) of words written to stderr without the catalogue."""
    src = strip_comments(open(path, encoding="utf-8").read())
    for m in STDERR.finditer(src):
        args = arguments(src, src.index("(", m.start()))
        if not args:
            continue
        pos, expr = args[1] if m.group(1).startswith("fprintf") else args[0]
        if m.group(1).startswith("fputs") and \
                not args[-1][1].strip() == "stderr":
            continue
        if "pd_msg(" in expr:
            continue
        for s in literals(expr):
            left = [w for w in WORDS.findall(s) if w != "progdiff"]
            if left:
                yield src.count("\n", 0, pos) + 1, s


def catalogue(path):
    """The English keys of lib/messages.c's table."""
    src = strip_comments(open(path, encoding="utf-8").read())
    start = src.index("pd_messages__catalogue[] = {")
    end = src.index("\n};", start)
    keys = []
    for m in re.finditer(r"\{((?:\s*\"(?:[^\"\\]|\\.)*\")+)\s*,",
                         src[start:end]):
        keys.append(literals(m.group(1))[0])
    return keys


def main(argv):
    listing = "--list" in argv
    root = [a for a in argv[1:] if a != "--list"][0]
    files = []
    for d in ("lib", "cmd"):
        for f in sorted(os.listdir(os.path.join(root, d))):
            if f.endswith(".c"):
                files.append(os.path.join(d, f))
    found = []
    for f in files:
        for line, s in formats(os.path.join(root, f)):
            found.append((f, line, s))
    if listing:
        for f, line, s in found:
            print("%s:%d: %r" % (f, line, s))
        return 0
    keys = catalogue(os.path.join(root, "lib", "messages_sv.c"))
    known = set(keys)
    problems = 0
    # words printed straight to stderr bypass the catalogue (cmd/ only:
    # lib/ reports a broken built-in pattern, a bug, in English)
    for f in files:
        if not f.startswith("cmd/"):
            continue
        for line, s in stderr_literals(os.path.join(root, f)):
            print("%s:%d: %r goes to stderr without the catalogue "
                  "(use cmd_fail, cmd_warn, cmd_note or cmd_hint)"
                  % (f, line, s))
            problems += 1
    for f, line, s in found:
        if s not in known:
            print("%s:%d: no Swedish for %r" % (f, line, s))
            problems += 1
    # a phrase a table holds (what[], as) is used where it is written
    used = {s for _, _, s in found}
    every = set()
    for f in files:
        src = strip_comments(open(os.path.join(root, f), encoding="utf-8").read())
        every.update(literals_anywhere(src))
    for k in keys:
        if k not in used and k not in every:
            print("lib/messages_sv.c: %r is used nowhere" % k)
            problems += 1
    if problems:
        return 1
    print("%d formats, %d entries: every one has its Swedish"
          % (len(found), len(keys)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
