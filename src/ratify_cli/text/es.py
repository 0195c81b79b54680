"""Spanish: every sentence, header, label and legend ratify shows people; dates and plurals by Babel (CLDR)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_decimal

from ..domain.status import NoteCode
from ..reports.report import Msg

LOCALE = Locale.parse("es")
HEADERS = {
    "state": "Estado", "instrument": "Instrumento", "status": "Situación", "checked": "Verificado",
    "signed": "Firma", "consent": "Consentimiento", "act": "Acto", "in_force": "En vigor", "denounced": "Denuncia",
    "next_step": "Próximo paso", "notes": "Notas", "source": "Fuente", "date": "Fecha", "action": "Acción",
    "effective": "Efectiva", "id": "Id", "name": "Nombre", "name_en": "Nombre en inglés", "name_es": "Nombre",
    "system": "Sistema", "ref": "Ref.",
    "newest_check": "Última verificación", "code": "Código", "subregion": "Subregión", "member": "Miembro",
    "joined": "Ingreso", "left": "Salida", "field": "Campo", "value": "Valor", "actions": "Actos",
    "drift": "Diferencia", "act_page": "Acto (página)", "page": "Página", "data": "Datos", "events": "Actos",
    "counts": "Partes al inicio y al final",
    "sources": "Fuentes", "pairs": "Pares", "count.party": "Parte", "count.pending": "Pendiente", "count.signed": "Firmado",
    "count.denounced": "Denunciado", "count.none": "Ninguna", "count.unknown": "Desconocida",
    "count.none-old": "Ninguna, verificación antigua", "unknown_share": "Proporción desconocida", "system.un": "ONU",
    "system.inter-american": "Interamericano", "system.ilo": "OIT",
}
WORDS = {
    "status": {
        "party": "parte", "pending": "pendiente", "signed": "firmado", "denounced": "denunciado",
        "none": "ninguna", "unknown": "desconocida", "not-adopted": "no adoptado",
    },
    "step": {"sign": "firmar", "ratify": "ratificar", "accede": "adherirse", "re-accede": "volver a adherirse"},
    "action": {
        "signature": "firma", "ratification": "ratificación", "accession": "adhesión", "acceptance": "aceptación",
        "approval": "aprobación", "succession": "sucesión", "definitive-signature": "firma definitiva",
        "denunciation": "denuncia", "signature-withdrawn": "firma retirada",
    },
    "system": {"un": "ONU", "inter-american": "interamericano", "ilo": "OIT"},
    "subregion": {
        "south-america": "América del Sur", "central-america": "Centroamérica", "caribbean": "Caribe",
        "northern-america": "América del Norte",
    },
    "drift": {"missing": "falta", "differs": "difiere", "extra": "solo en los datos"},
    "group": {"state": "Estado", "instrument": "Instrumento"},
}
LABELS = {"none-old": "ninguna (verificación antigua)"}
MEANINGS = {
    "party": "consentimiento depositado y en vigor para el Estado",
    "pending": "consentimiento depositado, aún no en vigor",
    "signed": "firmado, aún no ratificado",
    "denounced": "fue parte; la denuncia surte efecto",
    "none": "ninguna acción, según una fuente completa verificada en la fecha indicada",
    "none-old": "ninguna acción cuando se leyó por última vez una fuente completa, más de un año antes de la fecha",
    "unknown": "ninguna fuente completa cubre este par, o un acto conocido solo por su año o mes "
    "puede haber ocurrido o no en la fecha",
    "not-adopted": "el instrumento aún no existía en la fecha (no es una brecha)",
    "secondary": "se basa en una fuente secundaria (no la página del propio depositario)",
}
FRAME = {
    "as_of": "— al {date}", "no_rows": "Sin filas.", "section_none": "{title}: ninguno", "legend": "Leyenda:",
    "data_line": "Datos: {folder}, versión {version}", "md_as_of": "Al {date}", "md_version": "versión de los datos {version}",
    "md_data": "datos {folder}", "md_no_rows": "_Sin filas._", "md_none": "_Ninguno._", "md_legend": "Leyenda",
    "md_notes": "Notas", "md_sources": "Fuentes", "md_glossary": "Glosario",
}
NOUNS = {
    "instrument": ("instrumento", "instrumentos"), "state": ("Estado", "Estados"), "party": ("parte", "partes"),
    "pair": ("par", "pares"), "action": ("acto", "actos"), "member": ("miembro de la OEA", "miembros de la OEA"),
    "consent": ("consentimiento", "consentimientos"), "signature": ("firma", "firmas"),
    "denunciation": ("denuncia", "denuncias"), "signature-withdrawn": ("firma retirada", "firmas retiradas"),
}
STATUS_FORMS = {
    "party": ("parte", "partes"), "pending": ("pendiente", "pendientes"), "signed": ("firmado", "firmados"),
    "denounced": ("denunciado", "denunciados"), "none": ("ninguna", "ninguna"),
    "unknown": ("desconocida", "desconocidas"), "not-adopted": ("no adoptado", "no adoptados"),
}
"""A count of pairs with a status, singular and plural."""
COUNT_WORDS = (
    ("signed", ("firmado pendiente de ratificación", "firmados pendientes de ratificación"), True),
    ("pending", ("pendiente de entrada en vigor", "pendientes de entrada en vigor"), False),
    ("denounced", ("denunciado", "denunciados"), False),
    ("none", ("sin acción", "sin acción"), True),
    ("unknown", ("desconocido", "desconocidos"), True),
)


COUNT_FORMS = {code: forms for code, forms, _always in COUNT_WORDS}


def plural(count: int, noun: str) -> str:
    """`count noun`, the noun in the form CLDR's Spanish plural rule picks."""
    one, other = NOUNS[noun]
    return f"{count} {one if LOCALE.plural_form(count) == 'one' else other}"


