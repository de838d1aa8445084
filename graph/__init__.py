"""The knowledge graph: facts read from documents with line provenance, names resolved through the registry,
the RDF dataset built, validated, stored, queried and read."""
