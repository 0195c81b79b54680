"""Real and reproduced depositary pages: every variant read with no false drift; --from, --save, charsets, rows not read."""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import json
import shutil
from pathlib import Path

import httpx
import pytest

from ratify_cli.cli import app
from ratify_cli.depositary import ilo, oas, un
from ratify_cli.depositary.fetch import FetchPolicy, fetch_all
from ratify_cli.depositary.html import decode
from ratify_cli.depositary.sync import compare, names_of, read_for
from tests.conftest import REPO, TESTS, D
from tests.depositary.test_depositary import NAMES, events, page, serve

PAGES = TESTS / "fixtures" / "depositary"
SHARED = REPO.parent / "shared" / "pages" / "untc-2026-02-03"
OAS_FIXTURES = {  # fixture -> the instrument whose page it reproduces
    "oas-a-52.html": "protocol-san-salvador",
    "oas-a-53.html": "achr-death-penalty",
    "oas-a-70-es.html": "ia-older-persons",
}


def codes(data) -> list[str]:
    return [s.code for s in data.states]


def parsed_fixture(bundled, name: str, instrument: str):
    inst = next(i for i in bundled.instruments if i.id == instrument)
    text = decode((PAGES / name).read_bytes())
    return oas.parse(text, url=inst.status_url, instrument=inst.id, reference=inst.reference, names=names_of(bundled))


# --- the real UN pages of 3 Feb 2026 -----------------------------------------------------------------------------


def shared_pages() -> list[Path]:
    return sorted(SHARED.glob("*.htm*")) if SHARED.is_dir() else []


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/pages is not here (a fresh clone has no shared/ folder)")
@pytest.mark.parametrize("path", shared_pages(), ids=lambda p: p.stem)
def test_real_un_page_has_no_drift(bundled, path) -> None:
    inst = next(i for i in bundled.instruments if i.id == path.stem)
    parsed = un.parse(decode(path.read_bytes()), url=inst.status_url, instrument=inst.id, reference=inst.reference,
                      names=names_of(bundled))
    assert parsed.status_as_of == D("2026-02-03")
    assert parsed.unknown == ()
    # An act dated after the page is `extra` (the page cannot show it); nothing else may differ.
    late = [d for d in compare(bundled, parsed) if not (d.kind == "extra" and d.data_date > parsed.status_as_of)]
    assert late == []
    assert read_for(codes(bundled), parsed) == {s.code for s in bundled.states}


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/pages is not here (a fresh clone has no shared/ folder)")
def test_sync_from_the_real_un_pages(runner) -> None:
    result = runner.invoke(app, ["sync", "--from", str(SHARED), "--system", "un", "-f", "json"])
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["rows"] == [] and report["failures"] == [] and report["unread"] == []
    read = len(shared_pages())
    assert report["summary"][0]["code"] == "summary.sync"
    assert (report["summary"][0]["pages"], report["summary"][0]["failed"]) == (read, 0)
    assert "skipped: no iccpr-op1.html or iccpr-op1.htm" in result.stderr


# --- UN: square brackets, unknown names ----------------------------------------------------------------------------


def test_un_bracketed_dates_are_read_with_the_footnote() -> None:
    parsed = un.parse(page("un-iv-5-brackets.html"), url="u", instrument="op", reference="IV-5", names=NAMES.__class__(
        [("JAM", ["Jamaica"]), ("TTO", ["Trinidad and Tobago"]), ("BRB", ["Barbados"]), ("MEX", ["Mexico"])]))
    assert events(parsed) == {
        ("BRB", "accession", "1973-01-05"),
        ("JAM", "signature", "1966-12-19"),
        ("JAM", "ratification", "1975-10-03"),
        ("MEX", "accession", "2002-03-15"),
        ("TTO", "accession", "1980-11-14"),
    }
    notes = {(e.state, e.action.value): e.note for e in parsed.events}
    assert notes[("JAM", "ratification")] == (
        "In square brackets on the page: Jamaica's participation has ended (footnote 3: On 23 October 1997, the "
        "Government of Jamaica notified the Secretary-General of its denunciation of the Protocol)."
    )
    assert "footnote 1: Trinidad and Tobago acceded on 14 November 1980" in notes[("TTO", "accession")]
    assert notes[("MEX", "accession")] is None
    assert parsed.unknown == () and parsed.status_as_of == D("2026-02-03")


def test_un_unknown_participant_is_reported_not_dropped() -> None:
    html = page("un-iv-99.html").replace("<td>Albania<br>", "<td>Republic of Atlantis<br>")
    parsed = un.parse(html, url="u", instrument="conv", reference="IV-99", names=NAMES)
    assert parsed.unknown == ("row 2: 'Republic of Atlantis'",)
    assert parsed.listed == {"CAN", "MEX", "NIC", "USA"}


