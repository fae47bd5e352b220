"""The CALL built from its own sources (data/sources/, `qpvdesk build-data`) and built from the
national pack like any EPCI (`build-data --epci 246200364`) give the same figures: every
indicator value present in both builds is equal, and what only one build has is listed with
the reason."""
from __future__ import annotations

import pytest

from qpvdesk.models.reference import ReferenceStore

pytestmark = pytest.mark.slow

#: (territory kind, family, edition or None for all) -> why only the CALL's own build has it.
ONLY_IN_CALL_SOURCES = {
    ("iris", "FILO", None): "IRIS exist only for the CALL (no national IRIS contours bundled)",
    ("iris", "CAF", None): "CAF files by IRIS exist only for the CALL",
    ("iris", "BPE", None): "BPE counts by IRIS exist only for the CALL",
    ("iris_qpv", "BPE", None): "BPE counts of the IRIS of each QPV need IRIS",
    ("commune", "BPE", None): "BPE counts are bundled for the CALL's communes only",
    ("epci", "BPE", None): "BPE counts are bundled for the CALL's communes only",
    ("commune", "CC", 2025): "the 2025 comparateur exists only as the CALL's 36 transcribed rows",
    ("epci", "CC", 2025): "the 2025 comparateur exists only as the CALL's 36 transcribed rows",
    ("epci", "OT", 2021): "the Observatoire's 2021-2022 EPCI file covers the CALL and neighbours",
    ("epci", "OT", 2022): "the Observatoire's 2021-2022 EPCI file covers the CALL and neighbours",
    ("epci_voisin", "OT", None): "the CALL's neighbours, from the same CALL-only file",
    ("epci", "PV", None): "adultes-relais and FONJEP posts of the CALL's contrat de ville",
    ("departement", "SSMSI", None): "SSMSI offences are bundled for the Pas-de-Calais only",
    ("region", "SSMSI", None): "SSMSI offences are bundled for the Hauts-de-France only",
}

VALUE_SQL = ("SELECT territory_kind, territory_code, indicator_id, edition, reference_year, "
             "value, status, status_detail FROM indicator_value")


@pytest.fixture(scope="module")
def national_call(national_database):
    store = ReferenceStore(national_database("246200364"))
    yield store
    store.close()


def _values(store) -> dict[tuple, tuple]:
    return {row[:4]: row[4:] for row in store.conn.execute(VALUE_SQL)}


def _reason(key: tuple) -> str | None:
    kind, _, indicator, edition = key
    family = indicator.split(".", 1)[0]
    return (ONLY_IN_CALL_SOURCES.get((kind, family, edition))
            or ONLY_IN_CALL_SOURCES.get((kind, family, None)))


def test_every_value_in_both_builds_is_equal(reference, national_call):
    own, national = _values(reference), _values(national_call)
    shared = own.keys() & national.keys()
    assert len(shared) > 23_000
    different = {key: (own[key], national[key]) for key in shared if own[key] != national[key]}
    assert different == {}


def test_what_only_one_build_has_is_explained(reference, national_call):
    own, national = _values(reference), _values(national_call)
    assert set(national) - set(own) == set()
    unexplained = sorted(key for key in set(own) - set(national) if _reason(key) is None)
    assert unexplained == []
    # and every listed reason is still true: each row of the table explains some value
    used = {(k[0], k[2].split(".")[0], k[3]) for k in set(own) - set(national)}
    for kind, family, edition in ONLY_IN_CALL_SOURCES:
        assert any(u[:2] == (kind, family) and edition in (None, u[2]) for u in used), \
            (kind, family, edition)


def test_same_qpv_communes_income_years_and_territories(reference, national_call):
    for sql in ("SELECT qpv_code, geography, commune_insee, in_call FROM qpv_commune",
                "SELECT code, code_2015, name, communes_in_call, communes_outside_call, "
                "epci_sirens, letter FROM qpv",
                "SELECT indicator_id, edition, reference_year FROM qpv_edition_year",
                "SELECT code_2024, code_2015, figures_linked FROM qpv_correspondence",
                "SELECT kind, code, name FROM territory WHERE kind IN ('commune', 'qpv', "
                "'epci', 'departement', 'region', 'france', 'ensemble_qpv')"):
        assert sorted(reference.conn.execute(sql)) == sorted(national_call.conn.execute(sql)), \
            sql


def test_bundled_call_perimeters_are_used_by_the_national_build(reference, national_call):
    own = dict(reference.conn.execute("SELECT code, area_ha FROM qpv"))
    national = dict(national_call.conn.execute("SELECT code, area_ha FROM qpv"))
    assert national == own
    assert national_call.qpv_markers() == []
    assert national_call.coverage()["qpv_perimetres"].available
    # the share inside the EPCI is measured against another outline: IRIS 2020 for the CALL's
    # sources, the simplified IGN 2018 communes for the national build
    shares = dict(national_call.conn.execute("SELECT code, share_in_call FROM qpv"))
    assert shares["QN06243M"] < 0.05 and 0.5 < shares["QN06216M"] < 0.6


def test_the_call_build_names_its_epci_from_its_sources(reference, national_call):
    identity = reference.epci_identity()
    assert (identity.siren, identity.short_name, identity.build_source) == (
        "246200364", "CALL", "data/sources")
    assert identity.label == "CALL" and identity.name == national_call.epci_identity().name
    assert identity.departements == ("62",) and identity.regions == ("32",)
    coverage = reference.coverage()
    assert all(entry.available for topic, entry in coverage.items()
               if topic != "qpv_perimetres_2015")
    assert not coverage["qpv_perimetres_2015"].available


def test_a_database_of_the_previous_schema_is_read_without_pretending(reference_path,
                                                                      tmp_path):
    """A checkout may still hold a database built before this schema: the accessors say what
    they cannot know instead of failing with SQL errors."""
    import shutil

    from qpvdesk.models.spatialite import connect

    old = tmp_path / "old.sqlite"
    shutil.copyfile(reference_path, old)
    conn = connect(old)
    with conn:
        conn.execute("DELETE FROM metadata WHERE key NOT IN ('built_by', 'crs', "
                     "'sources_sha256')")
        conn.execute("INSERT INTO metadata VALUES ('schema_version', '2')")
        conn.execute("DROP TABLE coverage")
    conn.close()
    store = ReferenceStore(old)
    try:
        identity = store.epci_identity()
        assert (identity.siren, identity.name, identity.short_name) == (
            "246200364", "CA de Lens-Liévin", None)
        assert store.coverage() == {} and store.is_available("iris")
        with pytest.raises(LookupError, match="reconstruisez-la"):
            store.qpv_correspondence("QN06202M")
    finally:
        store.close()
