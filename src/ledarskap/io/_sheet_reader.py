"""Reading a sheet's rows into records: its header found and planned, every row accounted for.

The machinery behind :func:`ledarskap.io.read_sheet` and :func:`ledarskap.io.inspect_sheet`:
the header row found (below a title, if there is one), each header matched to a field (by
the caller's mapping, a known name or its own), ignored or reported, the missing columns
given their defaults; then each row's cells read (:mod:`ledarskap.io._sheet_cells`), each
failure added to the sheet's one :class:`~ledarskap.errors.Problems` collector at its row
and column. Only a row without problems gives records; every row gets an outcome.
"""

from __future__ import annotations

import contextlib
import itertools
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from ledarskap._found import did_you_mean
from ledarskap.errors import Problem, Problems
from ledarskap.model import (
    ApplicationStatus,
    MeetingStatus,
    OrganisationKind,
    ParticipantStatus,
    Person,
)
from ledarskap.text import LANGUAGES, Text

from ._progress import Ticker
from ._sheet_cells import BUILDERS, Cells, RowContext, RowError, short
from ._sheet_columns import COLUMNS, NONE, Column, SheetKind
from ._sheet_mapping import Advice
from ._sheet_report import ColumnReport, DefaultBy, MatchedBy, RowOutcome, SheetInspection
from ._sheets import fold

if TYPE_CHECKING:
    from ledarskap.errors import Wording

__all__ = ["Layout", "Reader", "Rows"]


@attrs.frozen(kw_only=True)
class Rows:
    """What the rows of a sheet read into: the records, the problems, each row's outcome."""

    rows: int
    """How many rows of data the sheet has (the header, rows above it and empty rows not counted)."""
    records: dict[str, tuple[Any, ...]]
    problems: tuple[Problem, ...]
    outcomes: tuple[RowOutcome, ...]
    inspection: SheetInspection


@attrs.frozen(kw_only=True)
class Layout:
    """How the cells of a sheet were found: the text encoding and delimiter (CSV), broken rows.

    ``broken`` may be filled as the rows are read (a row's entry is there when the row
    is); ``expected_rows`` is the rows the file claims (all of them, the header's too), if
    it says, for a progress bar.
    """

    encoding: str | None = None
    delimiter: str | None = None
    broken: dict[int, Problem] = attrs.field(factory=dict)
    expected_rows: int | None = None


@attrs.frozen(kw_only=True)
class Plan:
    """The columns of a sheet resolved: which cell fills which field, and what fills the rest."""

    header_row: int
    cells: tuple[tuple[str, int], ...]
    """(field, cell index) for every column read."""
    headers: dict[str, str]
    """The header as written of each field read; a defaulted field's says so."""
    defaults: dict[str, str]
    """The cell text of each field whose column is missing or whose cell is empty."""
    named: frozenset[int]
    """The cells of the header row that have a header."""
    report: tuple[ColumnReport, ...]
    usable: bool


_HEADER_SEARCH = 10  # the rows looked at for the header (a title and notes may be above it)