def test_rows_not_read_limit_what_the_page_covers(mini) -> None:
    html = page("un-iv-99.html").replace("<td>Albania<br>", "<td>Republic of Atlantis<br>")
    names = names_of(mini)
    parsed = un.parse(html, url="u", instrument="conv", reference="IV-99", names=names)
    # With a name it cannot place, the page speaks only for the states it lists.
    assert read_for(codes(mini), parsed) == parsed.listed
    clean = un.parse(page("un-iv-99.html"), url="u", instrument="conv", reference="IV-99", names=names)
    assert read_for(codes(mini), clean) == {s.code for s in mini.states}


# --- OAS: every variant of the real pages ----------------------------------------------------------------------


@pytest.mark.parametrize("name,instrument", sorted(OAS_FIXTURES.items()))
def test_oas_variant_reads_every_state_with_no_drift(bundled, name, instrument) -> None:
    parsed = parsed_fixture(bundled, name, instrument)
    assert parsed.unknown == () and parsed.doubtful == () and parsed.skipped == frozenset()
    assert compare(bundled, parsed) == []
    assert parsed.events


@pytest.mark.parametrize("name", ["oas-a-52.html", "oas-a-70-es.html"])
def test_oas_pages_listing_every_member_recognise_all(bundled, name) -> None:
    parsed = parsed_fixture(bundled, name, OAS_FIXTURES[name])
    assert parsed.listed == {s.code for s in bundled.states}


def test_oas_deposit_without_code_is_inferred_and_says_so(bundled) -> None:
    parsed = parsed_fixture(bundled, "oas-a-53.html", "achr-death-penalty")
    found = {(e.state, e.action.value): e for e in parsed.events}
    assert found[("CRI", "ratification")].note == (
        "The deposit has no RA/AC/AD code on the page: ratification inferred because the state signed."
    )
    assert found[("MEX", "accession")].note == (
        "The deposit has no RA/AC/AD code on the page: accession inferred because the state did not sign."
    )
    assert found[("ARG", "ratification")].date == D("2008-09-05") and found[("ARG", "ratification")].note is None
    assert found[("ARG", "signature")].date == D("2006-12-12")


def test_oas_latin1_declared_only_in_meta() -> None:
    body = (PAGES / "oas-a-70-es.html").read_bytes()
    assert "Santa Lucía" in decode(body) and "República Dominicana" in decode(body)
    assert "\ufffd" not in decode(body)


