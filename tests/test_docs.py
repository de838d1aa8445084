"""The README documents every setting, command and example query (a test fails when one is missing)."""

from __future__ import annotations

from pathlib import Path

from graph.examples import EXAMPLES
from gyoryu.cli import build_parser
from runtime.settings import SETTINGS

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


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


def test_foundation_examples_are_in_the_readme():
    for example in EXAMPLES[:4]:
        select = next(line for line in example["query"].splitlines() if line.startswith("SELECT"))
        assert select in README, example["id"]


def test_search_inside_sparql_examples_are_in_the_readme_verbatim():
    from graph.examples import SEARCH_EXAMPLES

    for example in SEARCH_EXAMPLES:
        body = "\n".join(line for line in example["query"].splitlines() if not line.startswith("PREFIX"))
        assert f"```sparql\n{body}\n```" in README, example["id"]
