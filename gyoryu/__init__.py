"""Gyoryu: a knowledge graph and semantic search over Korean local-government exchange documents."""

__version__ = "0.1.0"
