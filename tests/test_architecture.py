"""Imports run one way: runtime ← corpus, ontology ← graph ← index ← api ← gyoryu (the CLI); module names are unique.

Every import of every project module is read with :mod:`ast` — function-local ones and
``importlib.import_module("…")`` with a literal name included — and an import of a package the
layer may not use is reported with its file and line. The checker is itself tested on synthetic
modules, so a backward import cannot slip through unnoticed.
"""

from __future__ import annotations

import ast
import tomllib
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
#: Each package and the project packages it may import (besides itself).
MAY_IMPORT: dict[str, frozenset[str]] = {
    "runtime": frozenset(),
    "corpus": frozenset({"runtime"}),
    "ontology": frozenset({"runtime"}),
    "graph": frozenset({"runtime", "corpus", "ontology"}),
    "index": frozenset({"runtime", "corpus", "ontology", "graph"}),
    "api": frozenset({"runtime", "corpus", "ontology", "graph", "index"}),
    "gyoryu": frozenset({"runtime", "corpus", "ontology", "graph", "index", "api"}),
}


@dataclass(frozen=True)
class BackwardImport:
    """``path:line`` of package ``source`` imports ``target``, which it may not."""

    path: str
    line: int
    source: str
    target: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.source} imports {self.target}"


def module_name(root: Path, path: Path) -> str:
    """``graph.extractors.names`` for ``root/graph/extractors/names.py``."""
    parts = list(path.relative_to(root).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(tree: ast.AST, module: str, is_package: bool) -> list[tuple[int, str]]:
    """Every ``(line, module)`` imported anywhere in ``tree`` (relative imports resolved)."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = module.split(".")[: len(module.split(".")) - node.level + (1 if is_package else 0)]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            found.append((node.lineno, target))
            found += [(node.lineno, f"{target}.{alias.name}") for alias in node.names]
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
              and node.func.attr == "import_module" and node.args
              and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
            found.append((node.lineno, node.args[0].value))
    return found


def backward_imports(root: Path, rules: dict[str, frozenset[str]] = MAY_IMPORT) -> list[BackwardImport]:
    """Imports under ``root`` that break ``rules``, in file and line order."""
    problems: list[BackwardImport] = []
    for package in sorted(rules):
        for path in sorted((root / package).rglob("*.py")):
            module = module_name(root, path)
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
            for line, target in imported_modules(tree, module, path.name == "__init__.py"):
                top = target.split(".")[0]
                if top in rules and top != package and top not in rules[package]:
                    problems.append(BackwardImport(str(path.relative_to(root)), line, package, top))
    return sorted(set(problems), key=lambda p: (p.path, p.line, p.target))


def test_project_imports_run_one_way() -> None:
    assert [str(p) for p in backward_imports(REPO)] == []


#: Module names every layer may have once, in the same role: the layer's build step and its errors.
LAYER_ROLES = {"__init__.py", "__main__.py", "build.py", "errors.py"}


def test_module_names_are_unique_across_packages() -> None:
    seen: dict[str, list[str]] = {}
    for package in MAY_IMPORT:
        for path in (REPO / package).rglob("*.py"):
            seen.setdefault(path.name, []).append(str(path.relative_to(REPO)))
    assert {name: paths for name, paths in seen.items() if len(paths) > 1 and name not in LAYER_ROLES} == {}


def test_every_package_is_installed_and_tested() -> None:
    """pyproject's package list and ``make test``'s folders name every project package."""
    found = sorted(module_name(REPO, init) for package in MAY_IMPORT for init in (REPO / package).rglob("__init__.py"))
    listed = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"]
    assert sorted(listed) == found
    test_line = next(line for line in (REPO / "Makefile").read_text(encoding="utf-8").splitlines()
                     if "-m pytest" in line)
    assert set(MAY_IMPORT) <= set(test_line.split())


def test_every_project_package_is_in_the_rules() -> None:
    packages = {p.parent.name for p in REPO.glob("*/__init__.py") if p.parent.name != "tests"}
    assert packages == set(MAY_IMPORT)


def _write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


@pytest.mark.parametrize(("files", "expected"), [
    ({"graph/bad.py": "def late():\n    from index.search import SearchEngine\n"},
     ["graph/bad.py:2: graph imports index"]),
    ({"graph/sub/__init__.py": "", "graph/sub/bad.py": "import gyoryu.cli\n"},
     ["graph/sub/bad.py:1: graph imports gyoryu"]),
    ({"index/bad.py": "class A:\n    def m(self):\n        import api.app as app\n"},
     ["index/bad.py:3: index imports api"]),
    ({"api/bad.py": "from gyoryu import __version__\n"}, ["api/bad.py:1: api imports gyoryu"]),
    ({"corpus/bad.py": "if True:\n    from graph import build\n"}, ["corpus/bad.py:2: corpus imports graph"]),
    ({"corpus/bad.py": "from ontology.namespaces import GY\n"}, ["corpus/bad.py:1: corpus imports ontology"]),
    ({"runtime/bad.py": "import importlib\nimportlib.import_module('graph.store')\n"},
     ["runtime/bad.py:2: runtime imports graph"]),
    ({"graph/pkg/__init__.py": "", "graph/pkg/bad.py": "from ...index import search\n"},
     ["graph/pkg/bad.py:1: graph imports index"]),
    ({"graph/fine.py": "from corpus import Document\nfrom . import store\nfrom .store import x\nimport os\n",
      "index/fine.py": "def f():\n    from graph.store import open_store\n    from runtime.settings import Settings\n",
      "gyoryu/fine.py": "from api.app import create_app\n"}, []),
])
def test_the_checker_finds_backward_imports_in_synthetic_modules(tmp_path: Path, files: dict[str, str],
                                                                 expected: list[str]) -> None:
    for package in MAY_IMPORT:
        _write(tmp_path, {f"{package}/__init__.py": ""})
    _write(tmp_path, files)
    assert [str(p) for p in backward_imports(tmp_path)] == expected
