"""Depositary pages: each parser on its fixture, the fetch policy, sync against a copy of the data, check-links."""

from __future__ import annotations

import datetime as dt
import threading
import time
from pathlib import Path

import httpx
import pytest

from ratify_cli.cli import app
from ratify_cli.depositary import PageError, ilo, oas, un
from ratify_cli.depositary import fetch as fetch_module
from ratify_cli.depositary.fetch import USER_AGENT, FetchPolicy, fetch_all
from ratify_cli.depositary.names import NameIndex, normal
from ratify_cli.loading.models import Action
from tests.conftest import MINI, TESTS, D

PAGES = TESTS / "fixtures" / "depositary"
NAMES = NameIndex(
    [("MEX", ["Mexico"]), ("CAN", ["Canada"]), ("NIC", ["Nicaragua"]), ("USA", ["United States"]), ("ARG", ["Argentina"]),
     ("BRA", ["Brazil"]), ("KNA", ["Saint Kitts and Nevis"]), ("BHS", ["Bahamas"]), ("BRB", ["Barbados"]),
     ("DMA", ["Dominica"]), ("XTL", ["Testland"])]
)


def page(name: str) -> str:
    return (PAGES / name).read_text(encoding="utf-8")


def events(parsed) -> set[tuple[str, str, str]]:
    return {(e.state, e.action.value, e.date.isoformat()) for e in parsed.events}


@pytest.fixture(autouse=True)
def no_waiting(monkeypatch):
    """Retries back off with time.sleep; the tests do not wait for real."""
    monkeypatch.setattr(fetch_module.time, "sleep", lambda seconds: None)


# --- names -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name,code",
    [
        ("Bolivia (Plurinational State of)1", "BOL"),
        ("Venezuela (Bolivarian Republic of) 2, 3", "VEN"),
        ("Venezuela (République bolivarienne du)", "VEN"),
        ("St. Vincent and the Grenadines", "VCT"),
        ("Saint-Vincent-et-les Grenadines", "VCT"),
        ("San Kitts and Nevis", "KNA"),
        ("Etats-Unis", "USA"),
        ("Dominica", "DMA"),
        ("Dominican Republic", "DOM"),
        ("Albania", None),
    ],
)
def test_participant_names(name, code, bundled) -> None:
    from ratify_cli.depositary.sync import names_of

    assert names_of(bundled).code(name) == code


def test_normal_folds_accents_and_footnotes() -> None:
    assert normal("Haïti 4") == normal("Haiti") == "haiti"


# --- parsers -----------------------------------------------------------------------------------------------------


def test_un_page() -> None:
    parsed = un.parse(page("un-iv-99.html"), url="u", instrument="conv", reference="IV-99", names=NAMES)
    assert events(parsed) == {
        ("CAN", "accession", "2002-01-02"),
        ("MEX", "signature", "1995-01-01"),
        ("MEX", "ratification", "2001-03-01"),
        ("NIC", "ratification", "2006-01-01"),
        ("USA", "signature", "1999-05-05"),
        ("USA", "ratification", "2021-03-03"),
    }
    assert parsed.status_as_of == D("2025-10-15")
    assert parsed.ignored == ("[Testland (former)] (in brackets: no longer a participant)",)


@pytest.mark.parametrize(
    "cell,expected",
    [("5 Jun 2007 a", "accession"), ("23 Feb 2007", "ratification"), ("14 Mar 1985 AA", "approval"),
     ("12 Sep 1984 A", "acceptance"), ("12 Sep 1984 d", "succession"), ("1 Feb 2000 s", "definitive-signature")],
)
def test_un_suffixes(cell, expected) -> None:
    html = page("un-iv-99.html").replace(" &nbsp;1 Jan 2006 ", cell)
    parsed = un.parse(html, url="u", instrument="conv", reference="IV-99", names=NAMES)
    assert any(e.state == "NIC" and e.action is Action(expected) for e in parsed.events)


def test_un_formal_confirmation_is_not_a_state_act() -> None:
    html = page("un-iv-99.html").replace(" &nbsp;1 Jan 2006 ", "1 Jan 2006 c")
    parsed = un.parse(html, url="u", instrument="conv", reference="IV-99", names=NAMES)
    assert not any(e.state == "NIC" for e in parsed.events)
    assert "Nicaragua: consent code 'c' not used for states" in parsed.ignored


