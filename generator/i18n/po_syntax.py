"""Reading a `.po` catalog strictly, line by line, before Babel does: every syntax fault is one error with its line.

Why: Babel's `read_po` reads `msgstr Quellen"` as "uellen" without a word,
even with `abort_invalid=True`. `scan_po` follows the grammar `msgfmt`
uses and stops at the first fault, naming its line; what it returns (the
entries by line, with where each string sits) lets the message checks in
`generator.i18n.po_checks` point at the msgstr that has a problem.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_KEYWORD = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)(?=[\s\"]|$)(.*)")
_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')
_ESCAPES = {"\\": "\\", '"': '"', "a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v"}
"""The escapes Babel's `unescape` decodes; msgfmt's octal and hex ones would reach the page as written."""


class PoGrammarError(Exception):
    """The first line of a catalog that is not PO; `catalogs` turns it into a `CatalogSyntaxError`."""

    def __init__(self, line: int, message: str, hint: str):
        super().__init__(f"{line}: {message} ({hint})")
        self.line, self.message, self.hint = line, message, hint


@dataclass(frozen=True)
class Segment:
    """One quoted string of a msgstr as written: its line, and the decoded text with each character's column."""

    line: int
    text: str
    columns: tuple[int, ...]


@dataclass
class Entry:
    """Where one entry's parts are: the msgid's line and the segments of each msgstr (index 0 when singular)."""

    line: int
    context: str | None = None
    msgid: str = ""
    strings: dict[int, list[Segment]] = field(default_factory=dict)
    string_lines: dict[int, int] = field(default_factory=dict)

    def where(self, index: int, offset: int | None = None) -> tuple[int, int]:
        """Line and column of character `offset` of msgstr `index` (its keyword when `offset` is None)."""
        if offset is not None:
            for segment in self.strings.get(index, []):
                if offset < len(segment.text):
                    return segment.line, segment.columns[offset]
                offset -= len(segment.text)
        return self.string_lines.get(index, self.line), 1


