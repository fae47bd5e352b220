"""Finding an EPCI by name or SIREN (the first-run assistant's search), refusing an unknown
SIREN in French with close suggestions, and the national pack's integrity."""
from __future__ import annotations

import csv
import gzip
import hashlib
import re

import pytest

from national_raw import PACK
from qpvdesk.models.build.epci_search import UnknownEpci, all_epci, find_epci, search_epci
from qpvdesk.models.build.national_layout import PACK_FILES
from qpvdesk.models.build.national_pack import NationalPack, NationalPackMissing


@pytest.mark.parametrize("text, siren", [
    ("grand avignon", "248400251"),
    ("Lens Lievin", "246200364"),
    ("LENS - LIÉVIN", "246200364"),
    ("métropole lille", "200093201"),
    ("europeenne de lille", "200093201"),
    ("aix marseille", "200054807"),
    ("Hénin Carvin", "246200299"),
    ("246200364", "246200364"),
])
def test_search_finds_the_epci_first(text, siren):
    assert search_epci(text)[0].siren == siren


def test_search_by_siren_prefix_and_the_whole_list():
    everything = all_epci()
    assert len(everything) == 1255 and len({e.siren for e in everything}) == 1255
    counts = {e.siren: e.qpv for e in everything}
    assert (counts["246200364"], counts["200093201"], counts["248400251"],
            counts["200054807"]) == (22, 26, 6, 66)
    # 1,493 QPV, of which 10 straddle two EPCI (qpv2024_liste_anct/PROVENANCE.md)
    assert sum(e.qpv for e in everything) == 1493 + 10
    assert sum(1 for e in everything if e.qpv) == 344
    found = search_epci("2484002")
    assert "248400251" in [e.siren for e in found]
    assert all(e.siren.startswith("2484002") for e in found)
    assert search_epci("") == [] and search_epci("zzzzqqqq") == []


def test_search_tolerates_a_typo_and_ranks_by_population():
    assert search_epci("grand avigon")[0].siren == "248400251"
    names = [e.name for e in search_epci("lille")]
    assert names[0] == "Métropole Européenne de Lille"


def test_unknown_siren_is_refused_in_french_with_close_ones():
    with pytest.raises(UnknownEpci) as refusal:
        find_epci("248400252")
    message = str(refusal.value)
    assert message.startswith("Aucune intercommunalité n'a le SIREN « 248400252 »")
    assert "Vouliez-vous dire : CA du Grand Avignon (COGA) (248400251)" in message
    with pytest.raises(UnknownEpci, match="n'est pas un SIREN d'intercommunalité.*Lens - Liévin"):
        find_epci("lens liévin")


def test_cli_refuses_an_unknown_siren_with_exit_2(tmp_path, capsys):
    from qpvdesk.cli import main

    target = tmp_path / "x.sqlite"
    assert main(["build-data", "--epci", "999999999", "--out", str(target)]) == 2
    error = capsys.readouterr().err
    assert "Aucune intercommunalité n'a le SIREN « 999999999 »" in error
    assert "Traceback" not in error and not target.exists()


def test_perimetres_without_epci_is_a_usage_error(capsys):
    from qpvdesk.cli import main

    assert main(["build-data", "--perimetres", "x.geojson"]) == 2
    assert "--perimetres goes with --epci" in capsys.readouterr().err


def test_every_pack_file_is_its_documented_file():
    """Each .gz decompresses to the sha256 of MANIFEST.csv, which is the sha256 the folder's
    PROVENANCE.md gives (when it lists the file); the pack holds exactly the build's files."""
    with (PACK / "MANIFEST.csv").open(encoding="utf-8", newline="") as handle:
        manifest = {row["file"]: row for row in csv.DictReader(handle, delimiter=";")}
    assert set(manifest) == set(PACK_FILES)
    stored = {p.relative_to(PACK).as_posix() for p in PACK.rglob("*.gz")}
    assert stored == {row["stored"] for row in manifest.values()}
    documented = 0
    for name, row in manifest.items():
        data = gzip.decompress((PACK / row["stored"]).read_bytes())
        assert hashlib.sha256(data).hexdigest() == row["sha256"] and len(data) == int(
            row["bytes"]), name
        provenance = (PACK / name).parent / "PROVENANCE.md"
        listed = re.search(rf"`{re.escape(name.split('/')[-1])}`[^\n]*`([0-9a-f]{{64}})`",
                           provenance.read_text(encoding="utf-8"))
        if listed:
            assert listed.group(1) == row["sha256"], name
            documented += 1
    assert documented == len(manifest) - 1  # all but the CALL's transcribed perimeters


def test_a_pack_file_that_differs_from_its_manifest_stops_the_build(tmp_path):
    from qpvdesk.models.build import SourceError
    from qpvdesk.models.build.epci_builder import build_epci_database

    copy = tmp_path / "national"
    for path in PACK.rglob("*"):
        if path.is_file():
            (copy / path.relative_to(PACK)).parent.mkdir(parents=True, exist_ok=True)
            (copy / path.relative_to(PACK)).symlink_to(path)
    broken = copy / "cog_communes_epci" / "communes_cog2026.csv.gz"
    broken.unlink()
    broken.write_bytes(gzip.compress(b"insee_com;nom_com;dep;reg;siren_epci\n"))
    target = tmp_path / "avignon.sqlite"
    with pytest.raises(SourceError, match="communes_cog2026.csv: decompressed content has sha"):
        build_epci_database("248400251", target, pack=NationalPack(copy))
    assert not target.exists() and not list(tmp_path.glob(".avignon*"))


def test_missing_pack_is_said_in_french(tmp_path):
    with pytest.raises(NationalPackMissing, match="Les données nationales sont introuvables"):
        NationalPack(tmp_path)
