"""HTML: `--format html` on every table command and `ratify report`, one self-contained, autoescaped page."""

from __future__ import annotations

import re
import subprocess
import sys
from html.parser import HTMLParser

import pytest

from ratify_cli.cli import app
from ratify_cli.formats import OutputFormat, render
from ratify_cli.reports.overview import overview
from ratify_cli.reports.report import Column, Msg, Report
from ratify_cli.text import en

from ..conftest import MINI, D

TABLE_COMMANDS = [
    ["gaps", "--state", "MEX"], ["gaps", "--instrument", "conv"], ["gaps"], ["status"], ["changes", "--since", "2000-01-01"],
    ["instruments"], ["states"], ["show", "MEX"], ["show", "conv"],
]


class Page(HTMLParser):
    """Every tag with its attributes, and the text."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))

    def handle_startendtag(self, tag, attrs) -> None:
        self.handle_starttag(tag, attrs)

    def handle_data(self, data) -> None:
        self.text.append(data)


def parse(html: str) -> Page:
    page = Page()
    page.feed(html)
    return page


def assert_self_contained(html: str) -> Page:
    """No element, style or attribute that makes a browser fetch anything; links only in <a>."""
    page = parse(html)
    assert html.startswith("<!DOCTYPE html>")
    tags = {tag for tag, _attrs in page.tags}
    assert not tags & {"script", "link", "img", "iframe", "object", "embed", "video", "audio", "source", "image", "use"}
    for tag, attrs in page.tags:
        assert "src" not in attrs and "srcset" not in attrs and "xlink:href" not in attrs, tag
        assert not any(k.startswith("on") for k in attrs), tag
        if "href" in attrs:
            assert tag == "a", tag
            assert attrs["href"].startswith(("#", "https://", "http://")), attrs["href"]
    assert "url(" not in html and "@import" not in html
    csp = [a["content"] for t, a in page.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
    assert csp == ["default-src 'none'; style-src 'unsafe-inline'; img-src data:"]
    return page


def run(runner, *args: str):
    return runner.invoke(app, [*args, "--data", str(MINI)], env={"NO_COLOR": "1"})


@pytest.mark.parametrize("command", TABLE_COMMANDS, ids=" ".join)
def test_every_table_command_writes_html(runner, command) -> None:
    as_of = ["--until", "2020-01-01"] if command[0] == "changes" else ([] if command[0] == "instruments" else ["--as-of", "2020-01-01"])
    result = run(runner, *command, *as_of, "--format", "html")
    assert result.exit_code == 0, result.output
    page = assert_self_contained(result.stdout)
    anchors = {a["id"] for _t, a in page.tags if "id" in a}
    for _tag, attrs in page.tags:
        if attrs.get("href", "").startswith("#"):
            assert attrs["href"][1:] in anchors  # every source reference lands on its numbered source


def test_html_table_golden_cells(mini) -> None:
    from ratify_cli.query.selection import Selection
    from ratify_cli.reports.gaps import gaps_for_instrument

    out = render(gaps_for_instrument(mini, Selection(as_of=D("2020-01-01")), "conv"), OutputFormat.HTML)
    assert '<tr><td class="code">CAN Canada</td><td class="st-denounced">denounced</td>' in out
    assert '<td><a href="#s1">S1</a></td></tr>' in out
    assert '<li id="s1"><a href="https://example.org/conv">https://example.org/conv</a></li>' in out
    assert "<dt>CONV</dt><dd>Convention on Testing (IV-99)</dd>" in out
    assert '<p class="meta" id="as-of"><strong>As of 2020-01-01</strong> · data version ' in out


def test_html_escapes_data_text() -> None:
    hostile = 'a <script>alert(1)</script> & "q" \x1b[31m'
    literal = Msg("literal", {"text": hostile})
    report = Report(kind="status", title=literal, data_version="v", columns=(Column("a", literal),), rows=({"a": hostile},),
                    sources=('https://example.org/?a=1&b="x"',))
    out = render(report, OutputFormat.HTML)
    assert "<script>" not in out and "\x1b" not in out
    assert "a &lt;script&gt;alert(1)&lt;/script&gt; &amp; &#34;q&#34; \\x1b[31m" in out
    assert 'href="https://example.org/?a=1&amp;b=&#34;x&#34;"' in out
    assert_self_contained(out)


def test_overview_of_the_mini_data(mini) -> None:
    o = overview(mini, D("2020-01-01"), D("2005-06-07"))
    assert [(s, [i.id for i in insts]) for s, insts in o.systems] == [("un", ["conv", "prot"]), ("ilo", ["ilo-x"])]
    assert [(s.code, s.parties.get("all", 0), [c.shown for c in s.cells]) for s in o.states] == [
        ("CAN", 0, ["denounced", "none", "none"]),
        ("MEX", 3, ["party", "party", "party"]),
        ("NIC", 1, ["party", "none", "none"]),
        ("USA", 0, ["signed", "unknown", "none"]),
    ]
    assert [(g.instrument, en.message(g.step)) for g in o.states[0].gaps] == [("conv", "re-accede"), ("prot", "accede"), ("ilo-x", "ratify")]
    assert [(i.id, i.parties_since, i.parties_now) for _s, insts in o.systems for i in insts] == [
        ("conv", 2, 2), ("prot", 1, 1), ("ilo-x", 0, 1)
    ]
    un, ilo = o.series
    assert un.points[0] == (D("2005-06-07"), 3) and un.points[-1] == (D("2020-01-01"), 3)
    assert [n for _d, n in ilo.points] == [0] * 7 + [1] * 9
    assert o.sources == ("https://example.org/conv", "https://example.org/prot", "https://example.org/cx")
    assert o.members_since == 4 and o.checked == (D("2020-01-01"), D("2020-01-01"))
    assert list(o.legend) == ["party", "signed", "denounced", "none", "unknown"]


def test_report_page(runner, tmp_path) -> None:
    target = tmp_path / "report.html"
    result = run(runner, "report", "--as-of", "2020-01-01", "--output", str(target))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    html = target.read_text(encoding="utf-8")
    page = assert_self_contained(html)
    text = " ".join(" ".join(page.text).split())
    assert "As of 2020-01-01 · 4 OAS member states · 3 instruments · data version" in text
    assert "Facts checked against complete sources dated from 2020-01-01 to 2020-01-01." in text
    ids = [a["id"] for _t, a in page.tags if "id" in a]
    for wanted in ("matrix", "chart", "counts", "legend", "sources", "gaps-CAN", "gaps-USA", "row-MEX", "s1", "s2", "s3"):
        assert wanted in ids
    headers = [a.get("title") for t, a in page.tags if t == "th" and "rot" in a.get("class", "") and a.get("title")]
    assert headers == ["Convention on Testing (IV-99)", "Protocol to the Convention on Testing (IV-99-a)", "Labour Convention X (C999)"]
    assert re.search(r'<th colspan="2" class="sys sys-un first-of-system">UN</th>\s*<th colspan="1" class="sys sys-ilo first-of-system">ILO</th>', html)
    assert len(re.findall(r"<polyline ", html)) == 2
    assert "UN: 3 → 3" in html and "ILO: 0 → 1" in html
    # MEX: party to all three; row totals per system and overall.
    row = html[html.index('<tr id="row-MEX">') : html.index("</tr>", html.index('<tr id="row-MEX">'))]
    assert re.findall(r'<td class="num[^"]*">(?:<strong>)?(\d+)', row) == ["2", "1", "3"]
    assert row.count('class="st st-party') == 3
    # Column totals, and counts then and now.
    foot = html[html.index("<tfoot>") : html.index("</tfoot>")]
    assert re.findall(r'<td class="num[^"]*">(\d+)</td>', foot) == ["2", "1", "1"]
    assert "Parties 2005-06-07" in html and "+1" in html


def test_report_since_after_as_of_is_a_usage_error(runner) -> None:
    result = run(runner, "report", "--as-of", "2020-01-01", "--since", "2021-01-01")
    assert result.exit_code == 2
    assert "--since 2021-01-01 is after the as-of date 2020-01-01" in result.stderr


def test_jinja_is_imported_only_by_html_commands() -> None:
    code = "import sys, ratify_cli.cli, ratify_cli.formats; print('jinja2' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout == "False\n"


def test_report_page_in_spanish(runner, tmp_path) -> None:
    target = tmp_path / "informe.html"
    result = run(runner, "report", "--as-of", "2020-01-01", "--lang", "es", "--output", str(target))
    assert result.exit_code == 0, result.output
    html = target.read_text(encoding="utf-8")
    page = assert_self_contained(html)
    text = " ".join(" ".join(page.text).split())
    assert '<html lang="es">' in html
    assert "Al 1 de enero de 2020 · 4 Estados miembros de la OEA · 3 instrumentos · versión de los datos" in text
    assert "Brechas y próximos pasos" in text and "volver a adherirse" in text and "Canadá" in text
    assert re.search(r'<th colspan="2" class="sys sys-un first-of-system">ONU</th>', html)
    assert "Convención sobre Pruebas (IV-99)" in html


def test_html_table_in_spanish(runner) -> None:
    result = run(runner, "gaps", "--instrument", "conv", "--as-of", "2020-01-01", "--format", "html", "--lang", "es")
    assert result.exit_code == 0, result.output
    assert_self_contained(result.stdout)
    assert '<td class="code">CAN Canadá</td><td class="st-denounced">denunciado</td>' in result.stdout
    assert "<dt>CONV</dt><dd>Convención sobre Pruebas (IV-99)</dd>" in result.stdout
