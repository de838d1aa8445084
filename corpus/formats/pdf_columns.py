"""Pages printed in columns (a weekly's two columns, a newsletter's three): read column by column.

pdfplumber makes lines of the characters that stand at one height, so on a page in two columns a line of the left
column and the line of the right column beside it came back as one line (``…대회의실 옥천군의회와…``), and a heading of
the right column fell between two lines of the left one. A page is read in columns when a **gutter** divides it: an
upright strip in the middle of the text (:data:`MIDDLE`) at least :data:`GUTTER_EM` characters wide that few lines
cross, with at least :data:`MIN_LINES` lines of text on each side of it, a third of the lines left of it ending near
it and half of the lines right of it starting at one edge (text wrapped in columns, not a table or a label laid out
beside its value). Lines that cross the gutter (a headline over both columns, a table across the page) are read
where they stand and end a band of columns: the text of a band is read column by column, left first, and a column
that is itself divided (three columns) is read the same way.

A page without a gutter is read as before, line by line from top to bottom, so its lines do not move.

>>> ink = [[(0, 90)], [(0, 40), (60, 100)], [(0, 42), (60, 95)], [(0, 41), (60, 100)], [(0, 40), (60, 80)]]
>>> find_gutter(ink, em=5.0)
(42, 60)
>>> find_gutter([[(0, 100)], [(0, 98)], [(0, 40), (60, 100)]], em=5.0) is None
True
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from statistics import median

#: Runs of ink on one line: (left, right) of characters closer than a gutter to one another.
Runs = Sequence[tuple[float, float]]
#: The gutter's middle lies within this share of the text's width, measured from its left edge.
MIDDLE = (0.3, 0.7)
#: Least width of a gutter, in the size of the page's characters (CSS columns are 1 em apart by default).
GUTTER_EM = 0.8
#: Least number of lines of text on each side of a gutter.
MIN_LINES = 3
#: Least share of the lines left of a gutter that end near it (a paragraph's last line and a short heading do not),
#: and of the lines right of it that start at its edge: text wrapped in columns.
ENDS_SHARE, STARTS_SHARE = 0.3, 0.5
#: How near (share of the column's width) a left line's end must be to the gutter to count as wrapped there.
NEAR_END = 0.2
#: At most this share of the lines may cross a gutter (headlines, tables across the page).
MAX_CROSSING = 0.34
#: How many times a column is divided again (three columns are a column divided once more).
MAX_DEPTH = 2


def ink_runs(chars: Sequence[dict], gap: float) -> list[tuple[float, float]]:
    """A line's characters (not spaces) as runs of ink: characters less than ``gap`` apart are one run."""
    runs: list[list[float]] = []
    for char in sorted((c for c in chars if c["text"].strip()), key=lambda c: c["x0"]):
        if runs and char["x0"] - runs[-1][1] < gap:
            runs[-1][1] = max(runs[-1][1], char["x1"])
        else:
            runs.append([char["x0"], char["x1"]])
    return [(a, b) for a, b in runs]


def _beside(runs: Runs, x: float) -> tuple[bool, bool, bool]:
    """Whether a line crosses ``x``, has ink left of it, has ink right of it."""
    crosses = any(a < x < b for a, b in runs)
    return crosses, any(b <= x for _, b in runs), any(a >= x for a, _ in runs)


def find_gutter(lines: Sequence[Runs], em: float) -> tuple[float, float] | None:
    """The strip (left, right) that divides lines of ink runs into two columns, or None (see the module's text)."""
    runs = [r for r in lines if r]
    if not runs:
        return None
    left_edge, right_edge = min(a for r in runs for a, _ in r), max(b for r in runs for _, b in r)
    width = right_edge - left_edge
    candidates: list[tuple[int, float, float]] = []
    x = left_edge + MIDDLE[0] * width
    while x <= left_edge + MIDDLE[1] * width:
        candidates.append((sum(_beside(r, x)[0] for r in runs), abs(x - left_edge - width / 2), x))
        x += 1.0
    tried: list[tuple[float, float]] = []
    for crossing, _, x in sorted(candidates):
        if crossing > MAX_CROSSING * len(runs):
            break
        if any(a <= x <= b for a, b in tried):
            continue  # a strip already tried
        gutter = _gutter_at(runs, x, em, left_edge)
        if gutter is not None:
            return gutter
        tried.append(_strip_at(runs, x))
    return None


