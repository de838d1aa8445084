"""What a build extracted and what it could not: counts, unresolved names, inconsistencies.

The build prints this report; ``data/report.json`` keeps it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field


@dataclass(frozen=True)
class Issue:
    """One thing a reader should know: an unresolved name, an ambiguity, a document inconsistency."""

    kind: str  # unresolved | ambiguous | inconsistency | anomaly | rejected (an automatic fact breaking a shape)
    doc: str
    line: int
    text: str
    detail: str = ""


@dataclass
class ExtractionReport:
    """Collected by the extractors during one build."""

    issues: list[Issue] = field(default_factory=list)
    summaries: dict[str, list[str]] = field(default_factory=dict)
    counts: Counter[str] = field(default_factory=Counter)
    _seen: set[Issue] = field(default_factory=set, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._seen = set(self.issues)

    def add_issue(self, kind: str, doc: str, line: int, text: str, detail: str = "") -> None:
        """Record an issue once (duplicates are ignored; a set keeps this constant-time at any corpus size)."""
        issue = Issue(kind, doc, line, text, detail)
        if issue not in self._seen:
            self._seen.add(issue)
            self.issues.append(issue)

    def add_report(self, other: ExtractionReport) -> None:
        """Add another report's issues (each once) and summary lines, as a document's share of the build's."""
        for issue in other.issues:
            self.add_issue(issue.kind, issue.doc, issue.line, issue.text, issue.detail)
        for extractor, lines in other.summaries.items():
            for line in lines:
                self.summary(extractor, line)

    def summary(self, extractor: str, line: str) -> None:
        """Add one human-readable summary line for ``extractor``."""
        self.summaries.setdefault(extractor, []).append(line)

    def of_kind(self, kind: str) -> list[Issue]:
        """Issues of one kind, in document/line order."""
        return sorted((i for i in self.issues if i.kind == kind), key=lambda i: (i.doc, i.line))

    def to_dict(self) -> dict:
        """JSON-able form."""
        return {"counts": dict(self.counts), "summaries": self.summaries,
                "issues": [asdict(i) for i in sorted(self.issues, key=lambda i: (i.doc, i.line, i.kind))]}

    def format(self) -> str:
        """Multi-line text for the terminal."""
        lines: list[str] = []
        for name, rows in self.summaries.items():
            lines.append(f"{name}:")
            lines.extend(f"  {row}" for row in rows)
        if self.counts:
            lines.append("counts per class: " + ", ".join(f"{k} {v}" for k, v in sorted(self.counts.items())))
        for kind in ("unresolved", "ambiguous", "inconsistency", "anomaly", "rejected"):
            items = self.of_kind(kind)
            if items:
                lines.append(f"{kind} ({len(items)}):")
                lines.extend(f"  {i.doc}:{i.line} {i.text!r} {i.detail}".rstrip() for i in items)
        return "\n".join(lines)
