"""waitress's own answers to requests it cannot read, in the API's JSON error shape.

waitress answers some requests before the app sees them: a request line whose URI is raw UTF-8 ("Bad URI"), a
bare CR or LF, a malformed header line, an invalid ``Content-Length``, headers or a body past its own limits, and a
500 when the app fails after starting its answer. Its own answer is plain text; here the same status comes back
as ``{"error": {"code": …, "message": …}}`` with the app's safety headers, from a channel whose error task
writes JSON. :func:`create_json_server` is waitress's ``create_server`` with that channel on every listening socket.
"""

from __future__ import annotations

from typing import Any

from waitress.channel import HTTPChannel
from waitress.server import BaseWSGIServer, create_server
from waitress.task import ErrorTask

from api.errors import error_body, json_error_headers


class JsonErrorTask(ErrorTask):
    """waitress's error answer with a JSON body: the code from the status's reason, the message from waitress."""

    def execute(self) -> None:
        error = self.request.error
        code = error.reason.lower().replace(" ", "_")
        body = error_body(code, f"{error.reason}: {error.body}" if error.body else error.reason)
        self.status = f"{error.code} {error.reason}"
        self.response_headers.extend(h for h in json_error_headers(body) if h[0] != "Content-Length")
        self.set_close_on_finish()
        self.content_length = len(body)
        self.write(body)


class JsonErrorChannel(HTTPChannel):
    """waitress's HTTP channel with :class:`JsonErrorTask` for the requests it refuses itself."""

    error_task_class = JsonErrorTask


def create_json_server(app: Any, **options: Any) -> Any:
    """``waitress.server.create_server(app, **options)`` whose listening sockets open :class:`JsonErrorChannel`s."""
    sockets: dict = {}
    server = create_server(app, map=sockets, **options)
    for dispatcher in list(sockets.values()):
        if isinstance(dispatcher, BaseWSGIServer):
            dispatcher.channel_class = JsonErrorChannel
    return server
