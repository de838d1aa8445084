"""Settings: one table (``SETTINGS``) gives every default; the dataclass, the environment and the README agree."""

from __future__ import annotations

import re
from dataclasses import fields
from pathlib import Path

import pytest

from runtime.settings import DEFAULT_SETTINGS, SETTINGS, Settings

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


def test_every_field_has_one_row_in_the_table() -> None:
    assert [f.name for f in fields(Settings)] == list(SETTINGS)


def test_defaults_come_from_the_table() -> None:
    made = Settings()
    assert made == Settings.from_env({})
    assert made.max_k == DEFAULT_SETTINGS["max_k"] == 50
    assert made.query_timeout == 10.0 and isinstance(made.query_timeout, float)
    assert made.data_dir == Path("data")
    assert made.model_cache == Path("~/.cache/gyoryu/models").expanduser()


def test_readme_states_each_default_of_the_table() -> None:
    for spec in SETTINGS.values():
        row = re.search(rf"^\| `{spec.env}` \| `([^`]*)` \|", README, re.M)
        assert row is not None, spec.env
        assert row.group(1) == re.sub(r"\.0$", "", str(spec.default)), spec.env


def test_environment_overrides_and_bad_values_are_named() -> None:
    s = Settings.from_env({"GYORYU_MAX_K": "7", "GYORYU_DATA": "~/d", "GYORYU_HOST": ""})
    assert (s.max_k, s.data_dir, s.host) == (7, Path("~/d").expanduser(), "127.0.0.1")
    with pytest.raises(ValueError, match="GYORYU_PORT='eighty' is not a valid int"):
        Settings.from_env({"GYORYU_PORT": "eighty"})
