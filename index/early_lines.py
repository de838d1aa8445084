"""Line vectors embedded in a process of their own, from a cold build's start to its lines stage.

The lines of multi-line passages are nearly all known before the graph is: a document cut without the graph's row
subjects gives the same line texts but for a few (on the seeds 2,924 of the 2,925 lines the build embeds, and 70 it
does not), and a line's vector depends on its text alone (one text a run, decision 0035). So a child process loads
the lines' model and embeds them one at a time while the build's process extracts, validates, cuts passages and
embeds them; when the lines stage asks for the lines it needs, the child embeds those it has not (on the build's
threads) and hands every vector over, bit for bit what the stage would have computed.

A process, not a thread (decisions 0050, 0073 → 0110): a thread beside the graph stages had to take Python's lock
after every run, and got 0.34–0.87 of the second core (least beside Kiwi, which holds the lock); a process has its
own. It keeps embedding during the passage embedding (three runners on two cores: nothing idles at the stage's
chunk ends or its serial steps) and the build's process never loads the lines' model. Anything that goes wrong in
the child leaves the lines to the lines stage, as without it.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import time
from multiprocessing.connection import Connection

import numpy as np

from corpus import Document
from index.passages import segment
from index.reuse import text_key
from runtime.settings import Settings

#: Seconds the build waits for the line process to hand its vectors over after it has embedded what was asked; past
#: it, the lines stage embeds them itself.
HAND_OVER_S = 600.0


def likely_lines(documents: list[Document]) -> list[str]:
    """The distinct line texts that get line vectors when ``documents`` are cut without the graph, in document order."""
    from index.line_vectors import line_texts

    return list(dict.fromkeys(text for doc in documents for passage in segment(doc) for _, text in line_texts(passage)))


def embed_lines(conn: Connection, documents: list[Document], settings: Settings) -> None:
    """The child: embed :func:`likely_lines` one a run until the build sends the texts it wants (``None``: nothing),
    then embed those still missing and send ``(model sha256, vectors by text key of the wanted texts, how many were
    embedded before the ask, CPU seconds)``."""
    from index.embedder import Embedder
    from index.line_vectors import line_settings

    embedder = Embedder.load(line_settings(settings))
    vectors: dict[str, np.ndarray] = {}
    for text in likely_lines(documents):
        if conn.poll():
            break
        vectors[text_key(text)] = embedder.encode_passages([text])[0]
    before = len(vectors)
    try:
        wanted = conn.recv()
    except (EOFError, OSError):  # the build is gone (killed): nothing to hand over
        return
    if wanted is None:
        return
    missing = [t for t in dict.fromkeys(wanted) if text_key(t) not in vectors]
    if missing:
        vectors.update(zip([text_key(t) for t in missing], embedder.encode_passages(missing), strict=True))
    keys = set(map(text_key, wanted))
    with contextlib.suppress(OSError):
        conn.send((embedder.sha256, {k: v for k, v in vectors.items() if k in keys}, before, time.process_time()))


class EarlyLines:
    """The line process of a cold build: :meth:`start` it before the build's threads, :meth:`taken` at the lines
    stage, :meth:`close` at the end (also on failure)."""

    def __init__(self, documents: list[Document]) -> None:
        self.documents = documents
        #: After :meth:`taken`: lines embedded before the lines stage asked, and the child's CPU seconds.
        self.early = 0
        self.cpu_s = 0.0
        self._process: multiprocessing.process.BaseProcess | None = None
        self._conn: Connection | None = None

    def start(self, settings: Settings) -> None:
        """Start the child (a fresh interpreter: the build's threads and locks are not copied into it)."""
        context = multiprocessing.get_context("spawn")
        self._conn, child = context.Pipe()
        self._process = context.Process(target=embed_lines, args=(child, self.documents, settings),
                                        name="gyoryu-early-lines", daemon=True)
        self._process.start()
        child.close()

    def taken(self, model_sha256: str, texts: list[str]) -> dict[str, np.ndarray]:
        """The vectors of ``texts`` by text key, embedded by the child with the model ``model_sha256`` (else none;
        none either when the child failed): it embeds those it lacks first, on this build's threads."""
        if self._conn is None:
            return {}
        try:
            self._conn.send(list(dict.fromkeys(texts)))
            if not self._conn.poll(HAND_OVER_S):
                return {}
            sha256, vectors, self.early, self.cpu_s = self._conn.recv()
        except (EOFError, OSError, ValueError):
            return {}
        finally:
            self.close()
        return vectors if sha256 == model_sha256 else {}

    def close(self) -> None:
        """End the child (a build that failed or finished without asking) and wait for it."""
        if self._conn is not None:
            with contextlib.suppress(OSError, ValueError):
                self._conn.send(None)
            self._conn.close()
            self._conn = None
        if self._process is not None:
            self._process.join(5)
            if self._process.is_alive():
                self._process.terminate()
                self._process.join()
            self._process = None
