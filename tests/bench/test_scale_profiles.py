"""bench/scale_profiles.py: the profile stage alone, on built data, writes the profiles the build wrote."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import scale_profiles  # noqa: E402

from index import artifacts  # noqa: E402


def test_the_stage_alone_writes_the_built_profiles(built_data, tmp_path, capsys):
    assert scale_profiles.main([str(built_data), str(tmp_path)]) == 0
    figures = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    built = built_data / "index"
    assert (tmp_path / artifacts.PROFILES).read_bytes() == (built / artifacts.PROFILES).read_bytes()
    assert np.allclose(np.load(tmp_path / artifacts.PROFILE_VECTORS), np.load(built / artifacts.PROFILE_VECTORS),
                       atol=1e-5)
    profiles = json.loads((built / artifacts.PROFILES).read_text(encoding="utf-8"))
    assert figures["profiles"] == len(profiles) and figures["fact_text_vectors"] == "model"
    assert figures["passage_ids"] == sum(len(p["passages"]) for p in profiles)
    assert 0 < figures["fact_texts"] <= len(profiles)
    assert set(figures["parts"]) == {"passage links", "graph partners", "graph part", "fact texts",
                                     "profiles and vectors (fact texts included)", "write"}
