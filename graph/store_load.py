"""Bulk-load built data (``graph.nq``) into a remote store, as configured by ``GYORYU_STORE_LOAD``.

Two methods, each a store's fast path over HTTP:

* ``nquads+URL``: one ``PUT`` of the whole dataset as N-Quads, replacing what the store held
  (the oxigraph server's ``/store``).
* ``gsp+URL``: the SPARQL 1.1 Graph Store HTTP Protocol, one ``PUT ?graph=`` of N-Triples per
  named graph (Virtuoso's ``/sparql-graph-crud-auth``); Gyoryu's graphs the store holds and the
  data no longer has are deleted.

Either way the union of the named graphs, as a set, is loaded as graph
:data:`graph.remote_store.UNION_GRAPH`, which :class:`graph.remote_store.RemoteStore` queries as the
default graph (the embedded store's default graph).

Credentials go in the URL (``gsp+http://user:password@host/...``) and are sent with HTTP Digest
or Basic authentication, as the store asks.
"""

from __future__ import annotations

import base64
import urllib.error
import urllib.parse
import urllib.request
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from graph.remote_store import UNION_GRAPH, RemoteStore

#: Load methods by the scheme prefix of ``GYORYU_STORE_LOAD``.
METHODS = ("nquads", "gsp")


@dataclass(frozen=True)
class LoadTarget:
    """Where and how to load: the method, the endpoint URL without credentials, and the credentials."""

    method: str
    url: str
    user: str | None = None
    password: str | None = None

    @classmethod
    def parse(cls, setting: str) -> LoadTarget:
        """Read ``METHOD+http(s)://[user:password@]host/path``.

        >>> LoadTarget.parse("gsp+http://dba:pw@127.0.0.1:8890/sparql-graph-crud-auth")
        LoadTarget(method='gsp', url='http://127.0.0.1:8890/sparql-graph-crud-auth', user='dba', password='pw')
        """
        method, _, url = setting.partition("+")
        parts = urllib.parse.urlsplit(url)
        if method not in METHODS or parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(f"GYORYU_STORE_LOAD={setting!r}: use nquads+URL or gsp+URL (an http(s) URL)")
        netloc = parts.hostname + (f":{parts.port}" if parts.port else "")
        plain = urllib.parse.urlunsplit((parts.scheme, netloc, parts.path, parts.query, ""))
        user = urllib.parse.unquote(parts.username) if parts.username else None
        password = urllib.parse.unquote(parts.password) if parts.password else None
        return cls(method, plain, user, password)

    def authorization(self, method: str, url: str, timeout: float) -> str | None:
        """The ``Authorization`` header for ``method url``, from the challenge a bodiless request gets.

        Asked before the body is sent: a store such as Virtuoso closes the connection on a 401 while a
        large body is still being written, so the body could not simply be sent again after the challenge.
        """
        if self.user is None:
            return None
        try:
            with urllib.request.urlopen(urllib.request.Request(url, method="GET"), timeout=timeout) as response:
                response.read()
            return None  # the store asks no credentials
        except urllib.error.HTTPError as exc:
            if exc.code != 401:
                raise
            challenge = exc.headers.get("WWW-Authenticate", "")
        scheme, _, params = challenge.partition(" ")
        if scheme.lower() == "basic":
            token = base64.b64encode(f"{self.user}:{self.password or ''}".encode()).decode()
            return f"Basic {token}"
        if scheme.lower() != "digest":
            raise OSError(f"{url}: the store asks for {scheme or 'an unknown'} authentication; Digest or Basic needed")
        passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        passwords.add_password(None, url, self.user, self.password or "")
        fields = urllib.request.parse_keqv_list(urllib.request.parse_http_list(params))
        answer = urllib.request.HTTPDigestAuthHandler(passwords).get_authorization(
            urllib.request.Request(url, method=method), fields)
        return f"Digest {answer}"


def read_graphs(quads_file: Path) -> dict[str, list[ox.Triple]]:
    """The triples of ``quads_file`` by named graph, in file order; their union, as a set, in :data:`UNION_GRAPH`."""
    graphs: dict[str, list[ox.Triple]] = defaultdict(list)
    for quad in ox.parse(path=str(quads_file), format=ox.RdfFormat.N_QUADS):
        graphs[quad.graph_name.value].append(quad.triple)
    graphs[UNION_GRAPH] = list(dict.fromkeys(t for ts in graphs.values() for t in ts))
    return graphs


def _send(target: LoadTarget, method: str, url: str, body: bytes | None, media_type: str | None,
          timeout: float) -> int:
    headers = {"Content-Type": media_type} if media_type else {}
    authorization = target.authorization(method, url, timeout)
    if authorization:
        headers["Authorization"] = authorization
    request = urllib.request.Request(url, data=body, method=method, headers=headers)
    with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - configured by user
        response.read()
        return response.status


def _graph_url(base: str, graph: str) -> str:
    return f"{base}{'&' if '?' in base else '?'}graph={urllib.parse.quote(graph, safe='')}"


def load_store(quads_file: Path, setting: str, query_url: str | None = None, timeout: float = 600.0) -> int:
    """Load ``quads_file`` into the store named by ``setting`` (``GYORYU_STORE_LOAD``); the quads sent.

    ``query_url`` (``GYORYU_STORE``) lets a ``gsp`` load find and delete graphs the data no longer has.
    Raises :class:`OSError` (``urllib.error.HTTPError`` …) when the store refuses or cannot be reached.
    """
    target = LoadTarget.parse(setting)
    graphs = read_graphs(quads_file)
    if target.method == "nquads":
        quads = [ox.Quad(t.subject, t.predicate, t.object, ox.NamedNode(g)) for g, ts in graphs.items() for t in ts]
        _send(target, "PUT", target.url, ox.serialize(quads, format=ox.RdfFormat.N_QUADS), "application/n-quads",
              timeout)
        return len(quads)
    stale = set(RemoteStore(query_url, timeout).named_graphs()) - set(graphs) if query_url else set()
    for graph in sorted(stale):
        _send(target, "DELETE", _graph_url(target.url, graph), None, None, timeout)
    for graph, triples in graphs.items():
        _send(target, "PUT", _graph_url(target.url, graph), ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES),
              "application/n-triples", timeout)
    return sum(len(t) for t in graphs.values())
