import pytest

from qpvdesk.models.frenchnum import NumberFormatError, format_french_number, parse_french_number


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