@dataclass
class _Scanner:
    """The PO grammar as a small state machine, fed line by line; obsolete (`#~`) entries get their own."""

    obsolete: bool
    entries: dict[int, Entry] = field(default_factory=dict)
    seen: dict[tuple[str | None, str], int] = field(default_factory=dict)
    state: str = "between"
    """between · msgctxt · msgid · msgid_plural · msgstr · msgstr[N]: the last keyword read."""
    opened: int = 0
    """The line of the entry's first keyword."""
    index: int = -1
    entry: Entry | None = None
    context: list[Segment] = field(default_factory=list)
    msgid: list[Segment] = field(default_factory=list)
    target: list[Segment] | None = None

    def keyword(self, line: int, keyword: str, index: int | None, rest: str, column: int) -> None:
        """A keyword line: check that it may come here, then read its string."""
        written = keyword if index is None else f"msgstr[{index}]"
        if keyword == "msgctxt":
            self._close()
            self.state, self.opened, self.context = "msgctxt", line, []
            self.target = self.context
        elif keyword == "msgid":
            if self.state != "msgctxt":
                self._close()
                self.opened, self.context = line, []
            self.entry = Entry(line, _text(self.context) if self.context else None)
            self.state, self.msgid = "msgid", []
            self.target = self.msgid
        elif keyword == "msgid_plural":
            if self.state != "msgid":
                raise PoGrammarError(line, f"msgid_plural {_PLACES.get(self.state, 'after a msgstr')}",
                                     "put msgid_plural right after its msgid")
            self.state, self.target = "msgid_plural", []
        elif index is None:
            if self.state != "msgid":
                raise PoGrammarError(line, f"msgstr {_PLACES.get(self.state, 'a second time for this msgid')}",
                                     "a msgid alone has one msgstr; a msgid with msgid_plural has msgstr[0], "
                                     "msgstr[1]…")
            self._translation(line, 0, "msgstr")
        else:
            expected = 0 if self.state == "msgid_plural" else self.index + 1 if self.state == "msgstr[N]" else None
            if expected is None:
                raise PoGrammarError(line, f"{written} {_PLACES.get(self.state, 'after a plain msgstr')}",
                                     "msgstr[N] belongs to a msgid with msgid_plural; a msgid alone has msgstr")
            if index != expected:
                raise PoGrammarError(line, f"expected msgstr[{expected}], found {written}",
                                     "number the plural forms 0, 1, 2… in order, each once")
            self._translation(line, index, "msgstr[N]")
        self.string(line, rest, column, after=written)

    def _translation(self, line: int, index: int, state: str) -> None:
        assert self.entry is not None
        self.state, self.index, self.target = state, index, []
        self.entry.strings[index] = self.target
        self.entry.string_lines[index] = line

    def string(self, line: int, rest: str, column: int, after: str | None = None) -> None:
        """A quoted string: after a keyword (`after`) or alone on a continuation line."""
        if self.target is None:
            raise PoGrammarError(line, "a quoted string outside of any msgid, msgstr or msgctxt",
                                 "join it to the entry above or delete it")
        lead = len(rest) - len(rest.lstrip())
        self.target.append(_segment(line, rest.strip(), column + lead, after))

    def comment(self) -> None:
        """A comment ends the string being continued (as in Babel, which then expects a new entry)."""
        self.target = None

    def _close(self) -> None:
        """The entry before a new msgctxt/msgid (or the end of the file) must be complete."""
        if self.state in ("msgctxt", "msgid", "msgid_plural"):
            raise PoGrammarError(self.opened, f"this {self.state} has no msgstr",
                                 'give every msgid a msgstr line, even if only msgstr ""')
        if self.entry is not None and not self.obsolete:
            self.entry.msgid = _text(self.msgid)
            key = (self.entry.context, self.entry.msgid)
            if key in self.seen:
                raise PoGrammarError(self.entry.line, f'msgid "{self.entry.msgid}" is already defined on line '
                                                      f"{self.seen[key]}", "keep one of the two entries")
            self.seen[key] = self.entry.line
            self.entries[self.entry.line] = self.entry
        self.entry, self.state, self.target, self.index = None, "between", None, -1

    def finish(self) -> dict[int, Entry]:
        self._close()
        return self.entries


_PLACES = {"between": "without a msgid before it", "msgctxt": "right after msgctxt, without a msgid",
           "msgid": "after a msgid without msgid_plural", "msgid_plural": "after msgid_plural"}


def scan_po(data: bytes) -> dict[int, Entry]:
    """Check every line of a catalog against the PO grammar; the live entries by the line of their msgid.

    Raises:
        PoGrammarError: the first line that is not PO, with what is wrong and what to do.
    """
    live, obsolete = _Scanner(obsolete=False), _Scanner(obsolete=True)
    for number, raw in enumerate(data.split(b"\n"), start=1):
        text = _decode(number, raw)
        stripped = text.strip()
        column = len(text) - len(text.lstrip()) + 1
        if not stripped:
            continue
        scanner, other = live, obsolete
        if stripped.startswith("#~"):
            scanner, other, rest = obsolete, live, stripped[2:].lstrip()
            column += len(stripped) - len(rest)
            stripped = rest
            if not stripped:
                continue
        elif stripped.startswith("#"):
            live.comment()
            obsolete.comment()
            continue
        other.comment()  # Babel reads live and obsolete lines into one entry at a time
        if stripped.startswith('"'):
            scanner.string(number, stripped, column)
            continue
        match = _KEYWORD.match(stripped)
        if match is None:
            raise PoGrammarError(number, f"not a PO keyword or string: {stripped!r}",
                                 "a line is a comment (#), a keyword (msgctxt, msgid, msgid_plural, msgstr, "
                                 "msgstr[N]) with its quoted string, or a quoted string continuing the one above")
        keyword, index, rest = match.groups()
        scanner.keyword(number, keyword.split("[")[0], None if index is None else int(index), rest,
                        column + match.start(3))
    entries = live.finish()
    obsolete.finish()
    _check_header(entries)
    return entries


