"""English: every sentence, header, label and legend ratify shows people, worded from the reports' codes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any

from ..domain.status import NoteCode
from ..reports.report import Msg

HEADERS = {
    "state": "State", "instrument": "Instrument", "status": "Status", "checked": "Checked", "signed": "Signed",
    "consent": "Consent", "act": "Act", "in_force": "In force", "denounced": "Denounced", "next_step": "Next step",
    "notes": "Notes", "source": "Source", "date": "Date", "action": "Action", "effective": "Effective", "id": "Id",
    "name": "Name", "name_en": "Name", "name_es": "Nombre", "system": "System", "ref": "Ref", "newest_check": "Newest check",
    "code": "Code", "subregion": "Subregion", "member": "Member", "joined": "Joined", "left": "Left",
    "field": "Field", "value": "Value", "actions": "Actions", "drift": "Drift", "act_page": "Act (page)",
    "page": "Page", "data": "Data", "events": "Events", "counts": "Parties at the start and at the end",
    "sources": "Sources", "pairs": "Pairs", "count.party": "Party", "count.pending": "Pending", "count.signed": "Signed",
    "count.denounced": "Denounced", "count.none": "None", "count.unknown": "Unknown", "count.none-old": "None, old check",
    "unknown_share": "Unknown share", "system.un": "UN", "system.inter-american": "Inter-American", "system.ilo": "ILO",
}
LABELS = {"none-old": "none (old check)", "not-adopted": "not adopted"}
"""Shown statuses whose words differ from the status code."""
MEANINGS = {
    "party": "consent deposited and in force for the state",
    "pending": "consent deposited, not yet in force",
    "signed": "signed, not yet ratified",
    "denounced": "was party, denunciation in effect",
    "none": "no action, per a complete source checked on the date shown",
    "none-old": "no action when a complete source was last read, over a year before the as-of date",
    "unknown": "no complete source covers this pair, or an act known only to its year or month "
    "may or may not have happened by the date",
    "not-adopted": "the instrument did not exist yet on the as-of date (not a gap)",
    "secondary": "rests on a secondary source (not the depositary's own page)",
}
FRAME = {
    "as_of": "— as of {date}", "no_rows": "No rows.", "section_none": "{title}: none", "legend": "Legend:",
    "data_line": "Data: {folder}, version {version}", "md_as_of": "As of {date}", "md_version": "data version {version}",
    "md_data": "data {folder}", "md_no_rows": "_No rows._", "md_none": "_None._", "md_legend": "Legend",
    "md_notes": "Notes", "md_sources": "Sources", "md_glossary": "Glossary",
}
IRREGULAR = {"party": "parties", "denunciation": "denunciations", "consent": "consents"}
COUNT_WORDS = (
    ("signed", "signed awaiting ratification", True), ("pending", "pending entry into force", False),
    ("denounced", "denounced", False), ("none", "no action", True), ("unknown", "unknown", True),
)
"""(status, words, always shown) in the order summaries count them."""


def plural(count: int, word: str) -> str:
    """`count word`, the word in the plural unless the count is one."""
    if count == 1:
        return f"{count} {word}"
    if word in IRREGULAR:
        return f"{count} {IRREGULAR[word]}"
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return f"{count} {word[:-1]}ies"
    return f"{count} {word}s"


def day(value: Any) -> str:
    """A date in a sentence: ISO, as in the tables."""
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def percent(value: float) -> str:
    """A percentage carried with one decimal: `12.5%`."""
    return f"{value:.1f}%"


def state(p: Mapping[str, Any]) -> str:
    return f"{p['name_en']} ({p['code']})"


def counts(c: Mapping[str, int]) -> str:
    return "; ".join(f"{c.get(s, 0)} {words}" for s, words, always in COUNT_WORDS if always or c.get(s, 0))


def note_text(note: Mapping[str, Any]) -> str:
    """One status note (a code and its values) in plain words."""
    code = NoteCode(note["code"])
    if code is NoteCode.DISPUTED:
        return f"disputed {note['action']} of {note['date']} not counted"
    if code is NoteCode.NOTICE_GIVEN:
        return f"denunciation notified {note['date']}, effective {note['effective']}"
    if code is NoteCode.UNCHECKED:
        return "no complete source covers this state: later actions may be missing"
    return f"{note['action']} dated only to {note['date']}: the status on this date cannot be told"


def _gaps_state(p: Mapping[str, Any]) -> str:
    later = f"; {p['counts']['not-adopted']} not yet adopted" if p["counts"].get("not-adopted") else ""
    party = p["counts"].get("party", 0)
    return f"{state(p['state'])} is party to {party} of {plural(p['existing'], 'instrument')}; {counts(p['counts'])}{later}."


def _gaps_instrument(p: Mapping[str, Any]) -> str:
    scope = "OAS member states" if p["members"] else "states selected"
    party = plural(p["counts"].get("party", 0), "party")
    return f"{p['instrument']['short_name']}: among {p['states']} {scope} as of {day(p['as_of'])}, {party}; {counts(p['counts'])}."


def _matrix(p: Mapping[str, Any]) -> str:
    later = p["later"]
    more = f" ({len(later)} more not yet adopted: {', '.join(later)})" if later else ""
    return f"{plural(p['states'], 'state')} x {plural(p['instruments'], 'instrument')} as of {day(p['as_of'])}{more}."


def _changes(p: Mapping[str, Any]) -> str:
    kinds = ": " + ", ".join(plural(n, k) for k, n in sorted(p["kinds"].items())) if p["actions"] else ""
    return f"{plural(p['actions'], 'action')} from {day(p['since'])} to {day(p['until'])}{kinds}."


def _sync(p: Mapping[str, Any]) -> str:
    skipped = f", {p['skipped']} skipped (no saved page)" if p["skipped"] else ""
    return (
        f"{p['pages']} page(s) read, {p['failed']} failed{skipped}; {p['missing']} missing from the data, "
        f"{p['differs']} differing, {p['extra']} only in the data."
    )


def _reservations(p: Mapping[str, Any]) -> str:
    return f"{p['state']} made {' and '.join(p['kinds'])} with its {p['action']} of {p['instrument']}"


def _left(p: Mapping[str, Any]) -> str:
    notified = f" (notified {day(p['notified'])})" if p.get("notified") else ""
    return f"{state(p['state'])} left the OAS on {day(p['left'])}{notified}: it is not a member state on this date."


def _coverage(p: Mapping[str, Any]) -> str:
    covered = "all states" if p["states"] == "all" else f"{p['states']} states"
    return f"{day(p['date'])} ({covered})"


def _coverage_summary(p: Mapping[str, Any]) -> str:
    return (
        f"{p['pairs']} member x instrument pairs as of {day(p['as_of'])}: {p['unknown']} unknown ({percent(p['unknown_share'])}); "
        f"{p['none_old']} of the {p['none']} 'none' rest on a check more than a year old."
    )


def _glossary_instrument(p: Mapping[str, Any]) -> str:
    inst = p["instrument"]
    title = f"{inst['title_en']} ({inst['reference']})"
    return title if p["label"] == "short_name" else f"{inst['short_name']}: {title}"


def _flag(p: Mapping[str, Any]) -> str:
    return {"secondary": "secondary source"}.get(p["flag"], str(p["flag"]))


MESSAGES: dict[str, Callable[[Mapping[str, Any]], str]] = {
    "literal": lambda p: str(p["text"]),
    "title.gaps-state": lambda p: f"Gaps: {state(p['state'])}",
    "title.gaps-instrument": lambda p: f"Gaps: {p['instrument']['short_name']} ({p['instrument']['reference']})",
    "title.status": lambda p: "Status",
    "title.matrix": lambda p: "Ratification matrix",
    "title.instruments": lambda p: "Instruments",
    "title.states": lambda p: "States",
    "title.show-state": lambda p: state(p["state"]),
    "title.show-instrument": lambda p: f"{p['instrument']['short_name']}: {p['instrument']['title_en']}",
    "title.changes": lambda p: f"Changes {day(p['since'])} to {day(p['until'])}, by {p['by']}",
    "title.sync": lambda p: "Drift between the data and the depositaries",
    "title.coverage": lambda p: f"Completeness of the data, by {p['by']}",
    "summary.coverage": _coverage_summary,
    "glossary.state": lambda p: p["state"]["name_en"],
    "glossary.instrument": _glossary_instrument,
    "cell.state-name": lambda p: p["name_en"],
    "summary.gaps-state": _gaps_state,
    "summary.gaps-instrument": _gaps_instrument,
    "summary.not-adopted-yet": lambda p: (
        f"{p['instrument']['short_name']} was adopted on {day(p['adopted'])}: on {day(p['as_of'])} it did not exist "
        "yet, so no state had a step to take."
    ),
    "summary.newest-check": lambda p: f"Newest check: {day(p['date'])} against {p['source']}",
    "summary.no-check": lambda p: "No complete source read.",
    "summary.status": lambda p: (
        f"{plural(p['pairs'], 'pair')}: " + "; ".join(f"{n} {s}" for s, n in p["counts"].items() if n) + "."
    ),
    "summary.matrix": _matrix,
    "summary.parties-per-instrument": lambda p: (
        "Parties per instrument: " + ", ".join(f"{name} {n}" for name, n in p["parties"]) + "."
    ),
    "summary.instruments": lambda p: f"{plural(p['count'], 'instrument')}.",
    "summary.states": lambda p: (
        f"{plural(p['states'], 'state')}; {plural(p['members'], 'OAS member')} as of {day(p['as_of'])}."
    ),
    "summary.changes": _changes,
    "summary.changes-parties": lambda p: (
        f"Party relationships: {p['start_count']} on {day(p['start'])}, {p['end_count']} on {day(p['until'])}."
    ),
    "summary.sync": _sync,
    "summary.sync-page-note": lambda p: f"{p['instrument']}: {p['note']}",
    "summary.sync-unread": lambda p: (
        f"{p['count']} row(s) not read: an unknown participant name or a date that reads two ways."
    ),
    "membership.left": _left,
    "membership.withdrawal-notified": lambda p: (
        f"{state(p['state'])} notified its withdrawal from the OAS on {day(p['notified'])}; "
        f"it takes effect on {day(p['left'])}."
    ),
    "membership.not-yet": lambda p: f"{state(p['state'])} was not yet an OAS member on {day(p['as_of'])}.",
    "note.reservations": _reservations,
    "note.denounced": lambda p: f"{p['state']} denounced {p['instrument']}, effective {day(p['effective'])}",
    "note.status": lambda p: f"{p['state']}, {p['instrument']}: {note_text(p['note'])}",
    "cell.shown": lambda p: LABELS.get(p["status"], p["status"]) + (" †" if p["secondary"] else ""),
    "cell.step": lambda p: p["step"],
    "cell.step-prerequisite": lambda p: f"join {p['instrument']} first",
    "cell.coverage": _coverage,
    "cell.coverage-none": lambda p: "none",
    "cell.flag": _flag,
    "cell.accepts": lambda p: f"accepts {p['mechanism']}",
    "header.group": lambda p: p["by"].capitalize(),
    "header.parties-on": lambda p: f"Parties {day(p['date'])}",
}


PAGE = {
    "report_title": "Human rights treaties of the OAS member states",
    "lede": (
        "Which OAS member states have signed, ratified or acceded to the international and Inter-American instruments "
        "that the Inter-American Program on the human rights of migrants (AG/RES. 2141, 7 June 2005) asks them to join."
    ),
    "as_of": "As of",
    "members": "OAS member states",
    "instruments": "instruments",
    "data_version": "data version",
    "checked": "Facts checked against complete sources dated from {first} to {last}.",
    "checked_on": "checked",
    "matrix": "Overview",
    "matrix_note": "Each cell links to the source it rests on; hover a cell for its dates.",
    "state": "State",
    "parties": "Parties",
    "total": "Total",
    "legend": "Legend",
    "counts": "Parties then and now",
    "counts_note": "Among the OAS member states on each date: {since_members} on {since}, {now_members} on {as_of}.",
    "instrument": "Instrument",
    "title": "Title",
    "system": "System",
    "parties_at": "Parties {date}",
    "change": "Change",
    "newest_check": "Newest check",
    "status_page": "Status page",
    "not_adopted": "not adopted yet",
    "chart": "Parties over time",
    "chart_note": "Party relationships among the OAS member states on each date (1 January of each year), per system.",
    "chart_label": "Party relationships per system, {since} to {as_of}",
    "gaps": "Gaps and next steps",
    "gaps_summary": "party to {parties} of {total} instruments; {gaps} to join",
    "no_gaps": "No gaps.",
    "status": "Status",
    "signed": "Signed",
    "next_step": "Next step",
    "source": "Source",
    "sources": "Sources",
    "secondary": "secondary source",
    "glossary": "Glossary",
    "notes": "Notes",
    "no_rows": "No rows.",
    "generated": "Generated by ratify from data version {version}.",
    "data": "data",
}
"""The words of the HTML pages (`ratify report`, `--format html`), filled in by their templates."""


def page_words() -> dict[str, str]:
    """The words of the HTML pages."""
    return PAGE


def message(msg: Msg) -> str:
    """A message in English."""
    return MESSAGES[msg.code](msg.params)


def header(code: str) -> str:
    """A column or section header."""
    return HEADERS[code]


def word(vocab: str, code: str) -> str:
    """A code from the data's vocabularies (status, step, action, system, subregion, drift): the code itself."""
    return code


def boolean(value: bool) -> str:
    return "yes" if value else "no"


def label(code: str) -> str:
    """A shown status in a legend."""
    return LABELS.get(code, code)


def meaning(code: str) -> str:
    """What a shown status (or the secondary mark) means."""
    return MEANINGS[code]


def frame(code: str, **params: Any) -> str:
    """The words around a table (as-of line, legend title, data line)."""
    return FRAME[code].format(**{key: day(value) if isinstance(value, dt.date) else value for key, value in params.items()})