def test_oas_spanish_page_through_sync_from(runner, tmp_path) -> None:
    for name, instrument in OAS_FIXTURES.items():
        shutil.copy(PAGES / name, tmp_path / f"{instrument}.htm")
    result = runner.invoke(app, ["sync", "--from", str(tmp_path), "--system", "inter-american", "-f", "csv"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == ["instrument,state,kind,action,data_action,data_date,page_date,page_url"]
    assert "ratify: achr: skipped" in result.stderr


MIXED = """<!DOCTYPE html><html><body><h1>B-99: TEST CONVENTION</h1>
<table><tr><td>COUNTRIES</td><td>SIGNATURE</td><td>DEPOSIT</td></tr>
<tr><td>Argentina</td><td>05/06/98</td><td>-</td></tr>
<tr><td>Brazil</td><td>13/05/98</td><td>-</td></tr>
<tr><td>Mexico</td><td>05/26/98</td><td>07/07/99 AD</td></tr>
<tr><td>Canada</td><td>{canada}</td><td>-</td></tr>
</table></body></html>"""


def test_oas_date_that_reads_two_ways_is_reported_not_guessed() -> None:
    parsed = oas.parse(MIXED.format(canada="-"), url="o", instrument="x", reference="B-99", names=NAMES)
    assert parsed.doubtful == ("row 2, Argentina: a date reads as 06 May 1998 or 05 Jun 1998 (the page mixes mm/dd and dd/mm)",)
    assert parsed.skipped == {"ARG"}
    assert events(parsed) == {
        ("BRA", "signature", "1998-05-13"),
        ("MEX", "signature", "1998-05-26"),
        ("MEX", "accession", "1999-07-07"),
    }


def test_oas_mm_dd_is_the_rule_when_no_date_says_otherwise() -> None:
    html = MIXED.replace("13/05/98", "-")
    parsed = oas.parse(html.format(canada="-"), url="o", instrument="x", reference="B-99", names=NAMES)
    assert parsed.doubtful == () and ("ARG", "signature", "1998-05-06") in events(parsed)


def test_oas_unknown_name_is_reported(runner) -> None:
    parsed = oas.parse(MIXED.format(canada="-").replace("Canada", "Republic of Testonia"), url="o", instrument="x",
                       reference="B-99", names=NAMES)
    assert parsed.unknown == ("row 5: 'Republic of Testonia'",)


@pytest.mark.parametrize("cell", ["-", "/  /", "--/--/--", "", "\u2014"])
def test_oas_empty_cells(cell) -> None:
    parsed = oas.parse(MIXED.format(canada=cell), url="o", instrument="x", reference="B-99", names=NAMES)
    assert not any(e.state == "CAN" for e in parsed.events) and "CAN" in parsed.listed


# --- NORMLEX ------------------------------------------------------------------------------------------------------


def test_ilo_spanish_latin1_page() -> None:
    parsed = ilo.parse(decode((PAGES / "ilo-c999-es.html").read_bytes()), url="i", instrument="ilo-x", reference="C999",
                       names=NAMES)
    assert {(e.state, e.action.value, e.date.isoformat(), e.excluded_annexes) for e in parsed.events} == {
        ("BHS", "ratification", "1976-05-25", ("I", "II", "III")),
        ("MEX", "ratification", "2010-01-15", ()),
        ("XTL", "ratification", "1998-07-02", ()),
        ("XTL", "denunciation", "2005-12-10", ()),
    }


def test_ilo_unknown_name_is_reported() -> None:
    html = page("ilo-c999-en.html").replace(">Mexico<", ">Mexiko Land<")
    parsed = ilo.parse(html, url="i", instrument="ilo-x", reference="C999", names=NAMES)
    assert parsed.unknown == ("row 3: 'Mexiko Land'",)


# --- charsets -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "body,header,expected",
    [
        ("<meta charset='iso-8859-1'><p>Panamá</p>".encode("latin-1"), None, "Panamá"),
        ("<p>Panamá</p>".encode("latin-1"), "iso-8859-1", "Panamá"),
        ("<meta charset='utf-8'><p>Panamá</p>".encode("latin-1"), None, "Panamá"),  # declared wrongly: falls back
        ("<p>Panamá</p>".encode(), None, "Panamá"),
        ("<meta charset='utf-8'><p>Panamá</p>".encode(), "iso-8859-1", "PanamÃ¡"),  # the HTTP header comes first
        ("\ufeff<p>Panamá</p>".encode(), None, "Panamá"),
        (b"<p>Panam\x92</p>", "no-such-charset", "Panam\u2019"),
    ],
)
def test_decode(body, header, expected) -> None:
    assert expected in decode(body, header)


def test_fetch_decodes_by_the_meta_tag() -> None:
    body = (PAGES / "oas-a-70-es.html").read_bytes()
    answer = httpx.MockTransport(lambda request: httpx.Response(200, content=body, headers={"content-type": "text/html"}))
    fetched = fetch_all(["https://x.test/a70"], FetchPolicy(), answer)["https://x.test/a70"]
    assert "Santa Lucía" in fetched.text and fetched.content == body


# --- --from and --save through the CLI ------------------------------------------------------------------------------


def test_sync_from_saved_pages(runner, mini_copy, tmp_path) -> None:
    saved = tmp_path / "pages"
    saved.mkdir()
    shutil.copy(PAGES / "un-iv-99.html", saved / "conv.html")
    result = runner.invoke(app, ["sync", "--data", str(mini_copy), "--from", str(saved), "-f", "csv"])
    assert result.exit_code == 1  # drift
    assert result.stdout.splitlines()[1:] == [
        "conv,CAN,differs,accession,accession,2002-01-01,2002-01-02,https://example.org/conv",
        "conv,USA,missing,ratification,,,2021-03-03,https://example.org/conv",
    ]
    assert f"ratify: prot: skipped: no prot.html or prot.htm in {saved}" in result.stderr
    assert "ratify: ilo-x: skipped" in result.stderr
    assert "Traceback" not in result.stderr


def test_sync_from_uses_the_manifest_url(runner, mini_copy, tmp_path) -> None:
    shutil.copy(PAGES / "un-iv-99.html", tmp_path / "conv.htm")
    (tmp_path / "manifest.json").write_text(json.dumps({"conv": {"url": "https://example.org/conv?saved"}}))
    result = runner.invoke(app, ["sync", "--data", str(mini_copy), "--from", str(tmp_path), "-i", "conv", "-f", "csv"])
    assert result.stdout.splitlines()[1].endswith(",https://example.org/conv?saved")


@pytest.mark.parametrize(
    "args,message",
    [
        (["--from", "{missing}"], "is not a folder"),
        (["--from", "{tmp}", "--save", "{tmp}"], "--from and --save cannot be used together"),
    ],
)
def test_sync_from_usage_errors(runner, mini_copy, tmp_path, args, message) -> None:
    args = [a.format(missing=tmp_path / "nope", tmp=tmp_path) for a in args]
    result = runner.invoke(app, ["sync", "--data", str(mini_copy), *args])
    assert result.exit_code == 2 and message in result.stderr


def test_sync_save_keeps_pages_and_manifest(runner, mini_copy, monkeypatch, tmp_path) -> None:
    body = (PAGES / "un-iv-99.html").read_bytes()
    serve(monkeypatch, {"https://example.org/conv": httpx.Response(200, content=body), "https://example.org/prot": httpx.Response(500)})
    target = tmp_path / "saved"
    result = runner.invoke(app, ["sync", "--data", str(mini_copy), "-i", "conv", "-i", "prot", "--save", str(target)])
    assert result.exit_code == 1
    assert sorted(p.name for p in target.iterdir()) == ["conv.html", "manifest.json"]
    assert (target / "conv.html").read_bytes() == body
    manifest = json.loads((target / "manifest.json").read_text())
    assert manifest["conv"]["url"] == "https://example.org/conv"
    assert manifest["conv"]["sha256"] == hashlib.sha256(body).hexdigest()
    assert manifest["conv"]["status_as_of"] == "2025-10-15"
    assert manifest["conv"]["fetched_at"][:4].isdigit()
    # The saved folder gives the same result offline.
    again = runner.invoke(app, ["sync", "--data", str(mini_copy), "-i", "conv", "--from", str(target), "-f", "csv"])
    first = runner.invoke(app, ["sync", "--data", str(mini_copy), "-i", "conv", "-f", "csv"])
    assert again.stdout == first.stdout


# --- --write -------------------------------------------------------------------------------------------------------


def test_write_keeps_hand_written_notes_and_claims_only_the_states_read(runner, mini_copy, tmp_path) -> None:
    states = mini_copy / "states.yaml"
    hand = "        note: Hand-written; the deposit was confirmed by letter.\n"
    marker = "        action: accession\n        date: 2002-01-01\n        source: https://example.org/conv\n"
    states.write_text(states.read_text(encoding="utf-8").replace(marker, marker + hand), encoding="utf-8")
    instruments_before = (mini_copy / "instruments.yaml").read_text(encoding="utf-8")
    saved = tmp_path / "pages"
    saved.mkdir()
    # A row the parser cannot place: the page then speaks only for the states it lists (not Nicaragua, left out).
    html = page("un-iv-99.html").replace("<td>Albania<br>", "<td>Republic of Atlantis<br>")
    html = html.replace('<tr class="trBGGrey"><td>Nicaragua<br></td><td>&nbsp;</td><td> &nbsp;1 Jan 2006 <br></td></tr>', "")
    (saved / "conv.html").write_text(html)
    result = runner.invoke(app, ["sync", "--data", str(mini_copy), "--from", str(saved), "-i", "conv", "--write"])
    assert result.exit_code == 1  # a row was not read
    assert "row 2: 'Republic of Atlantis': unknown participant name" in result.stderr
    text = states.read_text(encoding="utf-8")
    assert "        action: accession\n        date: 2002-01-02\n        source: https://example.org/conv\n" + hand in text
    instruments = (mini_copy / "instruments.yaml").read_text(encoding="utf-8")
    diff = list(difflib.unified_diff(instruments_before.splitlines(), instruments.splitlines(), lineterm="", n=0))
    assert [line for line in diff[2:] if not line.startswith("@@")] == [
        "+      - date: 2025-10-15",
        "+        source: https://example.org/conv",
        "+        states: [CAN, MEX, USA]",
        f"+        note: Read by ratify sync on {dt.date.today().isoformat()}, every row of the page for the states listed.",
    ]
    assert "Read for three states only." in instruments
    assert runner.invoke(app, ["validate", "--data", str(mini_copy)]).exit_code == 0


def test_write_from_saved_page_without_status_line_dates_the_check_by_the_manifest(runner, mini_copy, tmp_path) -> None:
    html = page("un-iv-99.html").replace("STATUS AS AT : 15-10-2025 10:16:18 EDT", "")
    (tmp_path / "conv.html").write_text(html)
    (tmp_path / "manifest.json").write_text(json.dumps({"conv": {"url": "https://example.org/conv", "fetched_at": "2025-11-02T10:00:00+00:00"}}))
    result = runner.invoke(app, ["sync", "--data", str(mini_copy), "--from", str(tmp_path), "-i", "conv", "--write"])
    assert result.exit_code == 0, result.stderr
    assert "      - date: 2025-11-02\n        source: https://example.org/conv\n        states: all\n" in (
        mini_copy / "instruments.yaml").read_text(encoding="utf-8")