def _decode(number: int, raw: bytes) -> str:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise PoGrammarError(number, "this line is not UTF-8", "save the catalog as UTF-8") from None
    if number == 1 and text.startswith("\ufeff"):
        raise PoGrammarError(number, "the file starts with a byte order mark", "save it as UTF-8 without BOM")
    return text


def _segment(line: int, text: str, column: int, after: str | None) -> Segment:
    """Decode one quoted string, refusing what Babel would misread (a missing quote, an unknown escape)."""
    lead = f"after {after} " if after else ""
    if not text:
        raise PoGrammarError(line, f"{after} has no string", f'write {after} "" for an empty one')
    if not text.startswith('"'):
        raise PoGrammarError(line, f"the text {lead}does not start with a quote: {text}",
                             "write it between quotes: " + (f"{after} " if after else "") + f'"{text.strip(chr(34))}"')
    match = _STRING.match(text)
    if match is None:
        raise PoGrammarError(line, f"the string {lead}has no closing quote: {text}", 'end it with "')
    if match.end() != len(text):
        if '"' in text[match.end():]:
            raise PoGrammarError(line, f"a quote inside the string {lead}is not escaped: {text}",
                                 'write \\" for a quote inside the text (better: „…“)')
        raise PoGrammarError(line, f"text after the closing quote: {text[match.end():]}",
                             "move it inside the quotes or delete it")
    decoded, columns, body, position = [], [], match.group(1), 0
    while position < len(body):
        character = body[position]
        width = 1
        if character == "\\":
            escape = body[position + 1]
            if escape not in _ESCAPES:
                raise PoGrammarError(line, f"unknown escape \\{escape} in {text}",
                                     'write \\\\ for a backslash, \\" for a quote, \\n for a new line')
            character, width = _ESCAPES[escape], 2
        decoded.append(character)
        columns.append(column + 1 + position)
        position += width
    return Segment(line, "".join(decoded), tuple(columns))


def _text(segments: list[Segment]) -> str:
    return "".join(segment.text for segment in segments)


def _check_header(entries: dict[int, Entry]) -> None:
    """The two header fields Babel reads without checking: a charset it may not know, a count it cannot parse."""
    header = next((entry for entry in entries.values() if entry.msgid == "" and entry.context is None), None)
    if header is None:
        return
    for segment in header.strings.get(0, []):
        charset = re.search(r"charset=([^\s;]*)", segment.text)
        if segment.text.startswith("Content-Type:") and charset and charset.group(1).lower() not in (
                "utf-8", "utf8", "charset"):
            raise PoGrammarError(segment.line, f"the header says charset={charset.group(1)}",
                                 "save the catalog as UTF-8 and write charset=utf-8 in Content-Type")
        count = re.search(r"nplurals\s*=\s*([^\s;]*)", segment.text)
        if segment.text.startswith("Plural-Forms:") and count:
            if not count.group(1).isdigit():
                raise PoGrammarError(segment.line, f"the header says nplurals={count.group(1)}",
                                     "give the number of plural forms as digits, e.g. nplurals=2")
            _check_plural_counts(entries, int(count.group(1)))


def _check_plural_counts(entries: dict[int, Entry], plurals: int) -> None:
    for entry in entries.values():
        if len(entry.strings) > max(plurals, 1):
            raise PoGrammarError(entry.string_lines[plurals], f"msgstr[{plurals}], but the header says "
                                 f"nplurals={plurals}", f"give msgstr[0] to msgstr[{plurals - 1}] only")


# --- plural rule ---------------------------------------------------------------------------------------
