"""The README and docs/ document every setting, command, example query and frozen set (a test fails if not)."""

from __future__ import annotations

import re
from pathlib import Path

from graph.examples import SEARCH_EXAMPLES, all_examples
from gyoryu.cli import build_parser
from runtime.settings import SETTINGS

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
SPARQL_PAGE = (ROOT / "docs" / "sparql.md").read_text(encoding="utf-8")


def _body(example: dict[str, str]) -> str:
    """An example's query as the docs print it: without its PREFIX lines (they are predeclared)."""
    return "\n".join(line for line in example["query"].splitlines() if not line.startswith("PREFIX"))


def test_every_setting_is_documented():
    missing = [s.env for s in SETTINGS.values() if f"`{s.env}`" not in README]
    assert missing == []


def test_every_command_is_documented():
    commands = build_parser()._subparsers._group_actions[0].choices  # noqa: SLF001 - argparse has no public API
    missing = [name for name in commands if f"`gyoryu {name}" not in README]
    assert missing == []


def test_the_two_setup_commands_come_first():
    assert README.index("make run") < README.index("## Ask it")
    assert "make test" in README[: README.index("## Ask it")]


def test_every_example_is_in_the_sparql_page_verbatim():
    missing = [ex["id"] for ex in all_examples() if f"```sparql\n{_body(ex)}\n```" not in SPARQL_PAGE]
    assert missing == []


def test_the_readme_shows_examples_of_both_kinds_verbatim():
    blocks = re.findall(r"```sparql\n(.*?)\n```", README, re.S)
    bodies = {_body(ex): ex["id"] for ex in all_examples()}
    assert all(block in bodies for block in blocks)
    shown = {bodies[block] for block in blocks}
    assert {"seoul-partners", "rural-since-2019"} <= shown
    assert shown & {ex["id"] for ex in SEARCH_EXAMPLES}


def test_the_frozen_sets_hashes_are_in_the_readme():
    block = re.findall(r"```\n((?:[0-9a-f]{64}  \S+\n)+)```", README)
    for folder, listed in zip(("eval", "eval/extraction"), block, strict=True):
        frozen = (ROOT / folder / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
        assert listed.splitlines() == [line for line in frozen if not line.endswith("  README.md")], folder


def _anchor(heading: str) -> str:
    """GitHub's anchor of a heading: lower case, punctuation dropped, spaces as hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def test_links_between_the_readme_and_docs_resolve():
    pages = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    broken = []
    for page in pages:
        text = page.read_text(encoding="utf-8")
        for target in re.findall(r"\]\(([^)\s]+)\)", text):
            if target.startswith(("http://", "https://")):
                continue
            path, _, anchor = target.partition("#")
            file = (page.parent / path).resolve() if path else page
            if not file.exists():
                broken.append(f"{page.name}: {target}")
            elif anchor and file.suffix == ".md":
                headings = re.findall(r"^#+ (.+)$", file.read_text(encoding="utf-8"), re.M)
                if anchor not in {_anchor(h) for h in headings}:
                    broken.append(f"{page.name}: {target}")
    assert broken == []


def test_the_readme_keeps_the_markers_make_bench_writes_between():
    marks = re.search(r'README_MARK = \("([^"]+)", "([^"]+)"\)', (ROOT / "bench" / "compare.py").read_text("utf-8"))
    assert marks is not None
    start, end = marks.groups()
    assert README.index(start) < README.index(end) < README.index("## Frozen evaluation sets")
