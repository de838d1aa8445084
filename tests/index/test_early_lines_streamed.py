"""A cold build embeds lines early on the second core only when its index takes them (not when it streams)."""

from __future__ import annotations

from dataclasses import replace

import pytest

import index.build
from gyoryu.build import build
from index.early_lines import EarlyLines
from runtime.progress import Progress
from runtime.settings import Settings


class _Stop(Exception):
    pass


def test_a_streamed_cold_build_embeds_no_lines_early_and_a_whole_one_does(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n in range(3):
        (corpus / f"d{n}.txt").write_text(f"서울특별시 교류 현황 {n}\n○ 가나시와 우호 협력\n", encoding="utf-8")
    seen: list = []

    def meanwhile(settings, early=None):  # what the build would load the models beside; then stop it
        seen.append(early)
        raise _Stop

    monkeypatch.setattr(index.build, "model_loading_meanwhile", meanwhile)
    settings = replace(Settings.from_env(), cluster="", build_workers=1)
    for stream_above in (2, 3):  # 3 documents: streamed above 2, whole up to 3
        with pytest.raises(_Stop):
            build(corpus, tmp_path / "data", replace(settings, stream_above=stream_above), Progress(quiet=True))
    assert seen[0] is None and isinstance(seen[1], EarlyLines)
    assert not (tmp_path / "data").exists()
