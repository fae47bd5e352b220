"""Names as the user reads them everywhere: the COG spelling of the communes, the
agglomeration as it writes itself; the figures are untouched."""
from __future__ import annotations

from qpvdesk.models.build.names import display_name
from qpvdesk.models.map.identify import feature_info


def test_the_agglomeration_is_written_lens_lievin(reference):
    name = reference.conn.execute("SELECT name FROM epci").fetchone()[0]
    assert name == "CA de Lens-Liévin"
    assert feature_info(reference, "epci", "246200364").title == "CA de Lens-Liévin"
    assert display_name("CA de Lens - Liévin") == "CA de Lens-Liévin"
    assert display_name("Éleu-dit-Leauwette") == "Éleu-dit-Leauwette"


def test_heritage_communes_use_the_cog_spelling(reference):
    communes = {name for (name,) in reference.conn.execute("SELECT name FROM commune")}
    for table in ("heritage_cite", "heritage_puits", "heritage_terril"):
        for (listed,) in reference.conn.execute(
                f"SELECT communes FROM {table} WHERE communes IS NOT NULL"):
            for name in listed.split(", "):
                assert not name.startswith("Eleu"), (table, listed)
                if name.casefold().replace("é", "e").startswith("eleu"):
                    assert name in communes
    eleu = reference.conn.execute("SELECT count(*) FROM heritage_puits WHERE communes = "
                                  "'Éleu-dit-Leauwette'").fetchone()[0]
    assert eleu >= 1