def test_oas_page() -> None:
    parsed = oas.parse(page("oas-b-99.html"), url="o", instrument="x", reference="B-99", names=NAMES)
    assert events(parsed) == {
        ("ARG", "signature", "1984-02-02"),
        ("ARG", "ratification", "1984-09-05"),
        ("BRA", "accession", "1992-09-25"),
        ("MEX", "accession", "1981-03-24"),
        ("KNA", "signature", "1947-11-12"),  # two-digit years 46-99 are 19xx
        ("USA", "signature", "1977-06-01"),
    }
    assert oas.two_digit_year(45) == 2045 and oas.two_digit_year(46) == 1946


@pytest.mark.parametrize("name", ["ilo-c999-en.html", "ilo-c999-fr.html"])
def test_ilo_pages(name) -> None:
    parsed = ilo.parse(page(name), url="i", instrument="ilo-x", reference="C999", names=NAMES)
    found = {(e.state, e.action.value, e.date.isoformat(), e.excluded_annexes) for e in parsed.events}
    if name.endswith("en.html"):
        assert found == {
            ("BHS", "ratification", "1976-05-25", ("I", "II", "III")),
            ("MEX", "ratification", "2010-01-15", ()),
            ("XTL", "ratification", "1998-02-02", ()),
            ("XTL", "denunciation", "2005-01-10", ()),
            ("CAN", "ratification", "2026-06-14", ()),
        }
    else:
        assert found == {
            ("BRB", "ratification", "1967-05-08", ("I", "II", "III")),
            ("MEX", "ratification", "2010-01-15", ()),
            ("DMA", "ratification", "1983-02-28", ("II",)),
            ("XTL", "ratification", "1998-07-02", ()),
            ("XTL", "denunciation", "2005-12-10", ()),
        }


@pytest.mark.parametrize(
    "parser,name,reference,message",
    [
        (un.parse, "un-iv-99.html", "IV-4", "the page is for MTDSG IV-99, not IV-4"),
        (oas.parse, "oas-b-99.html", "B-32", "the page is for B-99, not B-32"),
        (ilo.parse, "ilo-c999-en.html", "C097", "the page is for C999, not C097"),
    ],
)
def test_page_for_the_wrong_treaty(parser, name, reference, message) -> None:
    with pytest.raises(PageError, match=message):
        parser(page(name), url="u", instrument="x", reference=reference, names=NAMES)


