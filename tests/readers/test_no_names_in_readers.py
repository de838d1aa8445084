"""Reader code holds no place names: every name comes from the registry (graph/data), none from the code."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import graph.readers
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
