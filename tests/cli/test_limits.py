"""The API's input limits hold in the command line too: one clear line naming the limit, non-zero exit."""

from __future__ import annotations

from pathlib import Path

import pytest

from runtime.settings import Settings
from tests.cli.runner import gyoryu

LIMITS = Settings()
LONG_TEXT = "교" * (LIMITS.max_text_length + 1)


@pytest.mark.parametrize("args", [("search", LONG_TEXT), ("partners", LONG_TEXT), ("partners", "--like", LONG_TEXT),
                                  ("agreements", LONG_TEXT), ("coordinators", LONG_TEXT)])
def test_text_over_the_limit_is_refused(built_data: Path, args: tuple[str, ...]) -> None:
    proc = gyoryu(*args, data=built_data, check=False)
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.strip() == (f"gyoryu {args[0]}: error: the text has {LIMITS.max_text_length + 1} characters; "
                                   f"the limit is {LIMITS.max_text_length} (GYORYU_MAX_TEXT_LENGTH)")


@pytest.mark.parametrize("command", ["search", "partners"])
@pytest.mark.parametrize("k", ["0", str(LIMITS.max_k + 1)])
def test_k_outside_its_range_is_refused(built_data: Path, command: str, k: str) -> None:
    proc = gyoryu(command, "교류", "-k", k, data=built_data, check=False)
    assert proc.returncode == 2
    assert proc.stderr.strip() == f"gyoryu {command}: error: -k must be between 1 and {LIMITS.max_k}"


def test_a_query_over_the_length_limit_is_refused(built_data: Path, tmp_path: Path) -> None:
    query = tmp_path / "long.rq"
    query.write_text("ASK {}" + " " * LIMITS.max_query_length, encoding="utf-8")
    proc = gyoryu("sparql", "-f", str(query), data=built_data, check=False)
    assert proc.returncode == 1
    assert proc.stderr.strip() == (f"gyoryu sparql: error: query is {LIMITS.max_query_length + 6} characters; "
                                   f"the limit is {LIMITS.max_query_length} (GYORYU_MAX_QUERY_LENGTH)")


def test_a_smaller_limit_from_the_environment_holds(built_data: Path, monkeypatch) -> None:
    monkeypatch.setenv("GYORYU_MAX_TEXT_LENGTH", "3")
    proc = gyoryu("agreements", "서울특별", data=built_data, check=False)
    assert proc.returncode == 2 and "the limit is 3" in proc.stderr
