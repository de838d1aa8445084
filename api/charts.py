"""Small inline SVG pictures drawn on the server: a per-year bar chart and a radial neighbourhood.

>>> svg = timeline_svg([(2004, 1), (2008, 2)], "agreements per year")
>>> svg.count('class="bar"'), "2006" in svg
(2, True)
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Sequence

from markupsafe import Markup, escape

MAX_BAR_WIDTH = 36
PALETTE = ("#1f6feb", "#d1242f", "#1a7f37", "#9a6700", "#8250df", "#bf3989", "#1b7c83", "#57606a", "#e16f24",
           "#0a3069")


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


#: Neighbourhood picture: label font size, the widest label before it is shortened (full name in its tooltip).
LABEL_PX = 12
MAX_LABEL_PX = 320
ROW_PX = 18
LEGEND_ROW = 22


def text_width(text: str, font_px: float = LABEL_PX) -> float:
    """A generous estimate of rendered width: Hangul, CJK and other wide characters take a full em.

    >>> text_width("도야마현"), text_width("NEAR")
    (48.0, 28.8)
    """
    return round(sum(1.0 if unicodedata.east_asian_width(ch) in ("W", "F") else 0.6 for ch in text) * font_px, 1)


def fit_label(text: str, max_px: float = MAX_LABEL_PX) -> str:
    """``text``, shortened with an ellipsis to fit ``max_px``.

    >>> fit_label("환경분과위원회 · 도야마현 · 2024", 120)
    '환경분과위원회 ·…'
    """
    if text_width(text) <= max_px:
        return text
    while text and text_width(text + "…") > max_px:
        text = text[:-1]
    return text.rstrip() + "…"


def _side_positions(count: int, c_x: float, c_y: float, rx: float, ry: float, side: int) -> list[tuple[float, float]]:
    """``count`` points on one side (1 right, -1 left) of an ellipse, evenly spaced in height, top to bottom."""
    if count == 1:
        return [(c_x + side * rx, c_y)]
    points = []
    for j in range(count):
        dy = -ry + 2 * ry * j / (count - 1)
        points.append((c_x + side * rx * math.sqrt(max(0.2, 1 - (dy / ry) ** 2)), c_y + dy))
    return points


def network_svg(centre: str, neighbours: Sequence[tuple[str, str | None, str]], title: str) -> Markup:
    """The entity in the middle; its neighbours ``(label, link, relation)`` to the right and left, by relation.

    Labels never overlap (neighbours sit on the two sides of an ellipse, one label row apart, each label
    pointing away from the middle), and the picture is sized so every label and the legend lie inside it.
    """
    if not neighbours:
        return Markup("")
    relations = list(dict.fromkeys(rel for _, _, rel in sorted(neighbours, key=lambda n: n[2])))
    colour = {rel: PALETTE[i % len(PALETTE)] for i, rel in enumerate(relations)}
    labels = [fit_label(label) for label, _, _ in neighbours]
    centre_label = fit_label(centre, 2 * MAX_LABEL_PX)
    legend = [fit_label(rel, 2 * MAX_LABEL_PX) for rel in relations]
    right = (len(neighbours) + 1) // 2
    ry = max(60.0, ROW_PX * (right - 1) / 2)
    rx = max(140.0, min(260.0, 0.6 * ry + text_width(centre_label) / 2))
    pad = 12
    reach = rx + 10 + max(text_width(t) for t in labels)
    width = max(2 * (reach + pad), text_width(centre_label) + 2 * pad, 28 + max(text_width(t) for t in legend) + pad)
    c_x, c_y = width / 2, pad + LABEL_PX + ry
    height = c_y + ry + LABEL_PX + 2 * pad + LEGEND_ROW * len(relations)
    points = (_side_positions(right, c_x, c_y, rx, ry, 1)
              + _side_positions(len(neighbours) - right, c_x, c_y, rx, ry, -1)[::-1])
    parts = [f'<svg class="chart network" role="img" viewBox="0 0 {width:.0f} {height:.0f}" width="{width:.0f}" '
             f'height="{height:.0f}" xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>']
    nodes = []
    for (label, link, rel), shown, (x, y) in zip(neighbours, labels, points, strict=True):
        parts.append(f'<line class="edge" x1="{c_x:.1f}" y1="{c_y:.1f}" x2="{x:.1f}" y2="{y:.1f}" '
                     f'stroke="{colour[rel]}"/>')
        anchor, dx = ("start", 10) if x >= c_x else ("end", -10)
        node = (f'<g class="node-group"><title>{escape(label)} — {escape(rel)}</title>'
                f'<circle class="node" cx="{x:.1f}" cy="{y:.1f}" r="6" fill="{colour[rel]}"/>'
                f'<text class="node-label" x="{x + dx:.1f}" y="{y + LABEL_PX / 3:.1f}" text-anchor="{anchor}">'
                f'{escape(shown)}</text></g>')
        nodes.append(f'<a href="{escape(link)}">{node}</a>' if link else node)
    parts.extend(nodes)
    parts.append(f'<g class="node-group centre"><circle class="node centre" cx="{c_x:.1f}" cy="{c_y:.1f}" r="10"/>'
                 f'<text class="node-label centre" x="{c_x:.1f}" y="{c_y - 16:.1f}" text-anchor="middle">'
                 f'{escape(centre_label)}</text></g>')
    top = c_y + ry + LABEL_PX + pad
    for i, (rel, shown) in enumerate(zip(relations, legend, strict=True)):
        y = top + LEGEND_ROW * i + LABEL_PX
        parts.append(f'<g class="legend-item"><title>{escape(rel)}</title>'
                     f'<circle cx="16" cy="{y - 4}" r="6" fill="{colour[rel]}"/>'
                     f'<text class="legend" x="28" y="{y}">{escape(shown)}</text></g>')
    parts.append("</svg>")
    return Markup("".join(parts))
