import pytest

from qpvdesk.models.frenchnum import (STATUS_EXPLANATION, NumberFormatError,
                                      format_french_number, format_french_percent,
                                      format_status, parse_french_number)


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


@pytest.mark.parametrize("status, expected", [("secret", "secret"),
                                              ("non_publie", "non publié")])
def test_one_wording_per_missing_value_on_screen_in_pdf_and_in_tables(qapp, status, expected):
    """The fiche (screen and PDF draw the same cells), the indicator table, the charts and
    the CLI all write a value that is not there the same way (a value absent from the
    bundled sources: tests/test_diagnostic_wording.py)."""
    from qpvdesk.models.fiche import Figure, format_figure
    from qpvdesk.render.fiche_tables import figure_text
    from qpvdesk.views.tables.indicator_table_view import figure_number

    figure = Figure("REVN.TP60", "Taux de pauvreté", "%", 2019, 2019, None, status, "", None)
    assert format_figure(figure) == figure_text(figure) == figure_number(figure) == expected
    assert format_status(status, short=True) == expected
    assert f"« {expected} »" in STATUS_EXPLANATION