def _pick(count: int, forms: tuple[str, str]) -> str:
    return f"{count} {forms[0] if LOCALE.plural_form(count) == 'one' else forms[1]}"


def day(value: Any) -> str:
    """A date in a sentence: "7 de junio de 2005"; a date known only to its year or month as written."""
    if isinstance(value, dt.date):
        return format_date(value, format="long", locale=LOCALE)
    return str(value)


def percent(value: float) -> str:
    """A percentage carried with one decimal, as Spanish writes it: `12,5 %`."""
    return f"{format_decimal(value, format='0.0', locale=LOCALE)} %"


def state(p: Mapping[str, Any]) -> str:
    return f"{p['name_es']} ({p['code']})"


def counts(c: Mapping[str, int]) -> str:
    return "; ".join(_pick(c.get(s, 0), forms) for s, forms, always in COUNT_WORDS if always or c.get(s, 0))


def note_text(note: Mapping[str, Any]) -> str:
    """One status note (a code and its values) in plain words."""
    code = NoteCode(note["code"])
    if code is NoteCode.DISPUTED:
        return f"{word('action', note['action'])} impugnada del {note['date']} no contada"
    if code is NoteCode.NOTICE_GIVEN:
        return f"denuncia notificada el {note['date']}, efectiva el {note['effective']}"
    if code is NoteCode.UNCHECKED:
        return "ninguna fuente completa cubre este Estado: pueden faltar actos posteriores"
    return f"{word('action', note['action'])} fechada solo en {note['date']}: no se puede saber la situación en esta fecha"


def _gaps_state(p: Mapping[str, Any]) -> str:
    c = p["counts"]
    later = f"; {c['not-adopted']} aún no adoptados" if c.get("not-adopted") else ""
    return f"{state(p['state'])} es parte en {c.get('party', 0)} de {plural(p['existing'], 'instrument')}; {counts(c)}{later}."


def _gaps_instrument(p: Mapping[str, Any]) -> str:
    scope = "Estados miembros de la OEA" if p["members"] else "Estados seleccionados"
    party = plural(p["counts"].get("party", 0), "party")
    return f"{p['instrument']['short_name']}: de {p['states']} {scope} al {day(p['as_of'])}, {party}; {counts(p['counts'])}."


def _matrix(p: Mapping[str, Any]) -> str:
    later = p["later"]
    more = f" ({len(later)} más aún no adoptados: {', '.join(later)})" if later else ""
    return f"{plural(p['states'], 'state')} x {plural(p['instruments'], 'instrument')} al {day(p['as_of'])}{more}."


def _changes(p: Mapping[str, Any]) -> str:
    kinds = ": " + ", ".join(plural(n, k) for k, n in sorted(p["kinds"].items())) if p["actions"] else ""
    return f"{plural(p['actions'], 'action')} del {day(p['since'])} al {day(p['until'])}{kinds}."


def _sync(p: Mapping[str, Any]) -> str:
    skipped = f", {p['skipped']} omitidas (sin página guardada)" if p["skipped"] else ""
    return (
        f"{p['pages']} página(s) leída(s), {p['failed']} fallida(s){skipped}; {p['missing']} faltan en los datos, "
        f"{p['differs']} difieren, {p['extra']} solo en los datos."
    )


def _reservations(p: Mapping[str, Any]) -> str:
    kinds = " y ".join({"reservations": "reservas", "declarations": "declaraciones"}[k] for k in p["kinds"])
    return f"{p['state']} formuló {kinds} con su {word('action', p['action'])} de {p['instrument']}"


