"""JSON that is safe wherever a partner pastes it.

Why not plain `json.dumps`: partners embed our JSON in HTML pages and
`<script>` blocks. Writing `<`, `>`, `&` and the JavaScript line separators
as `\\u` escapes keeps the parsed values identical while no byte of a record's
text can close a tag or a script. Keys keep their insertion order, so the
same content gives the same bytes.
"""

from __future__ import annotations

import json
from typing import Any

_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
_TABLE = str.maketrans(_ESCAPES)


def dumps(value: Any, *, indent: int | None = None) -> str:
    """`value` as JSON text, UTF-8 readable, with markup characters escaped.

    The characters escaped can only occur inside JSON strings, so replacing
    them after serialising is exact.

    >>> dumps({"text": "<script>alert('x')</script> & more"})
    '{"text": "\\\\u003cscript\\\\u003ealert(\\'x\\')\\\\u003c/script\\\\u003e \\\\u0026 more"}'
    >>> json.loads(dumps({"text": "<b>Élysée</b>"}))["text"]
    '<b>Élysée</b>'
    """
    separators = (",", ": ") if indent is not None else (", ", ": ")
    text = json.dumps(value, ensure_ascii=False, indent=indent, separators=separators, allow_nan=False)
    return text.translate(_TABLE)
