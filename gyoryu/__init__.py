"""The command line (`gyoryu …`) and the atomic build pipeline that runs every layer into ``data/``."""

from runtime.version import __version__

__all__ = ["__version__"]
