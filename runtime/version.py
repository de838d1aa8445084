"""The Gyoryu version, recorded in built data and shown by ``gyoryu --version`` and ``/openapi.json``."""

__version__ = "0.1.0"
