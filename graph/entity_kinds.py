"""The kinds of named entity the registry holds, once: their class, IRI path and whether they can be partners.

Partner finding (its CLI ``--type`` choices, the API's validation and description) and the registry
graph derive from :data:`ENTITY_KINDS`.

>>> PARTNER_KINDS
('region', 'organization')
>>> ENTITY_KINDS["organization"].class_name, ENTITY_KINDS["country"].path
('Organization', 'country')
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class EntityKind:
    """One kind: its name (as in ``graph/data/*.tsv`` and the API), its ``gy:`` class, and if it can be a partner."""

    name: str
    class_name: str
    partner: bool

    @property
    def path(self) -> str:
        """The IRI path segment of its entities: ``…/id/<path>/<id>``."""
        return self.name


ENTITY_KINDS: dict[str, EntityKind] = {k.name: k for k in (
    EntityKind("region", "Region", partner=True),
    EntityKind("organization", "Organization", partner=True),
    EntityKind("country", "Country", partner=False),
)}
#: Kinds partner finding ranks (``--type``, ``type=``).
PARTNER_KINDS: tuple[str, ...] = tuple(k.name for k in ENTITY_KINDS.values() if k.partner)
#: Their ``gy:`` class names (``Region``, ``Organization``), as partner profiles and query links carry them.
PARTNER_CLASSES: tuple[str, ...] = tuple(ENTITY_KINDS[k].class_name for k in PARTNER_KINDS)
