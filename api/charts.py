"""Small inline SVG pictures drawn on the server: a per-year bar chart and a radial neighbourhood.

>>> svg = timeline_svg([(2004, 1), (2008, 2)], "agreements per year")
>>> svg.count('class="bar"'), "2006" in svg
(2, True)
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from markupsafe import Markup, escape

MAX_BAR_WIDTH = 36
PALETTE = ("#1f6feb", "#d1242f", "#1a7f37", "#9a6700", "#8250df", "#bf3989", "#0969da", "#57606a")


def timeline_svg(per_year: Sequence[tuple[int, int]], title: str, width: int = 640,
                 height: int = 220) -> Markup:
    """Bars of counts per year, every year between the first and the last shown on the axis."""
    if not per_year:
        return Markup("")
    counts = dict(per_year)
    first, last = min(counts), max(counts)
    years = list(range(first, last + 1))
    top = max(counts.values())
    left, bottom, pad = 32, 28, 8
    plot_w, plot_h = width - left - pad, height - bottom - pad
    slot = plot_w / len(years)
    label_every = max(1, math.ceil(len(years) / 16))
    parts = [f'<svg class="chart timeline" role="img" viewBox="0 0 {width} {height}" '
             f'xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>']
    for tick in sorted({0, top, (top + 1) // 2}):
        y = pad + plot_h - plot_h * tick / top
        parts.append(f'<line class="grid" x1="{left}" x2="{width - pad}" y1="{y:.1f}" y2="{y:.1f}"/>'
                     f'<text class="axis" x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{tick}</text>')
    for i, year in enumerate(years):
        x = left + i * slot
        n = counts.get(year, 0)
        if n:
            h, w = plot_h * n / top, min(slot * 0.7, MAX_BAR_WIDTH)
            parts.append(f'<rect class="bar" data-year="{year}" data-count="{n}" x="{x + (slot - w) / 2:.1f}" '
                         f'y="{pad + plot_h - h:.1f}" width="{w:.1f}" height="{h:.1f}">'
                         f'<title>{year}: {n}</title></rect>')
        if (year - first) % label_every == 0:
            parts.append(f'<text class="axis" x="{x + slot / 2:.1f}" y="{height - 10}" '
                         f'text-anchor="middle">{year}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def network_svg(centre: str, neighbours: Sequence[tuple[str, str | None, str]], title: str,
                size: int = 560) -> Markup:
    """The entity in the middle; each neighbour ``(label, link, relation)`` on a circle, by relation."""
    if not neighbours:
        return Markup("")
    relations = sorted({rel for _, _, rel in neighbours})
    colour = {rel: PALETTE[i % len(PALETTE)] for i, rel in enumerate(relations)}
    c, radius = size / 2, size / 2 - 70
    parts = [f'<svg class="chart network" role="img" viewBox="0 0 {size} {size + 24 * len(relations)}" '
             f'xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>']
    nodes = []
    for i, (label, link, rel) in enumerate(neighbours):
        angle = 2 * math.pi * i / len(neighbours) - math.pi / 2
        x, y = c + radius * math.cos(angle), c + radius * math.sin(angle)
        parts.append(f'<line class="edge" x1="{c}" y1="{c}" x2="{x:.1f}" y2="{y:.1f}" '
                     f'stroke="{colour[rel]}"/>')
        anchor = "start" if math.cos(angle) > 0.2 else "end" if math.cos(angle) < -0.2 else "middle"
        dx = 8 if anchor == "start" else -8 if anchor == "end" else 0
        dy = 16 if math.sin(angle) > 0.9 else -10 if math.sin(angle) < -0.9 else 4
        node = (f'<circle class="node" cx="{x:.1f}" cy="{y:.1f}" r="6" fill="{colour[rel]}"/>'
                f'<text class="node-label" x="{x + dx:.1f}" y="{y + dy:.1f}" text-anchor="{anchor}">'
                f'{escape(label)}</text>')
        nodes.append(f'<a href="{escape(link)}">{node}</a>' if link else node)
    parts.extend(nodes)
    parts.append(f'<circle class="node centre" cx="{c}" cy="{c}" r="10"/>'
                 f'<text class="node-label centre" x="{c}" y="{c - 16}" text-anchor="middle">'
                 f'{escape(centre)}</text>')
    for i, rel in enumerate(relations):
        y = size + 12 + 24 * i
        parts.append(f'<circle cx="16" cy="{y - 4}" r="6" fill="{colour[rel]}"/>'
                     f'<text class="legend" x="28" y="{y}">{escape(rel)}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))
