"""The aligned view's state as one value, and the pure functions that change it (no Textual).

A front end keeps one ``ViewState`` and replaces it by the result of a transition; what it
draws (rows, items, columns) is derived from the state and the collation. The selected passage
is held as a row of the current rows and carried across rebuilds (another base, fewer versions)
by the sentences it holds, so the cursor keeps its place whatever the terminal or the view.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from wirediff.core.model import Flag
from wirediff.present.items import Item, RowFilter, next_filter
from wirediff.present.legend import FLAGS, sentence_numbers
from wirediff.present.rows import CellStatus, Row

STEP_TARGETS: tuple[str, ...] = (
    "change",
    "reworded",
    "moved",
    "added",
    "omitted",
    *(flag.value for flag in Flag),
)
"""What ``n``/``N`` can step through: any change, one kind of change, or one flag."""

_TARGET_LABELS = {
    "change": "changes",
    "reworded": "reworded passages",
    "moved": "moved passages",
    "added": "added passages",
    "omitted": "omitted passages",
    **{flag.value: f"{FLAGS[flag].badge} flags" for flag in Flag},
}

_CHANGED = (
    CellStatus.REWORDED,
    CellStatus.ADDED,
    CellStatus.OMITTED,
    CellStatus.MOVED,
    CellStatus.MOVED_AWAY,
)


@dataclass(frozen=True, slots=True)
class StepScope:
    """What ``n``/``N`` step through: a target of ``STEP_TARGETS``, in every version or one."""

    target: str = "change"
    version_only: bool = False
    """Only the focused version's changes (every version's when the base has the focus)."""


@dataclass(frozen=True, slots=True)
class ViewState:
    """Everything the user chose about the aligned view."""

    row: int = 0
    """The selected row (an index into the current rows); filters never change it."""
    focused: int = 0
    """The document whose column has the focus."""
    shown_other: int | None = None
    """None to show every version, else the one version shown beside the base."""
    row_filter: RowFilter = RowFilter.ALL
    step: StepScope = StepScope()
    wrap: bool = True
    """Wrap sentences inside their column; off shows one line per passage."""
    fold: bool = True
    """Fold runs of page furniture into one line (the HTML report hides it too)."""
    interleaved: bool = False
    """Other versions' cells also show the base words they dropped, struck through."""
    search: str = ""


# --- transitions ------------------------------------------------------------------------------


def select(state: ViewState, row: int) -> ViewState:
    """Select ``row``."""
    return replace(state, row=row)


def cycle_filter(state: ViewState) -> ViewState:
    """The next row filter; the selected passage stays selected."""
    return replace(state, row_filter=next_filter(state.row_filter))


def focus_next(state: ViewState, order: Sequence[int], delta: int) -> ViewState:
    """Focus the version ``delta`` columns on in ``order`` (wrapping round)."""
    if not order:
        return state
    where = order.index(state.focused) if state.focused in order else 0
    return replace(state, focused=order[(where + delta) % len(order)])


def cycle_shown(state: ViewState, count: int, base: int) -> ViewState:
    """All versions, then the base with each other version in turn, then all again."""
    others = [k for k in range(count) if k != base]
    if not others:
        return state
    shown: int | None
    if state.shown_other is None:
        shown = state.focused if state.focused in others else others[0]
    else:
        where = others.index(state.shown_other) if state.shown_other in others else -1
        shown = others[where + 1] if where + 1 < len(others) else None
    focused = state.focused if shown is None or state.focused in (base, shown) else shown
    return replace(state, shown_other=shown, focused=focused)


def cycle_step_target(state: ViewState, direction: int = 1) -> ViewState:
    """Step through the next kind of change or flag."""
    where = STEP_TARGETS.index(state.step.target) if state.step.target in STEP_TARGETS else 0
    target = STEP_TARGETS[(where + direction) % len(STEP_TARGETS)]
    return replace(state, step=replace(state.step, target=target))


def toggle_step_version(state: ViewState) -> ViewState:
    """Step through the focused version's changes only, or every version's."""
    return replace(state, step=replace(state.step, version_only=not state.step.version_only))


def rebased(state: ViewState, base: int, count: int) -> ViewState:
    """The state once ``base`` is the base: the base has the focus, the shown pair is kept."""
    shown = state.shown_other
    if shown is not None and (shown == base or shown >= count):
        shown = None
    return replace(state, focused=base, shown_other=shown)


# --- passages across rebuilds ------------------------------------------------------------------


def row_anchors(row: Row) -> tuple[tuple[int, int], ...]:
    """(document, first sentence) of every cell holding sentences, the base's first."""
    return tuple((cell.document, cell.sentences[0]) for cell in row.cells if cell.sentences)


_SENTENCE_ROWS: list[tuple[Sequence[Row], Mapping[tuple[int, int], int]]] = []
"""The last few ``sentence_rows`` results, by the identity of their rows (``v`` cycles through
a few sets of rows; mapping 18,000 sentences again took a tenth of the key's time)."""

SENTENCE_ROWS_KEPT = 4


def sentence_rows(rows: Sequence[Row]) -> Mapping[tuple[int, int], int]:
    """The row holding each (document, sentence) (a tuple of rows is looked up once)."""
    for known, found in _SENTENCE_ROWS:
        if known is rows:
            return found
    found = {
        (cell.document, sentence): row.index
        for row in rows
        for cell in row.cells
        for sentence in cell.sentences
    }
    if isinstance(rows, tuple):  # immutable: the same object always holds the same rows
        _SENTENCE_ROWS.insert(0, (rows, found))
        del _SENTENCE_ROWS[SENTENCE_ROWS_KEPT:]
    return found


