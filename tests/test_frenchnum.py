import pytest

from qpvdesk.models.frenchnum import (NO_VALUE, STATUS_EXPLANATION, NumberFormatError,
                                      format_french_number, format_french_percent,
                                      format_status, parse_french_number, status_tip)


@pytest.mark.parametrize("text, expected", [
    ("1\u202f515", 1515.0),          # narrow no-break space, as in INSEE QPV files
    ("1\u00a0045", 1045.0),          # no-break space
    ("5 019 573", 5019573.0),        # plain spaces
    ("54,9", 54.9),
    ("-8,9", -8.9),
    ("0", 0.0),
    ("1207,6", 1207.6),
    ("80.6", 80.6),                  # point decimal in the Ministry's IPS files
    ("3,400", 3.4),
])
def test_parses_insee_numbers(text, expected):
    assert parse_french_number(text) == pytest.approx(expected)


@pytest.mark.parametrize("text", ["", "   ", None])
def test_empty_cell_is_none_never_zero(text):
    assert parse_french_number(text) is None


@pytest.mark.parametrize("text", ["s", "n.d.", "12,3,4", "1.234,5", "12a", "--3"])
def test_refuses_what_is_not_a_number(text):
    with pytest.raises(NumberFormatError):
        parse_french_number(text)


def test_formats_french_numbers():
    assert format_french_number(55414, 0) == "55\u202f414"
    assert format_french_number(35.72, 1) == "35,7"
    assert format_french_number(None, empty="—") == "—"


@pytest.mark.parametrize("value, decimals, expected", [
    (2.5, 0, "3"), (0.5, 0, "1"), (-1234.5, 0, "-1\u202f235"),   # halves away from zero
    (12.25, 1, "12,3"), (2.675, 2, "2,68"),                      # as written, not as stored
    (-0.4, 0, "0"), (1_000_000, 0, "1\u202f000\u202f000"),
    (None, 1, "—"), (float("nan"), 1, "—"), (float("inf"), 0, "—"),
])
def test_rounds_as_a_reader_does_and_says_nothing_for_no_value(value, decimals, expected):
    assert format_french_number(value, decimals) == expected


def test_percent():
    assert format_french_percent(0.5712) == "57\u00a0%"
    assert format_french_percent(0.5712, 1) == "57,1\u00a0%"
    assert format_french_percent(None) == "—"


#: status -> (the word where there is room, the word in a table cell)
WORDING = {"secret": ("secret", "secret"), "non_publie": ("non publié", "non publié"),
           "missing": ("non disponible", "n.d.")}


@pytest.mark.parametrize("status", WORDING)
def test_one_wording_per_missing_value_on_every_surface(qapp, status):
    """A value that is not there reads the same on every surface: the fiche's text (CLI and
    tooltips) and its cells (screen, PDF and Word draw the same cells), the indicator table
    and its CSV/XLSX export, the diagnostic's cells (portrait window, PDF, Word) and the
    choropleth legend; and every surface's note explains that word."""
    from qpvdesk.models.choropleth import NO_DATA_LABELS
    from qpvdesk.models.comparators import Value
    from qpvdesk.models.fiche import Figure, format_figure
    from qpvdesk.models.report.diagnostic_document import figure_text as diagnostic_text
    from qpvdesk.models.table_export import figure_cell
    from qpvdesk.render.fiche_tables import figure_text
    from qpvdesk.views.tables.indicator_table_view import figure_number

    long, short = WORDING[status]
    figure = Figure("REVN.TP60", "Taux de pauvreté", "%", 2019, 2019, None, status, "", None)
    value = Value("REVN.TP60", "epci", "200035442", "CALL", 2019, None, None, status, False,
                  None, "", None)
    assert format_status(status) == format_figure(figure) == long
    assert NO_DATA_LABELS[status] == long.capitalize()
    assert status_tip(status).startswith(f"{long.capitalize()} : ")
    assert (format_status(status, short=True) == figure_text(figure) == figure_number(figure)
            == figure_cell(figure).text == diagnostic_text(value, "%") == short)
    assert f"« {short} »" in STATUS_EXPLANATION


def test_nothing_to_show_is_a_dash_and_never_zero():
    words = [format_status(status, short=True) for status in WORDING]
    assert len(set(words)) == len(words) and NO_VALUE not in words
    assert format_french_number(None) == NO_VALUE == "—"
    assert f"« {NO_VALUE} » : rien à montrer" in STATUS_EXPLANATION
    assert "jamais remplacé par 0" in STATUS_EXPLANATION
    assert "0" not in words