@pytest.mark.parametrize("parser,name,reference", [(un.parse, "un-iv-99.html", "IV-99"), (oas.parse, "oas-b-99.html", "B-99"), (ilo.parse, "ilo-c999-en.html", "C999")])
def test_truncated_page(parser, name, reference) -> None:
    text = page(name)
    with pytest.raises(PageError, match="truncated"):
        parser(text[: len(text) // 2], url="u", instrument="x", reference=reference, names=NAMES)


def test_unexpected_layout() -> None:
    html = page("un-iv-99.html").replace('id="ctl00_ctl00_ContentPlaceHolder1_ContentPlaceHolderInnerPage_tblgrid"', 'id="grid2"')
    with pytest.raises(PageError, match="no participants table"):
        un.parse(html, url="u", instrument="conv", reference="IV-99", names=NAMES)
    html = page("un-iv-99.html").replace("&nbsp;5 May 1999", "May the 5th")
    with pytest.raises(PageError, match="unrecognised date cell"):
        un.parse(html, url="u", instrument="conv", reference="IV-99", names=NAMES)


# --- fetching ----------------------------------------------------------------------------------------------------


def test_fetch_retries_server_errors_and_sends_user_agent() -> None:
    calls: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request.headers["user-agent"])
        return httpx.Response(503) if len(calls) < 3 else httpx.Response(200, text="ok")

    result = fetch_all(["https://x.test/a"], FetchPolicy(retries=2), httpx.MockTransport(handler))
    assert result["https://x.test/a"].text == "ok"
    assert calls == [USER_AGENT] * 3


def test_fetch_gives_up_after_retries_and_keeps_going() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/slow":
            raise httpx.ReadTimeout("slow", request=request)
        if request.url.path == "/broken":
            return httpx.Response(500)
        return httpx.Response(200, text="fine")

    urls = ["https://x.test/slow", "https://x.test/broken", "https://x.test/good"]
    result = fetch_all(urls, FetchPolicy(timeout=3, retries=1), httpx.MockTransport(handler))
    assert result[urls[0]].error == "timed out after 3 s"
    assert result[urls[1]].error == "HTTP 500"
    assert result[urls[2]].text == "fine"


def test_fetch_limits_concurrency() -> None:
    active = {"now": 0, "most": 0}
    lock = threading.Lock()

    def handler(request: httpx.Request) -> httpx.Response:
        with lock:
            active["now"] += 1
            active["most"] = max(active["most"], active["now"])
        time.sleep(0.01)  # real sleep: the module's is patched, this one is not
        with lock:
            active["now"] -= 1
        return httpx.Response(200, text="ok")

    fetch_all([f"https://x.test/{i}" for i in range(12)], FetchPolicy(concurrency=3), httpx.MockTransport(handler))
    assert 1 <= active["most"] <= 3


def test_offline_stops_early() -> None:
    calls: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(str(request.url))
        raise httpx.ConnectError("Name or service not known", request=request)

    urls = [f"https://x.test/{i}" for i in range(20)]
    result = fetch_all(urls, FetchPolicy(retries=2, concurrency=1), httpx.MockTransport(handler))
    assert all(f.offline for f in result.values())
    assert len(calls) == 2 * 3  # two pages tried (three attempts each), the rest skipped


# --- sync through the CLI ----------------------------------------------------------------------------------------


def serve(monkeypatch, pages: dict) -> None:
    """Make every client ratify builds answer from `pages` (by URL: a response, an exception to raise, or a
    function of the request); anything else is a 404."""

    def handler(request: httpx.Request) -> httpx.Response:
        answer = pages.get(str(request.url), httpx.Response(404))
        if callable(answer):
            answer = answer(request)
        if isinstance(answer, Exception):
            raise answer
        return answer

    real = fetch_module.make_client
    monkeypatch.setattr(fetch_module, "make_client", lambda policy, transport=None: real(policy, httpx.MockTransport(handler)))


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_sync_dry_run_reports_drift_and_writes_nothing(runner, mini_copy, monkeypatch) -> None:
    serve(monkeypatch, {"https://example.org/conv": httpx.Response(200, text=page("un-iv-99.html"))})
    before = snapshot(mini_copy)
    result = runner.invoke(app, ["sync", "--data", str(mini_copy), "-i", "conv", "-f", "csv"])
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "instrument,state,kind,action,data_action,data_date,page_date,page_url",
        "conv,CAN,differs,accession,accession,2002-01-01,2002-01-02,https://example.org/conv",
        "conv,USA,missing,ratification,,,2021-03-03,https://example.org/conv",
    ]
    assert snapshot(mini_copy) == before


def test_sync_write_round_trips_and_keeps_comments(runner, mini_copy, monkeypatch) -> None:
    serve(monkeypatch, {"https://example.org/conv": httpx.Response(200, text=page("un-iv-99.html"))})
    states = mini_copy / "states.yaml"
    states.write_text(states.read_text(encoding="utf-8").replace("  - code: USA\n", "  # the United States\n  - code: USA\n"), encoding="utf-8")
    before = states.read_text(encoding="utf-8").splitlines()
    result = runner.invoke(app, ["sync", "--data", str(mini_copy), "-i", "conv", "--write"])
    assert result.exit_code == 0, result.output
    after = states.read_text(encoding="utf-8").splitlines()
    import difflib

    diff = [line for line in difflib.unified_diff(before, after, lineterm="", n=0) if line[:1] in "+-" and line[:3] not in ("+++", "---")]
    assert diff == [
        "+      - instrument: conv",
        "+        action: ratification",
        "+        date: 2021-03-03",
        "+        source: https://example.org/conv",
        "-        date: 2002-01-01",
        "+        date: 2002-01-02",
    ]
    assert "  # the United States" in after
    # The maintainer's checks are kept as they were; one check is added, dated by the page's "status as at" line.
    instruments = (mini_copy / "instruments.yaml").read_text(encoding="utf-8")
    added = (
        "      - date: 2025-10-15\n        source: https://example.org/conv\n        states: all\n"
        f"        note: Read by ratify sync on {dt.date.today().isoformat()}, every row of the page for the states listed.\n"
    )
    old_check = "    checks:\n      - date: 2020-01-01\n        source: https://example.org/conv\n        states: all\n"
    assert instruments == (MINI / "instruments.yaml").read_text(encoding="utf-8").replace(old_check, old_check + added)
    assert runner.invoke(app, ["validate", "--data", str(mini_copy)]).exit_code == 0
    # A second run finds nothing left to do.
    again = runner.invoke(app, ["sync", "--data", str(mini_copy), "-i", "conv"])
    assert again.exit_code == 0, again.output
    # ... and writing again changes nothing: the same reading is not recorded twice.
    snapshot_before = snapshot(mini_copy)
    assert runner.invoke(app, ["sync", "--data", str(mini_copy), "-i", "conv", "--write"]).exit_code == 0
    assert snapshot(mini_copy) == snapshot_before


