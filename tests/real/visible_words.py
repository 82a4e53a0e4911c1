#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Property: when the words a reader sees differ, progdiff says so.

usage: visible_words.py PROGDIFF ROOT [--seed N] [--edits N]

The versions are every Markdown version the project has: fixtures/sodertorn,
fixtures/pairs/*/old.md and new.md, and the versions in fixtures/real/*/.
The pairs are every two versions of the same folder, both ways, and for each
version two pairs (--edits N for more) of the version and a copy with one or
two small random edits: a word deleted, inserted or replaced in the text, a
heading or the preamble, a line deleted or repeated, two blocks swapped, the
headings renumbered. The edited copy is NEW in one pair and OLD in the next.
The edits come from a fixed seed (1 unless --seed N or $PD_SEED), printed
with every failure so that it can be replayed.

For each pair whose visible words differ, progdiff --format=json --lang=en
OLD NEW must exit 1 and list at least one change. The visible words are the
words (\\w+) of the text cmark renders, with the front matter left out, the
numbering of headings below the title ("2.1 ", "3. ", "Fokusområde 3: ")
left out and their letter case ignored, and the section of the
document's own change list ("Förändringar", "Changes") left out, since
progdiff never compares that section. The converse is not checked.

Prints one "ok   real/visible-words ..." or "FAIL ..." line for the pairs of
versions and one for the edited pairs, with up to ten failures each.
"""
import ctypes
import ctypes.util
import difflib
import html
import json
import os
import random
import re
import subprocess
import sys
import tempfile

ATX = re.compile(r"^( {0,3})(#{1,6})(\s+)(.*)$")
# "2.1 ", "3. ", and with a kind word "Fokusområde 3: ", "Priority Action 2: "
NUMBER = re.compile(r"^(?:\d+(?:\.\d+)*[.)]?\s+|(?:[^\W\d_]+\s+){1,2}\d+(?:\.\d+)*\s*[:.)\u2013\u2014-]\s*)")
OWN_LIST = {"förändringar", "changes"}
WORD = re.compile(r"\w+")


class Renderer:
    """CommonMark to HTML with libcmark, or the cmark program without it."""

    def __init__(self):
        self.lib = None
        name = ctypes.util.find_library("cmark")
        if name:
            try:
                lib = ctypes.CDLL(name)
                lib.cmark_markdown_to_html.restype = ctypes.c_void_p
                lib.cmark_markdown_to_html.argtypes = [ctypes.c_char_p, ctypes.c_size_t, ctypes.c_int]
                libc = ctypes.CDLL(ctypes.util.find_library("c"))
                libc.free.argtypes = [ctypes.c_void_p]
                self.lib, self.libc = lib, libc
            except (OSError, AttributeError):
                self.lib = None

    def html(self, text):
        data = text.encode("utf-8")
        if self.lib is not None:
            ptr = self.lib.cmark_markdown_to_html(data, len(data), 0)
            out = ctypes.string_at(ptr).decode("utf-8", "replace")
            self.libc.free(ptr)
            return out
        run = subprocess.run(["cmark"], input=data, stdout=subprocess.PIPE, check=True)
        return run.stdout.decode("utf-8", "replace")


def strip_front_matter(text):
    if not text.startswith("---\n"):
        return text
    m = re.search(r"^(?:---|\.\.\.)[ \t]*$", text[4:], re.M)
    if not m:
        return text
    return text[4 + m.end():]


def reader_text(text):
    """The Markdown a reader's eye compares: no front matter, no heading
    numbers, no change-list section."""
    out = []
    skip_level = 0
    for line in strip_front_matter(text).split("\n"):
        m = ATX.match(line)
        if m:
            level = len(m.group(2))
            title = m.group(4).strip()
            if level > 1:
                # below the title, numbering and letter case are form
                title = NUMBER.sub("", title).casefold()
            if skip_level and level <= skip_level:
                skip_level = 0
            if not skip_level and title.rstrip(" .:#").casefold() in OWN_LIST:
                skip_level = level
            if not skip_level:
                out.append(m.group(1) + m.group(2) + m.group(3) + title)
            continue
        if not skip_level:
            out.append(line)
    return "\n".join(out)


def visible_words(renderer, text):
    rendered = renderer.html(reader_text(text))
    plain = html.unescape(re.sub(r"<[^>]*>", " ", rendered))
    return WORD.findall(plain)


# ---- small random edits ------------------------------------------------

def body_lines(lines):
    """Indexes of lines outside the front matter that carry words."""
    start = 0
    if lines and lines[0] == "---":
        for i in range(1, len(lines)):
            if lines[i] in ("---", "..."):
                start = i + 1
                break
    return [i for i in range(start, len(lines)) if WORD.search(lines[i])]


def vocabulary(lines):
    words = sorted({w for ln in lines for w in WORD.findall(ln) if len(w) > 3})
    return words or ["ord"]


def edit_word(rng, line, how, vocab):
    spans = [m.span() for m in WORD.finditer(line)]
    # keep the Markdown markers at the start of the line
    marker = re.match(r"^\s*(?:#{1,6}\s+|[-*+]\s+|\d+[.)]\s+|>\s*)?", line).end()
    spans = [s for s in spans if s[0] >= marker] or spans
    if not spans:
        return line
    a, b = rng.choice(spans)
    if how == "delete":
        return line[:a] + line[b:].lstrip(" ") if a == marker else line[:a].rstrip(" ") + line[b:]
    word = rng.choice(vocab)
    if how == "insert":
        return line[:a] + word + " " + line[a:]
    return line[:a] + word + line[b:]


def mutate(rng, text):
    """One edited text and a description of the edit."""
    lines = text.split("\n")
    cand = body_lines(lines)
    if not cand:
        return text, "none"
    vocab = vocabulary(lines)
    heads = [i for i in cand if ATX.match(lines[i])]
    plain = [i for i in cand if i not in heads]
    h1 = next((i for i in heads if lines[i].lstrip().startswith("# ")), None)
    preamble = []
    if h1 is not None:
        for i in range(h1 + 1, len(lines)):
            if ATX.match(lines[i]):
                break
            if i in cand:
                preamble.append(i)
    kind = rng.choice(["delete", "insert", "replace", "heading", "preamble",
                       "drop-line", "repeat-line", "swap-blocks", "renumber"])
    if kind == "heading" and heads:
        i = rng.choice(heads)
        lines[i] = edit_word(rng, lines[i], rng.choice(["delete", "insert", "replace"]), vocab)
    elif kind == "preamble" and preamble:
        i = rng.choice(preamble)
        lines[i] = edit_word(rng, lines[i], rng.choice(["delete", "insert", "replace"]), vocab)
    elif kind == "drop-line" and plain:
        i = rng.choice(plain)
        del lines[i]
    elif kind == "repeat-line" and plain:
        i = rng.choice(plain)
        lines.insert(i + 1, lines[i])
    elif kind == "swap-blocks":
        blocks = "\n".join(lines).split("\n\n")
        if len(blocks) > 3:
            i = rng.randrange(1, len(blocks) - 1)
            blocks[i], blocks[i + 1] = blocks[i + 1], blocks[i]
        return "\n\n".join(blocks), "swap-blocks"
    elif kind == "renumber" and heads:
        n = 0
        for i in heads:
            m = ATX.match(lines[i])
            if len(m.group(2)) == 2:
                n += 1
                lines[i] = "%s%s %d. %s" % (m.group(1), m.group(2), n, NUMBER.sub("", m.group(4)))
    else:
        kind = rng.choice(["delete", "insert", "replace"])
        i = rng.choice(plain or cand)
        lines[i] = edit_word(rng, lines[i], kind, vocab)
        kind += " line %d" % (i + 1)
    return "\n".join(lines), kind


# ---- the check ---------------------------------------------------------

def versions(root):
    """Folders of versions: {folder: [path, ...]}."""
    groups = {}
    fx = os.path.join(root, "fixtures")
    sod = os.path.join(fx, "sodertorn")
    groups[sod] = [os.path.join(sod, f) for f in ("2013.md", "2035.md")]
    for base in ("pairs", "real"):
        top = os.path.join(fx, base)
        if not os.path.isdir(top):
            continue
        for name in sorted(os.listdir(top)):
            d = os.path.join(top, name)
            if not os.path.isdir(d):
                continue
            files = sorted(os.path.join(d, f) for f in os.listdir(d)
                           if f.endswith(".md") and f != "README.md")
            if files:
                groups[d] = files
    return groups


def progdiff_reports(progdiff, old, new):
    run = subprocess.run([progdiff, "--format=json", "--lang=en", old, new],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        n = len(json.loads(run.stdout.decode("utf-8"))["changes"])
    except (ValueError, KeyError):
        n = -1
    return run.returncode, n


def check(progdiff, renderer, old, new, old_text, new_text):
    """None when the pair is fine or not in scope, else what went wrong."""
    if visible_words(renderer, old_text) == visible_words(renderer, new_text):
        return None
    status, n = progdiff_reports(progdiff, old, new)
    if status == 1 and n >= 1:
        return None
    return "exit %d, %d changes" % (status, n)


def rel(root, path):
    return os.path.relpath(path, root)


def main(argv):
    args = argv[1:]
    seed = int(os.environ.get("PD_SEED", "1"))
    edits = 2
    if "--seed" in args:
        i = args.index("--seed")
        seed = int(args[i + 1])
        del args[i:i + 2]
    if "--edits" in args:
        i = args.index("--edits")
        edits = int(args[i + 1])
        del args[i:i + 2]
    if len(args) != 2:
        sys.stderr.write("usage: visible_words.py PROGDIFF ROOT [--seed N] [--edits N]\n")
        return 2
    progdiff, root = args
    renderer = Renderer()
    groups = versions(root)
    texts = {}
    for files in groups.values():
        for f in files:
            with open(f, encoding="utf-8") as fh:
                texts[f] = fh.read()

    failures, checked = [], 0
    for files in groups.values():
        for a in files:
            for b in files:
                if a == b:
                    continue
                checked += 1
                why = check(progdiff, renderer, a, b, texts[a], texts[b])
                if why:
                    failures.append("%s -> %s: %s" % (rel(root, a), rel(root, b), why))
    status = report("real/visible-words versions (%d pairs)" % checked, failures)

    failures, made = [], 0
    with tempfile.TemporaryDirectory() as tmp:
        for files in groups.values():
            for f in files:
                for k in range(edits):
                    # one generator per version and edit: a failure replays
                    # alone, whatever other fixtures come and go
                    rng = random.Random("%d:%s:%d" % (seed, rel(root, f), k))
                    text, how = texts[f], []
                    for _ in range(rng.choice((1, 1, 2))):
                        text, what = mutate(rng, text)
                        how.append(what)
                    edited = os.path.join(tmp, "%d-%s" % (made, os.path.basename(f)))
                    with open(edited, "w", encoding="utf-8") as fh:
                        fh.write(text)
                    made += 1
                    old, new, ot, nt = f, edited, texts[f], text
                    if k % 2:
                        old, new, ot, nt = edited, f, text, texts[f]
                    why = check(progdiff, renderer, old, new, ot, nt)
                    if why:
                        failures.append("seed %d, edit %d of %s (%s, %s): %s%s" % (
                            seed, k, rel(root, f), ", ".join(how),
                            "edited is NEW" if old == f else "edited is OLD", why,
                            shown(texts[f], text)))
    status |= report("real/visible-words edits (seed %d, %d pairs)" % (seed, made), failures)
    return status


def shown(before, after):
    """The edit as a few lines of a unified diff."""
    lines = [ln for ln in difflib.unified_diff(before.split("\n"), after.split("\n"),
                                               lineterm="", n=0)
             if ln[:1] in "+-" and not ln.startswith(("+++", "---"))]
    return "".join("\n        " + ln[:150] for ln in lines[:4])


def report(label, failures):
    print(("FAIL " if failures else "ok   ") + label)
    for line in failures[:10]:
        print("    " + line)
    if len(failures) > 10:
        print("    ... and %d more" % (len(failures) - 10))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
