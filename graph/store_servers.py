"""Local store servers for tests and the bench: an oxigraph server or a Virtuoso, on a free loopback port.

Each server runs in its own temporary directory, with its own database, and is stopped and the
directory removed by :meth:`StoreServer.stop` (or leaving the ``with`` block): nothing survives.
:func:`start_store_server` returns the settings Gyoryu needs to use it: ``GYORYU_STORE`` (the
query endpoint) and ``GYORYU_STORE_LOAD`` (how the build loads it).

* ``oxigraph``: the ``oxigraph`` command of the PyPI wheel (``oxigraph serve``), its own
  query time limit ``--timeout-s``; loaded by one POST of N-Quads to ``/store``.
* ``virtuoso``: ``virtuoso-t`` of the Debian package ``virtuoso-opensource``, a fresh database
  with a random ``dba`` password, ``MaxQueryExecutionTime`` as its time limit; loaded graph by
  graph through its Graph Store endpoint ``/sparql-graph-crud-auth`` (HTTP Digest).
"""

from __future__ import annotations

import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

#: The kinds of server this module starts.
KINDS = ("oxigraph", "virtuoso")


def free_port() -> int:
    """A free TCP port on the loopback interface."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def oxigraph_command() -> str:
    """The ``oxigraph`` command installed beside this Python (the PyPI wheel), else the one on ``PATH``."""
    beside = Path(sys.executable).with_name("oxigraph")
    found = str(beside) if beside.exists() else shutil.which("oxigraph")
    if not found:
        raise FileNotFoundError("no `oxigraph` command: pip install oxigraph (the server wheel)")
    return found


@dataclass
class StoreServer:
    """A started store server: its process, directory and the Gyoryu settings that reach it."""

    kind: str
    process: subprocess.Popen
    directory: Path
    query_url: str
    load_url: str
    #: ``user:password`` for the server's authenticated endpoints (Virtuoso), else ``None``.
    credentials: str | None = None
    log: Path | None = field(default=None)

    @property
    def settings(self) -> dict[str, str]:
        """Environment settings that point Gyoryu at this server."""
        return {"GYORYU_STORE": self.query_url, "GYORYU_STORE_LOAD": self.load_url}

    def stop(self) -> None:
        """Stop the server and remove its directory."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)
        shutil.rmtree(self.directory, ignore_errors=True)

    def __enter__(self) -> StoreServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def _wait_until_answers(url: str, process: subprocess.Popen, timeout: float, log: Path) -> None:
    """Poll ``url`` with an ``ASK {}`` until it answers (the server is up) or ``timeout`` passes."""
    probe = url + "?query=ASK%7B%7D"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the store server exited with {process.returncode}: {_tail(log)}")
        try:
            with urllib.request.urlopen(probe, timeout=2) as response:  # noqa: S310 - loopback
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.2)
    raise RuntimeError(f"the store server did not answer within {timeout:g} s: {_tail(log)}")


def _tail(log: Path) -> str:
    try:
        return log.read_text(errors="replace")[-800:]
    except OSError:
        return "(no log)"


def start_oxigraph(timeout_s: float, startup: float = 30.0) -> StoreServer:
    """``oxigraph serve`` on a free loopback port with an on-disk store in a temporary directory."""
    directory = Path(tempfile.mkdtemp(prefix="gyoryu-oxigraph-"))
    port = free_port()
    log = directory / "server.log"
    with log.open("wb") as out:
        process = subprocess.Popen(  # noqa: S603 - fixed arguments
            [oxigraph_command(), "serve", "--location", str(directory / "db"), "--bind", f"127.0.0.1:{port}",
             "--timeout-s", f"{max(1, round(timeout_s))}"],
            stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    server = StoreServer("oxigraph", process, directory, f"http://127.0.0.1:{port}/query",
                         f"nquads+http://127.0.0.1:{port}/store", log=log)
    try:
        _wait_until_answers(server.query_url, process, startup, log)
    except BaseException:
        server.stop()
        raise
    return server


#: ``virtuoso.ini`` for a throw-away instance: paths in its directory, loopback ports, the time limit,
#: a row cap above Gyoryu's own (which stays the one that applies), no plugins.
VIRTUOSO_INI = """\
[Database]
DatabaseFile = {dir}/virtuoso.db
ErrorLogFile = {dir}/virtuoso.log
LockFile = {dir}/virtuoso.lck
TransactionFile = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {dir}/virtuoso-temp.db
TransactionFile = {dir}/virtuoso-temp.trx
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
CheckpointInterval = 0
CaseMode = 2
DirsAllowed = {dir}
NumberOfBuffers = 20000
MaxDirtyBuffers = 15000
ThreadsPerQuery = 2
MaxQueryMem = 500M
VADInstallDir = /nonexistent

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {dir}
ServerThreads = 8
MaxClientConnections = 8
KeepAliveTimeout = 10
Charset = UTF-8
EnabledGzipContent = 0

[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryCostEstimationTime = 0
MaxQueryExecutionTime = {timeout_s}
"""


def start_virtuoso(timeout_s: float, startup: float = 90.0) -> StoreServer:
    """``virtuoso-t`` in the foreground with a fresh database in a temporary directory; a random ``dba`` password."""
    binary = shutil.which("virtuoso-t")
    isql = shutil.which("isql-vt") or shutil.which("isql")
    if not binary or not isql:
        raise FileNotFoundError("no `virtuoso-t`: apt-get install virtuoso-opensource")
    directory = Path(tempfile.mkdtemp(prefix="gyoryu-virtuoso-"))
    sql_port, http_port = free_port(), free_port()
    ini = directory / "virtuoso.ini"
    ini.write_text(VIRTUOSO_INI.format(dir=directory, sql_port=sql_port, http_port=http_port,
                                       timeout_s=max(1, round(timeout_s))))
    log = directory / "virtuoso.log"
    process = subprocess.Popen(  # noqa: S603 - fixed arguments
        [binary, "+foreground", "+configfile", str(ini)], cwd=directory,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
    password = secrets.token_hex(12)
    url = f"http://127.0.0.1:{http_port}"
    server = StoreServer("virtuoso", process, directory, f"{url}/sparql",
                         f"gsp+http://dba:{password}@127.0.0.1:{http_port}/sparql-graph-crud-auth",
                         credentials=f"dba:{password}", log=log)
    try:
        _wait_until_answers(server.query_url, process, startup, log)
        subprocess.run([isql, str(sql_port), "dba", "dba", f"exec=USER_SET_PASSWORD('dba', '{password}');"],  # noqa: S603
                       check=True, capture_output=True, timeout=60)
    except BaseException:
        server.stop()
        raise
    return server


def start_store_server(kind: str, timeout_s: float = 10.0) -> StoreServer:
    """Start a store server of ``kind`` (one of :data:`KINDS`) whose own query time limit is ``timeout_s``."""
    if kind == "oxigraph":
        return start_oxigraph(timeout_s)
    if kind == "virtuoso":
        return start_virtuoso(timeout_s)
    raise ValueError(f"unknown store server kind {kind!r}: use one of {', '.join(KINDS)}")
