"""SPARQL query text as tokens: enough to find ``PREFIX``, ``FROM`` and ``SERVICE`` without a full parser.

>>> [t.text for t in tokens('SELECT * FROM <http://g/1> WHERE { ?s ?p "FROM" } # FROM')]
['SELECT', '*', 'FROM', '<http://g/1>', 'WHERE', '{', '?s', '?p', '"FROM"', '}']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ontology.prefixes import PREFIX_IRIS

_TOKEN = re.compile(r"""
    (?P<ws>\s+)
  | (?P<comment>\#[^\n]*)
  | (?P<string>\"\"\"[\s\S]*?\"\"\"|'''[\s\S]*?'''|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
  | (?P<iri><[^<>"{}|^`\\\s]*>)
  | (?P<var>[?$][\w\u00b7]+)
  | (?P<lang>@[a-zA-Z]+(?:-[a-zA-Z0-9]+)*)
  | (?P<number>[+-]?(?:\d+\.\d*[eE][+-]?\d+|\.?\d+[eE][+-]?\d+|\d*\.\d+|\d+))
  | (?P<pname>(?:[^\W\d_][\w.\-\u00b7]*)?:(?:[\w:%\-\u00b7]|\.(?=[\w:%\-\u00b7]))*)
  | (?P<word>[A-Za-z_]\w*)
  | (?P<punct>\^\^|\|\||&&|[<>!=]=|.)
""", re.VERBOSE)


@dataclass(frozen=True)
class Token:
    kind: str
    text: str
    start: int
    end: int


def tokens(text: str) -> list[Token]:
    """The query's tokens without white space and comments."""
    out = []
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup or "punct"
        if kind not in ("ws", "comment"):
            out.append(Token(kind, m.group(), m.start(), m.end()))
    return out


def declared_prefixes(toks: list[Token]) -> dict[str, str]:
    """Gyoryu's predeclared prefixes, overridden by the query's own ``PREFIX`` lines."""
    found = dict(PREFIX_IRIS)
    for i, tok in enumerate(toks[:-2]):
        if tok.kind == "word" and tok.text.upper() == "PREFIX" and toks[i + 1].kind == "pname" \
                and toks[i + 2].kind == "iri":
            found[toks[i + 1].text[:-1]] = toks[i + 2].text[1:-1]
    return found


def iri_of(tok: Token, prefixes: dict[str, str]) -> str | None:
    """The IRI an ``<iri>`` or prefixed-name token stands for; ``None`` for other tokens or an unknown prefix."""
    if tok.kind == "iri":
        return tok.text[1:-1]
    if tok.kind == "pname":
        prefix, _, local = tok.text.partition(":")
        return prefixes[prefix] + local if prefix in prefixes else None
    return None