def _strip_at(runs: Sequence[Runs], x: float) -> tuple[float, float]:
    """The widest strip around ``x`` that no run of a line not crossing ``x`` enters."""
    beside = [r for r in runs if not _beside(r, x)[0]]
    return (max([b for r in beside for _, b in r if b <= x], default=x),
            min([a for r in beside for a, _ in r if a >= x], default=x))


def _gutter_at(runs: Sequence[Runs], x: float, em: float, left_edge: float) -> tuple[float, float] | None:
    """The strip around ``x`` when it divides ``runs`` into columns of wrapped text (see the module's text)."""
    beside = [r for r in runs if not _beside(r, x)[0]]
    left = [[(a, b) for a, b in r if b <= x] for r in beside]
    right = [[(a, b) for a, b in r if a >= x] for r in beside]
    left, right = [r for r in left if r], [r for r in right if r]
    if len(left) < MIN_LINES or len(right) < MIN_LINES:
        return None
    gutter = (max(r[-1][1] for r in left), min(r[0][0] for r in right))
    if gutter[1] - gutter[0] < GUTTER_EM * em:
        return None
    near = NEAR_END * (gutter[0] - left_edge)
    ends = sum(r[-1][1] >= gutter[0] - near for r in left)
    starts = sum(r[0][0] <= gutter[1] + em for r in right)
    if ends < max(MIN_LINES, ENDS_SHARE * len(left)) or starts < max(MIN_LINES, STARTS_SHARE * len(right)):
        return None
    return gutter


#: A table row placed on the page: (top, left, right, row number, text).
Row = tuple[float, float, float, int, str]
#: Reads the text lines of the page's characters that a test keeps (pdfplumber's ``extract_text_lines``).
LineReader = Callable[[Callable[[dict], bool]], list[dict]]


def reading_order(read_lines: LineReader, spaces: list[dict], rows: list[Row],
                  keep: Callable[[dict], bool] = lambda c: True, depth: int = 0) -> list[str]:
    """The page's text lines (of the characters ``keep`` passes) and table ``rows`` in reading order: by height,
    or column by column where a gutter divides them. ``spaces`` are the page's blank characters (pdfplumber's lines
    do not list them): each goes with the column of the line it stands on."""
    lines = read_lines(keep)
    sizes = [c["size"] for line in lines for c in line["chars"] if c["text"].strip()]
    em = median(sizes) if sizes else 0.0
    ink = [ink_runs(line["chars"], GUTTER_EM * em) for line in lines] + [[(row[1], row[2])] for row in rows]
    gutter = find_gutter(ink, em) if depth < MAX_DEPTH and em else None
    if gutter is None:
        placed = [(line["top"], 0, line["text"]) for line in lines] + [(top, n, text) for top, _, _, n, text in rows]
        return [text for _, _, text in sorted(placed, key=lambda item: (item[0], item[1]))]
    middle = sum(gutter) / 2
    items = sorted([(line["top"], 0, line, None) for line in lines] + [(row[0], row[3], None, row) for row in rows],
                   key=lambda item: (item[0], item[1]))
    out: list[str] = []
    band: tuple[set[int], set[int], list[Row], list[Row]] = (set(), set(), [], [])

    def flush() -> None:
        for ids, side_rows in ((band[0], band[2]), (band[1], band[3])):
            if ids or side_rows:
                chosen = frozenset(ids)
                out.extend(reading_order(read_lines, spaces, list(side_rows),
                                         lambda c, chosen=chosen: id(c) in chosen, depth + 1))
            ids.clear()
            side_rows.clear()

    for _, _, line, row in items:
        if row is not None:
            if row[1] < middle < row[2]:
                flush()
                out.append(row[4])
            else:
                band[2 if row[2] <= middle else 3].append(row)
            continue
        if any(a < gutter[1] and b > gutter[0] for a, b in ink_runs(line["chars"], 0.0)):
            flush()
            out.append(line["text"])
            continue
        for char in [*line["chars"], *_spaces_on(line, spaces)]:
            band[0 if (char["x0"] + char["x1"]) / 2 < middle else 1].add(id(char))
    flush()
    return out


def _spaces_on(line: dict, spaces: list[dict]) -> list[dict]:
    """The blank characters standing on a line: within its height and width."""
    return [c for c in spaces if line["top"] - 1 <= (c["top"] + c["bottom"]) / 2 <= line["bottom"] + 1
            and line["x0"] <= c["x0"] and c["x1"] <= line["x1"]]
