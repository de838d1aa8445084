"""The W3C SPARQL 1.1 Protocol tests (vendored manifest, prose requests) against a live server.

Every entry of ``w3c_protocol/manifest.ttl`` whose description is vendored is a test that applies
to a read-only endpoint; the others are listed, with the reason, in ``w3c_protocol/README.md``.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import requests
from rdflib import RDF, RDFS, Graph, Namespace
from rdflib.collection import Collection

from api.app import create_app
from graph.store import GRAPH_FILE, STORE_DIR, write_store
from tests.api.conftest import LiveServer

HERE = Path(__file__).parent / "w3c_protocol"
MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
NOT_APPLICABLE = {"update_dataset_default_graph", "update_dataset_default_graphs", "update_dataset_named_graphs",
                  "update_dataset_full", "update_post_form", "update_post_direct", "update_base_uri"}
_MEDIA = re.compile(r"[a-z]+/[a-z0-9.+-]+")


@dataclass(frozen=True)
class ProtocolTest:
    """One manifest entry: the request to send and what the response must show."""

    name: str
    method: str
    target: str  # path and query string, as in the manifest
    headers: dict[str, str]
    body: bytes
    statuses: range
    media_types: tuple[str, ...]
    answer: bool | None


def _block(lines: list[str]) -> list[str]:
    """The indented lines of one request or response block, de-indented, trailing blanks dropped."""
    out = [line[4:] if line.startswith("    ") else line.strip() for line in lines]
    while out and not out[-1].strip():
        out.pop()
    while out and not out[0].strip():
        out.pop(0)
    return out


def parse_entry(name: str, comment: str) -> ProtocolTest:
    """Read the request and expected response out of an entry's prose."""
    request_text, response_text = comment.split("#### Request", 1)[1].split("#### Response", 1)
    lines = _block(request_text.splitlines())
    method, target = lines[0].split()[:2]
    headers: dict[str, str] = {}
    rest = lines[1:]
    while rest and rest[0].strip():
        key, _, value = rest.pop(0).partition(":")
        if key.strip().lower() not in ("host", "content-length"):
            headers[key.strip()] = value.strip()
    body_text = "\n".join(rest).strip()
    encoding = "utf-16" if "encoded in utf-16" in comment.split("#### Request", 1)[0] else "utf-8"
    expected = _block(response_text.splitlines())
    statuses = range(400, 500) if expected[0].startswith("4xx") else range(200, 400)
    media: tuple[str, ...] = ()
    answer = None
    for line in expected[1:]:
        if line.lower().startswith("content-type:"):
            media = tuple(_MEDIA.findall(line.split(":", 1)[1]))
        elif line.strip() in ("true", "false"):
            answer = line.strip() == "true"
    return ProtocolTest(name, method, target, headers, body_text.encode(encoding), statuses, media, answer)


def load_manifest() -> tuple[list[str], list[ProtocolTest]]:
    """Every entry name, and the tests whose descriptions are vendored."""
    graph = Graph().parse(HERE / "manifest.ttl", format="turtle")
    manifest = next(graph.subjects(RDF.type, MF.Manifest))
    entries = list(Collection(graph, graph.value(manifest, MF.entries)))
    names = [str(e).rsplit("#", 1)[1] for e in entries]
    tests = [parse_entry(n, str(graph.value(e, RDFS.comment))) for n, e in zip(names, entries, strict=True)
             if graph.value(e, RDFS.comment) is not None]
    return names, tests


NAMES, TESTS = load_manifest()


def test_every_entry_runs_or_is_listed_as_not_applicable() -> None:
    ran = {t.name for t in TESTS}
    assert len(NAMES) == 34 and len(ran) == 27
    assert set(NAMES) == ran | NOT_APPLICABLE and not ran & NOT_APPLICABLE
    readme = (HERE / "README.md").read_text(encoding="utf-8")
    assert all(f"`{name}`" in readme for name in NOT_APPLICABLE)


@pytest.fixture(scope="module")
def w3c_server(tmp_path_factory, settings):
    """A live server over the graphs the dataset tests name (``data.nq``), nothing else."""
    data = tmp_path_factory.mktemp("w3c") / "data"
    data.mkdir()
    (data / GRAPH_FILE).write_bytes((HERE / "data.nq").read_bytes())
    write_store(data / GRAPH_FILE, data / STORE_DIR)
    app = create_app(replace(settings, data_dir=data, sparql_workers=2))
    with LiveServer(app) as server:
        yield server.url
    app.extensions["gyoryu"].close()


def _answer(resp: requests.Response) -> bool:
    media = resp.headers["Content-Type"].split(";")[0]
    if media.endswith("json"):
        doc = json.loads(resp.content)
        return doc["boolean"] if "boolean" in doc else bool(doc["results"]["bindings"])
    root = ET.fromstring(resp.content)
    ns = "{http://www.w3.org/2005/sparql-results#}"
    boolean = root.find(f"{ns}boolean")
    return boolean.text == "true" if boolean is not None else bool(root.findall(f"{ns}results/{ns}result"))


@pytest.mark.parametrize("case", TESTS, ids=[t.name for t in TESTS])
def test_w3c_protocol(w3c_server: str, case: ProtocolTest) -> None:
    target = urlsplit(case.target)
    url = f"{w3c_server}/sparql" + (f"?{target.query}" if target.query else "")
    headers = {"Accept": None, "Content-Type": None, **case.headers}  # only the manifest's own headers
    resp = requests.request(case.method, url, data=case.body or None, headers=headers, timeout=60)
    assert resp.status_code in case.statuses, resp.text
    if case.media_types:
        assert resp.headers["Content-Type"].split(";")[0] in case.media_types
    if case.answer is not None:
        assert _answer(resp) is case.answer