class Reader:
    """Reads the rows of one sheet into records and problems."""

    def __init__(
        self,
        kind: SheetKind,
        source: str,
        cohort_id: str | None,
        ignored: Iterable[str] = (),
        *,
        mapping: Mapping[str, str] | None = None,
        defaults: Mapping[str, str] | None = None,
        fallbacks: Mapping[str, str] | None = None,
        advice: Advice | None = None,
    ) -> None:
        """A reader of a sheet of *kind* from *source*, its columns mapped as given.

        *mapping*: header → field; *defaults*: field → the text of a missing column or an
        empty cell; *fallbacks*: field → the text of a missing column only; *advice*: how
        a hint names what the caller may give (as arguments, by default).
        """
        self.advice = advice or Advice()
        self.kind = kind
        self.source = source
        self.cohort_id = cohort_id
        self.ignored = {fold(c) for c in ignored}
        self.mapping = {fold(header): field for header, field in (mapping or {}).items()}
        self.defaults = dict(defaults or {})
        self.fallbacks = dict(fallbacks or {})
        self.problems = Problems(source=source)
        self.current: list[Problem] = []
        """The problems of the row being read."""
        self.records: dict[str, list[Any]] = {
            "people": [],
            "appointments": [],
            "participants": [],
            "mentors": [],
            "applications": [],
            "meetings": [],
        }
        self.people: dict[str, Person] = {}
        self.ids: dict[str, int] = {}
        self.by_field = {column.field: column for column in COLUMNS[kind]}
        self.known: dict[str, tuple[Column, MatchedBy]] = {}
        for column in COLUMNS[kind]:
            for name in (column.field, column.sv, column.en):
                self.known.setdefault(fold(name), (column, "exact"))
        for column in COLUMNS[kind]:
            for name in column.aliases:
                self.known.setdefault(fold(name), (column, "alias"))

    def problem(
        self,
        row: int,
        column: str | None,
        message: Wording,
        code: str = "invalid",
        hint: Wording | None = None,
    ) -> None:
        """Add a problem at *row* (and *column*, the header as written)."""
        self.add(Problem("", message, code, source=self.source, row=row, column=column, hint=hint))

    def add(self, problem: Problem) -> None:
        """Add a problem made already, to the sheet's and to the current row's."""
        self.problems.append(problem)
        self.current.append(problem)

    # The header ------------------------------------------------------------------------

    def knows(self, cell: str) -> bool:
        """Whether *cell* is the header of a column read (not ignored)."""
        return bool(
            cell.strip()
            and fold(cell) not in self.ignored
            and self.recognised(cell.strip()) is not None
        )

    def check_defaults(self) -> list[Problem]:
        """Every default a row could not read, once, at its place in the mapping (``defaults.start``).

        Each is read as its cells would be (the same readers, the same checks of the model),
        on a row of the defaults alone; a problem of a cell the defaults do not fill is not
        theirs.
        """
        defaults = {f: v for f, v in self.defaults.items() if f in self.by_field}
        headers = {field: f"defaults.{field}" for field in defaults}
        found: list[Problem] = []

        def report(
            row: int,
            column: str | None,
            message: Wording,
            code: str = "invalid",
            hint: Wording | None = None,
        ) -> None:
            if column is not None and column in headers.values():
                found.append(Problem(column, message, code, hint=hint))

        if defaults:
            context = RowContext(
                kind=self.kind,
                cohort_id=self.cohort_id,
                cells=(),
                headers=headers,
                defaults=defaults,
                report=report,
                advice=self.advice,
            )
            with contextlib.suppress(RowError):
                BUILDERS[self.kind](Cells(context, 1, ()))
        return found

    def recognised(self, cell: str) -> tuple[Column, MatchedBy] | None:
        """The column a header names, and how it was recognised; ``None`` if unknown."""
        folded = fold(cell)
        field = self.mapping.get(folded)
        if field is not None:
            column = self.by_field.get(field)
            return None if column is None else (column, "mapping")
        return self.known.get(folded)

    def header_row(self, numbered: Sequence[tuple[int, Sequence[str]]]) -> int:
        """The index in *numbered* of the header: the first of the most recognised cells."""
        best, most = 0, 0
        for index, (_, row) in enumerate(numbered[:_HEADER_SEARCH]):
            count = sum(1 for cell in row if self.knows(cell))
            if count > most:
                best, most = index, count
        return best

    def plan(self, row: int, header: Sequence[str], delimiter: str | None = None) -> Plan:
        """The columns of the header on *row*, with a problem for each that cannot be read.

        *delimiter* is the CSV file's: when no header is known, a problem says it.
        """
        report: list[ColumnReport] = []
        cells: list[tuple[str, int]] = []
        headers: dict[str, str] = {}
        named = frozenset(i for i, cell in enumerate(header) if cell.strip())
        split = None if any(map(self.knows, header)) else delimiter
        usable = True
        for index, cell in enumerate(header):
            text = short(cell.strip())
            if not text:
                continue
            if fold(text) in self.ignored:
                report.append(ColumnReport(header=text, status="ignored", index=index + 1))
                continue
            found = self.recognised(text)
            if found is None:
                self.unknown(row, text, split)
                report.append(ColumnReport(header=text, status="unknown", index=index + 1))
                continue
            column, by = found
            if column.field in headers:
                first = headers[column.field]
                self.problem(
                    row,
                    text,
                    Text(
                        f"en andra kolumn för {column.sv!r} (den första är {first!r})",
                        f"a second column for {column.sv!r} (the first is {first!r})",
                    ),
                    "duplicate-column",
                    self.advice.second_column(text),
                )
                report.append(
                    ColumnReport(
                        header=text, status="duplicate", index=index + 1, field=column.field
                    )
                )
                continue
            headers[column.field] = text
            cells.append((column.field, index))
            report.append(
                ColumnReport(
                    header=text,
                    status="recognised",
                    index=index + 1,
                    field=column.field,
                    matched_by=by,
                    required=column.required,
                )
            )
        defaults = {f: v for f, v in self.defaults.items() if f in self.by_field}
        missing = self.missing(row, headers, defaults)
        report.extend(missing)
        usable = usable and not any(c.required and c.default is None for c in missing)
        for field in defaults:  # named as given, in no one language
            headers.setdefault(
                field, f"defaults.{field}" if field in self.defaults else f"cohort.{field}"
            )
        return Plan(
            header_row=row,
            cells=tuple(cells),
            headers=headers,
            defaults=defaults,
            named=named,
            report=tuple(report),
            usable=usable,
        )

    def missing(
        self, row: int, headers: Mapping[str, str], defaults: dict[str, str]
    ) -> list[ColumnReport]:
        """The columns the header lacks that matter: needed, or with a default or not known.

        A needed column without a default is a problem; a missing column's fallback (the
        cohort's start) is added to *defaults*.
        """
        report = []
        for column in COLUMNS[self.kind]:
            if column.field in headers:
                continue
            default = defaults.get(column.field)
            whose: DefaultBy | None = None if default is None else "defaults"
            if default is None and column.field in self.fallbacks:
                default = defaults[column.field] = self.fallbacks[column.field]
                whose = "cohort"
            model = _MODEL_DEFAULTS[self.kind]
            if default is None and column.field in model:
                default, whose = model[column.field], "model"
            if default is None and column.field in _NOT_KNOWN[self.kind]:
                whose = "unknown"
            needed = column.required and not (column.field in _FROM_NAME and "name" in headers)
            if needed and default is None:
                field = column.field
                self.problem(
                    row,
                    None,
                    Text(
                        f"förväntade en kolumn {column.sv!r} ({column.en}), fick ingen",
                        f"expected a column {column.sv!r} ({column.en}), found none",
                    ),
                    "missing-column",
                    self.advice.missing_column(field),
                )
            if needed or whose is not None:
                report.append(
                    ColumnReport(
                        header=None,
                        status="missing",
                        field=column.field,
                        default=default,
                        default_by=whose,
                        required=needed,
                    )
                )
        return report

    def unknown(self, row: int, text: str, split: str | None = None) -> None:
        """Report the unknown column *text*; *split*: the delimiter, if no header is known."""
        columns = COLUMNS[self.kind]
        suggestion = did_you_mean(
            text,
            [c.header(lang) for c in columns for lang in LANGUAGES]
            + [a for c in columns for a in c.aliases],
        )
        if split is not None:
            shown = {"\t": ("tabb", "a tab")}.get(split, (repr(split), repr(split)))
            suggestion = Text(
                f"ingen rubrik är känd när raden delas med {shown[0]}: "
                "är filen avgränsad med något annat?",
                f"no header is known when the line is split by {shown[1]}: "
                "is the file separated by something else?",
            )
        expected = ", ".join(c.sv for c in columns)
        self.problem(
            row,
            text,
            Text(
                f"okänd kolumn (dess uppgifter skulle gå förlorade): förväntade {expected}",
                f"unknown column (its data would be lost): expected {expected}",
            ),
            "unknown-column",
            suggestion or self.advice.unknown_column(text),
        )

    # The rows --------------------------------------------------------------------------

    def split(
        self, rows: Iterable[Sequence[str]], layout: Layout
    ) -> tuple[Plan | None, Iterator[tuple[int, Sequence[str]]]]:
        """The plan of the header's columns, and the rows of data below it (not empty).

        The rows are read as the data is asked for, but for the first few, among which
        the header is looked for. A broken row is kept, empty or not: its problem is told.
        """
        broken = layout.broken
        numbered = (
            (n, row) for n, row in enumerate(rows, start=1) if "".join(row).strip() or n in broken
        )
        head = list(itertools.islice(numbered, _HEADER_SEARCH))
        if not head:
            self.problem(
                1,
                None,
                Text(
                    "förväntade en rubrikrad, fick ett tomt blad",
                    "expected a header row, found an empty sheet",
                ),
                "empty",
            )
            return None, iter(())
        at = self.header_row(head)
        header_row, header = head[at]
        for number, problem in sorted(broken.items()):  # a quote in the header, or above it
            if number <= header_row:
                self.add(problem)
        return self.plan(header_row, header, layout.delimiter), itertools.chain(
            head[at + 1 :], numbered
        )

    def inspect(
        self, rows: Iterable[Sequence[str]], layout: Layout | None = None
    ) -> SheetInspection:
        """What the header says of the sheet's columns, no row read into records."""
        layout = layout or Layout()
        plan, data = self.split(rows, layout)
        return self.result(sum(1 for _ in data), plan, (), layout).inspection

    def read(
        self,
        rows: Iterable[Sequence[str]],
        layout: Layout | None = None,
        progress: Ticker | None = None,
    ) -> Rows:
        """Every row after the header read into records; empty rows skipped.

        *progress* is told the rows of data read (see :mod:`ledarskap.io._progress`).
        """
        layout = layout or Layout()
        progress = progress or Ticker(None)
        plan, data = self.split(rows, layout)
        expected = layout.expected_rows
        progress.start(
            None if expected is None or plan is None else max(expected - plan.header_row, 0)
        )
        outcomes: list[RowOutcome] = []
        done = 0
        if plan is not None and not plan.usable:  # every row stopped by the header's problems
            stopped = tuple(p for p in self.problems if p.code == "missing-column")
            for number, _ in data:
                outcomes.append(RowOutcome(row=number, problems=stopped))
                done += 1
                if done >= progress.next:
                    progress.report(done)
        elif plan is not None:
            context = RowContext(
                kind=self.kind,
                cohort_id=self.cohort_id,
                cells=plan.cells,
                headers=plan.headers,
                defaults=plan.defaults,
                report=self.problem,
                advice=self.advice,
            )
            width = max(plan.named, default=-1) + 1  # no cell of a row this long is stray
            gaps = any(i not in plan.named for i in range(width))  # an empty header between
            for number, row in data:
                self.current = []
                broken = layout.broken.get(number)
                if broken is not None:
                    self.add(broken)
                    records: tuple[Any, ...] = ()
                else:
                    records = self.row(number, context, row, stray=(width, gaps, plan.named))
                outcomes.append(
                    RowOutcome(row=number, records=records)
                    if records
                    else RowOutcome(row=number, problems=tuple(self.current))
                )
                done += 1
                if done >= progress.next:
                    progress.report(done)
        progress.finish(done)
        return self.result(done, plan, tuple(outcomes), layout)

    def result(
        self, rows: int, plan: Plan | None, outcomes: tuple[RowOutcome, ...], layout: Layout
    ) -> Rows:
        problems = self.problems.as_tuple()
        header_problems = tuple(
            p for p in problems if plan is None or (p.row is not None and p.row <= plan.header_row)
        )
        inspection = SheetInspection(
            kind=self.kind,
            source=self.source,
            encoding=layout.encoding,
            delimiter=layout.delimiter,
            header_row=None if plan is None else plan.header_row,
            rows=rows,
            columns=() if plan is None else plan.report,
            problems=header_problems,
        )
        return Rows(
            rows=rows,
            records={name: tuple(records) for name, records in self.records.items()},
            problems=problems,
            outcomes=outcomes,
            inspection=inspection,
        )

    def row(
        self,
        number: int,
        context: RowContext,
        row: Sequence[str],
        *,
        stray: tuple[int, bool, frozenset[int]],
    ) -> tuple[Any, ...]:
        """The records of one row (kept), or none (its problems reported)."""
        # A value under an unknown header was reported with the header; under none, here.
        width, gaps, named = stray
        if len(row) > width or gaps:
            for index, cell in enumerate(row):
                if index not in named and cell.strip():
                    self.problem(
                        number,
                        None,
                        Text(
                            f"ett värde i kolumn {index + 1}, som saknar rubrik "
                            "(det skulle gå förlorat)",
                            f"a value in column {index + 1}, which has no header "
                            "(it would be lost)",
                        ),
                        "stray-cell",
                    )
                    return ()
        cells = Cells(context, number, row)
        try:
            records = BUILDERS[self.kind](cells)
        except RowError:
            return ()
        return self.keep(number, cells, records)

    def keep(self, number: int, cells: Cells, records: list[tuple[str, Any]]) -> tuple[Any, ...]:
        """Keep a row's records, unless its id or its person clash with an earlier row's."""
        for collection, record in records:
            known = self.people.get(record.id) if collection == "people" else None
            if known is not None and known != record:
                self.problem(
                    number,
                    cells.header("person_id"),
                    Text(
                        f"personen {record.id} finns på en tidigare rad med andra uppgifter",
                        f"person {record.id} is on an earlier row with other details",
                    ),
                    "conflicting-person",
                )
                return ()
        collection, main = records[-1]
        first = self.ids.setdefault(f"{collection}:{main.id}", number)
        if first != number:
            self.problem(
                number,
                cells.header("id"),
                Text(
                    f"id:t {main.id} finns också på rad {first}",
                    f"the id {main.id} is on row {first} too",
                ),
                "repeated-id",
            )
            return ()
        for collection, record in records:
            if collection == "people":
                if record.id in self.people:
                    continue
                self.people[record.id] = record
            self.records[collection].append(record)
        return tuple(record for _, record in records)


_FROM_NAME = frozenset({"given_name", "family_name"})
_MODEL_DEFAULTS: dict[SheetKind, dict[str, str]] = {
    "participants": {
        "organisation_kind": OrganisationKind.ADMINISTRATION.label("sv"),
        "reports_to": NONE.sv,
        "status": ParticipantStatus.ADMITTED.label("sv"),
    },
    "mentors": {"capacity": "1"},
    "applications": {"status": ApplicationStatus.SUBMITTED.label("sv")},
    "meetings": {"status": MeetingStatus.HELD.label("sv")},
}
"""What a row of each kind gets for a missing column of these fields (as the model has it)."""
_NOT_KNOWN: dict[SheetKind, frozenset[str]] = {
    "participants": frozenset(),
    "mentors": frozenset(),
    "applications": frozenset(
        {
            "municipality",
            "organisation",
            "organisation_kind",
            "title",
            "in_position_since",
            "reports_to",
            "leads_staff_function",
            "staff_function",
        }
    ),
    "meetings": frozenset(),
}
"""The facts of each kind that the model records as not known when a sheet lacks them."""