def carry(
    state: ViewState,
    old_rows: Sequence[Row],
    new_rows: Sequence[Row],
    prefer: Sequence[int] = (),
) -> ViewState:
    """The state with its selected row found again in ``new_rows``.

    The row holding the same sentence is looked up, documents in ``prefer`` first, then the
    old row's cells in order (the base first). A row with nothing left in ``new_rows`` (an added
    sentence of a version no longer shown) hands over to the nearest row above it that has
    (below it, when none above has).
    """
    if not new_rows:
        return replace(state, row=0)
    if not 0 <= state.row < len(old_rows):
        return replace(state, row=min(max(state.row, 0), len(new_rows) - 1))
    where = sentence_rows(new_rows)
    above = range(state.row, -1, -1)
    below = range(state.row + 1, len(old_rows))
    for index in (*above, *below):
        anchors = row_anchors(old_rows[index])
        ordered = [a for d in prefer for a in anchors if a[0] == d]
        ordered += [a for a in anchors if a not in ordered]
        for anchor in ordered:
            if anchor in where:
                return replace(state, row=where[anchor])
    return replace(state, row=0)


def first_passage(rows: Sequence[Row]) -> int:
    """The first row of the base's body text (not page furniture), else the first row."""
    for row in rows:
        if row.base_sentence is not None and row.cells[0].status is CellStatus.BASE:
            return row.index
    return 0


def passage_label(row: Row, names: Sequence[str]) -> str:
    """A stable name for ``row``: its base sentence numbers, written as the reports write them.

    A row with no base sentence (added, or moved here) is named by the first version that
    holds sentences in it and that version's sentence number.
    """
    base = row.cells[0]
    if base.sentences:
        return sentence_numbers(base.sentences)
    for cell in row.cells[1:]:
        if cell.sentences:
            noun = "sentence" if len(cell.sentences) == 1 else "sentences"
            return f"{names[cell.document]} {noun} {sentence_numbers(cell.sentences)}"
    return "–"


# --- what n/N steps through ----------------------------------------------------------------------


def step_version(state: ViewState, base: int) -> int | None:
    """The version ``n`` is scoped to, or None for every version."""
    if state.step.version_only and state.focused != base:
        return state.focused
    return None


def cell_matches(cell_status: CellStatus, flags: set[Flag], edited: bool, target: str) -> bool:
    """Whether one version's cell is a change of ``target``."""
    if target == "change":
        return cell_status in _CHANGED or bool(flags)
    if target == "reworded":
        return cell_status is CellStatus.REWORDED or (cell_status is CellStatus.MOVED and edited)
    if target == "moved":
        # A move stops ``n`` once, at its new place (``m`` jumps to where it came from), so
        # the count is the summary's count of moved passages.
        return cell_status is CellStatus.MOVED
    if target == "added":
        return cell_status is CellStatus.ADDED
    if target == "omitted":
        return cell_status is CellStatus.OMITTED
    return any(flag.value == target for flag in flags)


def row_steps(row: Row, scope: StepScope, version: int | None) -> bool:
    """Whether ``n`` stops at ``row`` for ``scope`` (in ``version`` only, unless None)."""
    if version is None and scope.target == "change":
        return row.is_change
    for cell in row.cells[1:]:
        if version is not None and cell.document != version:
            continue
        flags = {flag for link in cell.links for flag in link.flags}
        edited = any(link.edits for link in cell.links)
        if cell_matches(cell.status, flags, edited, scope.target):
            return True
    return False


def step_positions(
    items: Sequence[Item], rows: Sequence[Row], scope: StepScope, version: int | None
) -> list[int]:
    """Positions of the items ``n``/``N`` stop at."""
    return [
        position
        for position, item in enumerate(items)
        if not item.folded and row_steps(rows[item.row], scope, version)
    ]


def cell_targets(cell_status: CellStatus, flags: set[Flag], edited: bool) -> set[str]:
    """Every target of ``STEP_TARGETS`` that one version's cell is a change of."""
    targets = {flag.value for flag in flags}
    if cell_status in _CHANGED or flags:
        targets.add("change")
    if cell_status is CellStatus.REWORDED or (cell_status is CellStatus.MOVED and edited):
        targets.add("reworded")
    if cell_status is CellStatus.MOVED:
        targets.add("moved")
    if cell_status is CellStatus.ADDED:
        targets.add("added")
    if cell_status is CellStatus.OMITTED:
        targets.add("omitted")
    return targets


StepIndex = dict[tuple[str, int | None], list[int]]
"""Positions ``n`` stops at per (target, version or None for every version)."""


def step_index(items: Sequence[Item], rows: Sequence[Row]) -> StepIndex:
    """``step_positions`` for every target, in every version and in each one, in one pass:
    ``index[(target, version)]`` (absent when empty), so that ``x`` and ``c`` only look up."""
    index: StepIndex = {}
    for position, item in enumerate(items):
        if item.folded:
            continue
        row = rows[item.row]
        found: set[tuple[str, int | None]] = set()
        for cell in row.cells[1:]:
            flags = {flag for link in cell.links for flag in link.flags}
            edited = any(link.edits for link in cell.links)
            for target in cell_targets(cell.status, flags, edited):
                found.add((target, cell.document))
                if target != "change":
                    found.add((target, None))
        if row.is_change:
            found.add(("change", None))
        for key in found:
            index.setdefault(key, []).append(position)
    return index


def step_label(scope: StepScope, version_name: str | None) -> str:
    """What ``n`` steps through, in words: "QUOTE≠ flags in 001.txt"."""
    label = _TARGET_LABELS.get(scope.target, scope.target)
    return f"{label} in {version_name}" if version_name else label
