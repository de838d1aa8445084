"""Reader code holds no place names: every name comes from the registry (graph/data), none from the code; its
docstrings and comments hold no name nor text of the judged documents (decision 0096)."""

from __future__ import annotations

import ast
import io
import json
import re
import tokenize
from pathlib import Path

import graph.readers
from graph.extraction_eval import read_document
from graph.readers.entities import PARTICLES
from graph.registry import Registry, normalize_name

READER_DIR = Path(graph.readers.__file__).parent


def _literals(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(n.body[0].value) for n in ast.walk(tree)
                  if isinstance(n, (ast.Module, ast.FunctionDef, ast.ClassDef)) and n.body
                  and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}
    return [n.value for n in ast.walk(tree)
            if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docstrings]


def test_reader_modules_hold_no_registry_label():
    """A word of a string literal (docstrings aside) equal to a region, organisation, country or gazetteer name
    fails."""
    names = {normalize_name(n) for e in Registry.default().entities.values() for n in e.names
             if any("가" <= ch <= "힣" for ch in n)}
    names |= {key for key in Registry.default().places if any("가" <= ch <= "힣" for ch in key)}  # the gazetteer's
    names = {n for n in names if len(n) >= 2}
    found = []
    for path in sorted(READER_DIR.glob("*.py")):
        for literal in _literals(path):
            words = {normalize_name(w) for w in re.findall(r"[가-힣]+", literal)}
            words |= {w[: -len(p)] for w in words for p in PARTICLES if w.endswith(p)}  # 서울특별시와
            found.extend(f"{path.name}: {name!r} in {literal!r}" for name in names & words)
    assert found == []


EVAL_DIR = Path(__file__).resolve().parents[2] / "eval" / "extraction"
CORPUS_DIR = Path(__file__).resolve().parents[2] / "corpus"
#: Length (characters, spacing dropped) of a span of a docstring or comment that may not be copied from a document.
COPIED_SPAN = 14


def _notes(path: Path) -> list[str]:
    """Every string of a module (docstrings and doctests included) and every comment."""
    source = path.read_text(encoding="utf-8")
    strings = [n.value for n in ast.walk(ast.parse(source)) if isinstance(n, ast.Constant) and isinstance(n.value, str)]
    comments = [t.string for t in tokenize.generate_tokens(io.StringIO(source).readline) if t.type == tokenize.COMMENT]
    return strings + comments


def _tune_judgements() -> list[dict]:
    """The tune half of the repository's judged set (the held-out half is never read)."""
    rows = [json.loads(line) for line in (EVAL_DIR / "judgements.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()]
    return [row for row in rows if row["split"] == "tune"]


def _judged_names() -> set[str]:
    """Places and people the tune judgements and the NEAR officials name, outside the registry: real names that only
    documents hold (a registry label is data the readers may show in a doctest)."""
    names: set[str] = set()
    for row in _tune_judgements():
        for fact in (*row.get("agreements", []), *row.get("intents", [])):
            names |= {*fact.get("parties", []), *(fact.get("parties_as_written") or [])}
        for person in row.get("officials") or []:
            names |= {person["name"], *person.get("name_variants", []), person.get("name_as_written") or ""}
    for line in (EVAL_DIR / "near_officials.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            person = json.loads(line)
            names |= {person["name"], person.get("name_as_written") or ""}
    reg = Registry.default()
    known = {normalize_name(n) for e in reg.entities.values() for n in e.names} | set(reg.places)
    keys = {normalize_name(n) for n in names}
    return {k for k in keys if len(k) >= 3 and k not in known and re.search(r"[가-힣\u4e00-\u9fff]", k)}


def test_reader_notes_hold_no_judged_name():
    """No string or comment of a reader module (docstrings and doctests included) holds a place or person of the
    judged documents that the registry lacks (audit A10): examples use invented names."""
    names = _judged_names()
    assert len(names) > 100  # the judged set is read
    pattern = re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)))
    found = [f"{path.name}: {m.group(0)!r} in {note[:60]!r}" for path in sorted(READER_DIR.glob("*.py"))
             for note in _notes(path) for m in pattern.finditer(normalize_name(note))]
    assert found == []


def test_reader_notes_copy_no_document_text():
    """No line of a reader module's strings or comments shares a span of :data:`COPIED_SPAN` characters (spacing
    dropped, four Hangul at least) with a seed document or a tune document of the judged set (audit A10)."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS_DIR.glob("*.txt"))]
    texts += ["\n".join(read_document(EVAL_DIR / "docs" / row["doc"]).lines) for row in _tune_judgements()]
    spans = {flat[i:i + COPIED_SPAN] for text in texts for line in text.splitlines()
             for flat in [re.sub(r"\s+", "", line)] for i in range(len(flat) - COPIED_SPAN + 1)}
    found = []
    for path in sorted(READER_DIR.glob("*.py")):
        for note in _notes(path):
            for line in note.splitlines():
                flat = re.sub(r"\s+", "", line)
                copied = next((flat[i:i + COPIED_SPAN] for i in range(len(flat) - COPIED_SPAN + 1)
                               if flat[i:i + COPIED_SPAN] in spans
                               and len(re.findall("[가-힣]", flat[i:i + COPIED_SPAN])) >= 4), None)
                if copied:
                    found.append(f"{path.name}: {copied!r} in {line.strip()[:80]!r}")
    assert found == []