@pytest.mark.parametrize(
    "answer,message",
    [
        (httpx.ReadTimeout("slow"), "timed out after 20 s"),
        (httpx.Response(500), "HTTP 500"),
        (httpx.Response(200, text=page("un-iv-99.html")[:900]), "the page is truncated"),
        (httpx.Response(200, text=page("un-iv-99.html").replace("tblgrid", "grid")), "unexpected layout: no participants table"),
        (httpx.Response(200, text=page("un-iv-99.html").replace("mtdsg_no=IV-99", "mtdsg_no=IV-4")), "the page is for MTDSG IV-4, not IV-99"),
    ],
    ids=["timeout", "server-error", "truncated", "layout", "wrong-treaty"],
)
def test_sync_faults_leave_the_data_untouched(runner, mini_copy, monkeypatch, answer, message) -> None:
    serve(monkeypatch, {"https://example.org/conv": answer})
    before = snapshot(mini_copy)
    result = runner.invoke(app, ["sync", "--data", str(mini_copy), "-i", "conv", "--write"])
    assert result.exit_code == 1
    assert f"ratify: conv: https://example.org/conv: {message}" in result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(mini_copy) == before


def test_sync_offline_is_one_clear_line(runner, mini_copy, monkeypatch) -> None:
    offline = httpx.ConnectError("[Errno -2] Name or service not known")
    serve(monkeypatch, dict.fromkeys(("https://example.org/conv", "https://example.org/prot", "https://example.org/cx"), offline))
    result = runner.invoke(app, ["sync", "--data", str(mini_copy)])
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        "ratify: error: cannot reach the depositaries (cannot connect ([Errno -2] Name or service not known)); check the network connection"
    ]


def test_check_links(runner, mini_copy, monkeypatch) -> None:
    serve(
        monkeypatch,
        {
            "https://example.org/conv": httpx.Response(200),
            # HEAD refused: asked again with GET, which finds nothing.
            "https://example.org/prot": lambda request: httpx.Response(405 if request.method == "HEAD" else 404),
            "https://example.org/cx": httpx.Response(301, headers={"location": "https://example.org/cx2"}),
            "https://example.org/cx2": httpx.Response(200),
            "https://example.org/oas": httpx.Response(200),
        },
    )
    result = runner.invoke(app, ["check-links", "--data", str(mini_copy)])
    assert result.exit_code == 1
    prot = mini_copy / "instruments.yaml"
    assert result.stdout.splitlines() == [
        f"{prot}:43: https://example.org/prot: HTTP 404",
        f"{prot}:44: https://example.org/prot: HTTP 404",
        f"{prot}:47: https://example.org/prot: HTTP 404",
        f"{mini_copy / 'states.yaml'}:27: https://example.org/prot: HTTP 404",
    ]


def test_writing_the_bundled_data_back_changes_nothing(tmp_path) -> None:
    # The bundled files are kept in the writer's own layout, so a sync only ever touches the lines it changes.
    import shutil

    from ratify_cli.depositary.sync import SyncResult
    from ratify_cli.depositary.writer import updated_texts
    from tests.conftest import DATA

    for name in ("instruments.yaml", "states.yaml"):
        shutil.copy(DATA / name, tmp_path / name)
    assert updated_texts(tmp_path, SyncResult((), ()), dt.date(2026, 1, 1)) == {}
