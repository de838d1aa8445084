"""The Gyoryu vocabulary (``gyoryu.ttl``), SHACL shapes (``shapes.ttl``) and namespace constants."""

from pathlib import Path

ONTOLOGY_DIR = Path(__file__).resolve().parent
VOCABULARY_FILE = ONTOLOGY_DIR / "gyoryu.ttl"
SHAPES_FILE = ONTOLOGY_DIR / "shapes.ttl"