def _left(p: Mapping[str, Any]) -> str:
    notified = f" (notificado el {day(p['notified'])})" if p.get("notified") else ""
    return f"{state(p['state'])} dejó la OEA el {day(p['left'])}{notified}: no es Estado miembro en esta fecha."


def _coverage(p: Mapping[str, Any]) -> str:
    covered = "todos los Estados" if p["states"] == "all" else plural(p["states"], "state")
    return f"{p['date'].isoformat() if isinstance(p['date'], dt.date) else p['date']} ({covered})"


def _coverage_summary(p: Mapping[str, Any]) -> str:
    return (
        f"{plural(p['pairs'], 'pair')} Estado miembro x instrumento al {day(p['as_of'])}: "
        f"{_pick(p['unknown'], COUNT_FORMS['unknown'])} ({percent(p['unknown_share'])}); "
        f"{p['none_old']} de los {p['none']} 'ninguna' se basan en una verificación de hace más de un año."
    )


def _glossary_instrument(p: Mapping[str, Any]) -> str:
    inst = p["instrument"]
    title = f"{inst.get('title_es') or inst['title_en']} ({inst['reference']})"
    return title if p["label"] == "short_name" else f"{inst['short_name']}: {title}"


def _flag(p: Mapping[str, Any]) -> str:
    return {
        "reservations": "reservas", "declarations": "declaraciones", "disputed": "impugnado",
        "secondary": "fuente secundaria",
    }[p["flag"]]


def _show_instrument(p: Mapping[str, Any]) -> str:
    inst = p["instrument"]
    return f"{inst['short_name']}: {inst.get('title_es') or inst['title_en']}"


MESSAGES: dict[str, Callable[[Mapping[str, Any]], str]] = {
    "literal": lambda p: str(p["text"]),
    "title.gaps-state": lambda p: f"Brechas: {state(p['state'])}",
    "title.gaps-instrument": lambda p: f"Brechas: {p['instrument']['short_name']} ({p['instrument']['reference']})",
    "title.status": lambda p: "Situación",
    "title.matrix": lambda p: "Matriz de ratificaciones",
    "title.instruments": lambda p: "Instrumentos",
    "title.states": lambda p: "Estados",
    "title.show-state": lambda p: state(p["state"]),
    "title.show-instrument": _show_instrument,
    "title.changes": lambda p: (
        f"Cambios del {day(p['since'])} al {day(p['until'])}, por {WORDS['group'][p['by']].lower()}"
    ),
    "title.sync": lambda p: "Diferencias entre los datos y los depositarios",
    "title.coverage": lambda p: f"Completitud de los datos, por {WORDS['group'].get(p['by'], 'sistema').lower()}",
    "summary.coverage": _coverage_summary,
    "glossary.state": lambda p: p["state"]["name_es"],
    "glossary.instrument": _glossary_instrument,
    "cell.state-name": lambda p: p["name_es"],
    "summary.gaps-state": _gaps_state,
    "summary.gaps-instrument": _gaps_instrument,
    "summary.not-adopted-yet": lambda p: (
        f"{p['instrument']['short_name']} se adoptó el {day(p['adopted'])}: el {day(p['as_of'])} aún no existía, "
        "así que ningún Estado tenía un paso que dar."
    ),
    "summary.newest-check": lambda p: f"Última verificación: {day(p['date'])} con {p['source']}",
    "summary.no-check": lambda p: "No se ha leído ninguna fuente completa.",
    "summary.status": lambda p: (
        f"{plural(p['pairs'], 'pair')}: "
        + "; ".join(_pick(n, STATUS_FORMS[s]) for s, n in p["counts"].items() if n) + "."
    ),
    "summary.matrix": _matrix,
    "summary.parties-per-instrument": lambda p: (
        "Partes por instrumento: " + ", ".join(f"{name} {n}" for name, n in p["parties"]) + "."
    ),
    "summary.instruments": lambda p: f"{plural(p['count'], 'instrument')}.",
    "summary.states": lambda p: (
        f"{plural(p['states'], 'state')}; {plural(p['members'], 'member')} al {day(p['as_of'])}."
    ),
    "summary.changes": _changes,
    "summary.changes-parties": lambda p: (
        f"Relaciones de parte: {p['start_count']} el {day(p['start'])}, {p['end_count']} el {day(p['until'])}."
    ),
    "summary.sync": _sync,
    "summary.sync-page-note": lambda p: f"{p['instrument']}: {p['note']}",
    "summary.sync-unread": lambda p: (
        f"{p['count']} fila(s) no leída(s): un nombre de participante desconocido o una fecha que se lee de dos maneras."
    ),
    "membership.left": _left,
    "membership.withdrawal-notified": lambda p: (
        f"{state(p['state'])} notificó su retiro de la OEA el {day(p['notified'])}; surte efecto el {day(p['left'])}."
    ),
    "membership.not-yet": lambda p: f"{state(p['state'])} aún no era miembro de la OEA el {day(p['as_of'])}.",
    "note.reservations": _reservations,
    "note.denounced": lambda p: f"{p['state']} denunció {p['instrument']}, con efecto el {day(p['effective'])}",
    "note.status": lambda p: f"{p['state']}, {p['instrument']}: {note_text(p['note'])}",
    "cell.shown": lambda p: label(p["status"]) + (" †" if p["secondary"] else ""),
    "cell.step": lambda p: WORDS["step"][p["step"]],
    "cell.step-prerequisite": lambda p: f"primero adherirse a {p['instrument']}",
    "cell.coverage": _coverage,
    "cell.coverage-none": lambda p: "ninguna",
    "cell.flag": _flag,
    "cell.accepts": lambda p: f"acepta {p['mechanism']}",
    "header.group": lambda p: WORDS["group"][p["by"]],
    "header.parties-on": lambda p: f"Partes {p['date'].isoformat()}",
}


