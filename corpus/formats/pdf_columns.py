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

A page divided by a gutter into **rows** (a timeline of ``date and place | what was signed`` printed as flex rows or a
borderless table, text wrapped on both sides) is no page of columns: where each side's blocks of lines begin level
with the other side's (:func:`row_starts`), the page is read row by row, each row's left cell then its right one, a
cell's wrapped lines joined into one line as the HTML the page was printed from gives it.

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
#: Two lines are level when their tops differ by at most this share of an em (rows of a row layout).
LEVEL_EM = 0.3
#: A block of lines ends where the next line stands this share of an em further down than the closest lines do.
BLOCK_GAP_EM = 0.4
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
    starts = row_starts(lines, gutter, em)
    in_row = False
    items = sorted([(line["top"], 0, line, None) for line in lines] + [(row[0], row[3], None, row) for row in rows],
                   key=lambda item: (item[0], item[1]))
    out: list[str] = []
    band: tuple[set[int], set[int], list[Row], list[Row]] = (set(), set(), [], [])

    def flush() -> None:
        for ids, side_rows in ((band[0], band[2]), (band[1], band[3])):
            if ids or side_rows:
                chosen = frozenset(ids)
                texts = reading_order(read_lines, spaces, list(side_rows),
                                      lambda c, chosen=chosen: id(c) in chosen, depth + 1)
                # a cell of a row layout is one line, as its HTML gives it (lines wrapped in the cell joined)
                out.extend([" ".join(texts)] if in_row and texts and not side_rows else texts)
            ids.clear()
            side_rows.clear()

    for top, _, line, row in items:
        if starts and top >= starts[0] - LEVEL_EM * em:
            flush()  # a new row of a row layout: its left cell, then its right one
            while starts and top >= starts[0] - LEVEL_EM * em:
                starts.pop(0)
            in_row = True
        if row is not None:
            if row[1] < middle < row[2]:
                flush()
                in_row = False  # a table across the page ends a row layout
                out.append(row[4])
            else:
                band[2 if row[2] <= middle else 3].append(row)
            continue
        if any(a < gutter[1] and b > gutter[0] for a, b in ink_runs(line["chars"], 0.0)):
            flush()
            in_row = False  # so does a line across the gutter
            out.append(line["text"])
            continue
        for char in [*line["chars"], *_spaces_on(line, spaces)]:
            band[0 if (char["x0"] + char["x1"]) / 2 < middle else 1].add(id(char))
    flush()
    return out


def _block_starts(tops: list[float], em: float) -> list[float]:
    """The heights where blocks of lines begin on one side: the first line, and each line further below the line
    above it than the side's closest lines are (a paragraph's or a row's margin, :data:`BLOCK_GAP_EM`)."""
    tops = sorted(tops)
    pitches = [b - a for a, b in zip(tops, tops[1:], strict=False) if b - a > LEVEL_EM * em]
    if not pitches:
        return tops[:1]
    pitch = min(pitches)
    return tops[:1] + [b for a, b in zip(tops, tops[1:], strict=False) if b - a > pitch + BLOCK_GAP_EM * em]


def row_starts(lines: Sequence[dict], gutter: tuple[float, float], em: float) -> list[float]:
    """The heights where the rows of a **row layout** begin (a timeline of ``date and place | what was
    signed`` printed as flex rows or a borderless table, wrapped on both sides), or an empty list when the two sides
    flow independently (columns). Where both sides have lines (a heading above them is no part of a row), a page is
    in rows when each side falls into at least two blocks of lines parted by a gap and every block of either side
    begins level with a block of the other (:data:`LEVEL_EM`): rows are read one after another, each left block then
    right; columns of text part their paragraphs at their own heights.

    >>> line = lambda top, *xs: {"top": top, "chars": [{"text": "가", "x0": x, "x1": x + 10, "top": top} for x in xs]}
    >>> rows = [line(0, 0, 60), line(12, 0, 60), line(24, 0), line(42, 0, 60), line(54, 60)]
    >>> row_starts(rows, (20, 55), 10.0)
    [0, 42]
    >>> row_starts(rows[:3] + [line(42, 0), line(54, 0, 60)], (20, 55), 10.0)  # the right side's paragraph starts lower
    []
    """
    sides: tuple[list[float], list[float]] = ([], [])
    for line in lines:
        if any(a < gutter[1] and b > gutter[0] for a, b in ink_runs(line["chars"], 0.0)):
            continue  # a line across the gutter (a headline) is read where it stands
        for side in (0, 1):
            tops = [c["top"] for c in line["chars"]
                    if c["text"].strip() and ((c["x0"] + c["x1"]) / 2 < sum(gutter) / 2) == (side == 0)]
            if tops:
                sides[side].append(min(tops))
    if not sides[0] or not sides[1]:
        return []
    # lines above the other side's first line or below its last (a heading over the rows) are no part of a row
    low, high = max(min(sides[0]), min(sides[1])) - LEVEL_EM * em, min(max(sides[0]), max(sides[1])) + LEVEL_EM * em
    left, right = (_block_starts([t for t in tops if low <= t <= high], em) for tops in sides)
    if len(left) < 2 or len(right) < 2:
        return []
    def level(a: list[float], b: list[float]) -> bool:
        return all(any(abs(x - y) <= LEVEL_EM * em for y in b) for x in a)
    return left if level(left, right) and level(right, left) else []


def _spaces_on(line: dict, spaces: list[dict]) -> list[dict]:
    """The blank characters standing on a line: within its height and width."""
    return [c for c in spaces if line["top"] - 1 <= (c["top"] + c["bottom"]) / 2 <= line["bottom"] + 1
            and line["x0"] <= c["x0"] and c["x1"] <= line["x1"]]