PAGE = {
    "report_title": "Tratados de derechos humanos de los Estados miembros de la OEA",
    "lede": (
        "Qué Estados miembros de la OEA han firmado, ratificado o se han adherido a los instrumentos internacionales e "
        "interamericanos a los que el Programa Interamericano para la promoción y protección de los derechos humanos de "
        "los migrantes (AG/RES. 2141, 7 de junio de 2005) les pide adherirse."
    ),
    "as_of": "Al",
    "members": "Estados miembros de la OEA",
    "instruments": "instrumentos",
    "data_version": "versión de los datos",
    "checked": "Hechos verificados con fuentes completas fechadas del {first} al {last}.",
    "checked_on": "verificado",
    "matrix": "Panorama",
    "matrix_note": "Cada celda enlaza con la fuente en que se basa; pase el cursor sobre una celda para ver sus fechas.",
    "state": "Estado",
    "parties": "Partes",
    "total": "Total",
    "legend": "Leyenda",
    "counts": "Partes entonces y ahora",
    "counts_note": "Entre los Estados miembros de la OEA en cada fecha: {since_members} el {since}, {now_members} el {as_of}.",
    "instrument": "Instrumento",
    "title": "Título",
    "system": "Sistema",
    "parties_at": "Partes {date}",
    "change": "Cambio",
    "newest_check": "Última verificación",
    "status_page": "Página de situación",
    "not_adopted": "aún no adoptado",
    "chart": "Partes a lo largo del tiempo",
    "chart_note": (
        "Relaciones de parte entre los Estados miembros de la OEA en cada fecha (1 de enero de cada año), por sistema."
    ),
    "chart_label": "Relaciones de parte por sistema, del {since} al {as_of}",
    "gaps": "Brechas y próximos pasos",
    "gaps_summary": "parte en {parties} de {total} instrumentos; {gaps} por adherir",
    "no_gaps": "Sin brechas.",
    "status": "Situación",
    "signed": "Firma",
    "next_step": "Próximo paso",
    "source": "Fuente",
    "sources": "Fuentes",
    "secondary": "fuente secundaria",
    "glossary": "Glosario",
    "notes": "Notas",
    "no_rows": "Sin filas.",
    "generated": "Generado por ratify a partir de la versión de los datos {version}.",
    "data": "datos",
}
"""The words of the HTML pages (`ratify report`, `--format html`), filled in by their templates."""


def page_words() -> dict[str, str]:
    """The words of the HTML pages."""
    return PAGE


def message(msg: Msg) -> str:
    """A message in Spanish."""
    return MESSAGES[msg.code](msg.params)


def header(code: str) -> str:
    """A column or section header."""
    return HEADERS[code]


def word(vocab: str, code: str) -> str:
    """A code from the data's vocabularies in Spanish (the code itself when it has no Spanish word)."""
    return WORDS.get(vocab, {}).get(code, code)


def boolean(value: bool) -> str:
    return "sí" if value else "no"


def label(code: str) -> str:
    """A shown status in a legend."""
    return LABELS.get(code) or WORDS["status"].get(code, code)


def meaning(code: str) -> str:
    """What a shown status (or the secondary mark) means."""
    return MEANINGS[code]


def frame(code: str, **params: Any) -> str:
    """The words around a table (as-of line, legend title, data line)."""
    return FRAME[code].format(**{key: day(value) if isinstance(value, dt.date) else value for key, value in params.items()})
