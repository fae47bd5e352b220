"""A package written from docs/PACKAGE_FORMAT.md alone is accepted: the files are made with
Python's standard library (zipfile, sqlite3, json, csv, hashlib), the key and the signature
with the minisign command, and the layers, columns, SQL types, vocabularies, CSV header and
trusted comment are read out of the document itself — nothing comes from qpvdesk's writer.
qpvdesk verifies and imports the package; minisign and bagit accept it."""
from __future__ import annotations

import base64
import csv
import hashlib
import io
import json
import math
import re
import shutil
import sqlite3
import struct
import subprocess
import sys
import uuid
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import pytest

from package_fixtures import LENS

DOCUMENT = Path(__file__).resolve().parent.parent / "docs" / "PACKAGE_FORMAT.md"
MINISIGN = shutil.which("minisign")
pytestmark = pytest.mark.skipif(MINISIGN is None, reason="minisign command not installed")


# -- what the document says ---------------------------------------------------------------------

@dataclass
class Schema:
    kinds: dict[str, dict[str, str]] = field(default_factory=dict)   # label, geometry, layer
    layers: dict[str, list[str]] = field(default_factory=dict)        # layer -> its columns
    sql_types: dict[str, str] = field(default_factory=dict)           # column -> SQL type
    csv_titles: dict[str, str] = field(default_factory=dict)          # column -> CSV title
    labels: dict[str, dict[str, str]] = field(default_factory=dict)   # field -> code -> label
    csv_header: list[str] = field(default_factory=list)
    trusted_comment: str = ""


def read_schema() -> Schema:
    schema, vocabulary = Schema(), None
    for line in DOCUMENT.read_text(encoding="utf-8").splitlines():
        if match := re.match(r"^\| `(\w+)` \| ([^|`]+?) \| (Point|Polygon) \| `(\w+)` \|$", line):
            code, label, geometry, layer = match.groups()
            schema.kinds[code] = {"label": label, "geometry": geometry, "layer": layer}
        elif match := re.match(r"^\| `(\w+)` \| `(POINT|POLYGON)` \| (.+) \|$", line):
            schema.layers[match[1]] = re.findall(r"`(\w+)`", match[3])
        elif match := re.match(r"^\| `(\w+)` \| ([^|]+?) \| (TEXT|INTEGER|REAL) \|", line):
            schema.sql_types[match[1]] = match[3]
            schema.csv_titles[match[1]] = match[2]
        elif match := re.match(r"^\|\s*(?:`(\w+)`)?\s*\| `(\w+)` \| ([^|`]+?) \|$", line):
            vocabulary = match[1] or vocabulary
            schema.labels.setdefault(vocabulary, {})[match[2]] = match[3]
        elif line.startswith("Identifiant;Type;"):
            schema.csv_header = line.split(";")
        elif line.startswith("qpvdesk package <"):
            schema.trusted_comment = line
    return schema


def test_the_document_states_the_whole_schema():
    schema = read_schema()
    assert set(schema.kinds) == {"equipement", "quartier_vecu", "perimetre"}
    assert {kind["layer"] for kind in schema.kinds.values()} == set(schema.layers)
    for columns in schema.layers.values():
        assert set(columns) <= set(schema.sql_types)
    assert set(schema.labels) == {"categorie", "statut", "source_connaissance", "nature"}
    assert len(schema.csv_header) == 18
    assert schema.csv_header[:17] == list(schema.csv_titles.values())
    assert schema.trusted_comment.count("<") == 3


def test_the_document_says_what_qpvdesk_writes_and_reads():
    """The document and the code cannot drift apart: layers, columns, CSV header and
    vocabularies of the document are qpvdesk's."""
    from qpvdesk.models.proposals.exporter import _ALWAYS, _COLUMNS, _LAYERS, csv_header
    from qpvdesk.models.proposals.vocabulary import CHOICES, KIND_FIELDS

    schema = read_schema()
    assert schema.csv_header == csv_header()
    name = {attribute: column for attribute, column, _ in _COLUMNS}
    for kind, (layer, geometry) in _LAYERS.items():
        assert schema.kinds[kind]["layer"] == layer
        assert schema.kinds[kind]["geometry"] == geometry
        assert schema.kinds[kind]["label"] == CHOICES["kind"][kind]
        columns = [name[attribute] for attribute, _, _ in _COLUMNS
                   if attribute in _ALWAYS + KIND_FIELDS[kind]]
        assert schema.layers[layer] == [*columns, "surface_ha"]
    for attribute, field_name in (("category", "categorie"), ("status", "statut"),
                                  ("knowledge_source", "source_connaissance"),
                                  ("nature", "nature")):
        assert schema.labels[field_name] == CHOICES[attribute]


# -- a writer that follows it -------------------------------------------------------------------

def lambert93(lon: float, lat: float) -> tuple[float, float]:
    """EPSG:2154 from WGS 84 (IGN's Lambert conformal conic formulas and published
    constants of Lambert-93, GRS 80)."""
    e, n, c = 0.0818191910428158, 0.7256077650532670, 11754255.426096
    x_s, y_s, lon_0 = 700000.0, 12655612.049876, math.radians(3.0)
    phi = math.radians(lat)
    isometric = math.log(math.tan(math.pi / 4 + phi / 2)
                         * ((1 - e * math.sin(phi)) / (1 + e * math.sin(phi))) ** (e / 2))
    radius, angle = c * math.exp(-n * isometric), n * (math.radians(lon) - lon_0)
    return x_s + radius * math.sin(angle), y_s - radius * math.cos(angle)


def square(lon: float, lat: float, half: float = 0.002) -> list[tuple[float, float]]:
    return [(lon - half, lat - half), (lon + half, lat - half), (lon + half, lat + half),
            (lon - half, lat + half), (lon - half, lat - half)]


NOW = datetime.now().astimezone().replace(microsecond=0).isoformat()
PROPOSALS = [   # in WGS 84, around the centre of Lens
    {"uuid": str(uuid.uuid4()), "type": "equipement", "where": [(2.8187209, 50.4419043)],
     "titre": "Maison de santé écrite à la main", "description": "Près de la gare",
     "categorie": "sante", "statut": "a_l_etude", "annee_horizon": 2029, "qpv": "QN06224M",
     "auteur": "Service urbanisme", "contact": "urba@lens.fr"},
    {"uuid": str(uuid.uuid4()), "type": "quartier_vecu", "where": square(2.826, 50.437),
     "titre": "Cité vécue", "qpv": "QN06224M", "source_connaissance": "ateliers_habitants"},
    {"uuid": str(uuid.uuid4()), "type": "perimetre", "where": square(2.81, 50.445, 0.001),
     "qpv": "QN06224M", "nature": "ajout", "justification": "Mêmes difficultés; \"voisines\""},
]


def geometry_wkb(geometry: str, points: list[tuple[float, float]]) -> bytes:
    if geometry == "Point":
        return struct.pack("<BIdd", 1, 1, *points[0])
    ring = b"".join(struct.pack("<dd", *point) for point in points)
    return struct.pack("<BIII", 1, 3, 1, len(points)) + ring


def geopackage_geometry(geometry: str, points: list[tuple[float, float]]) -> bytes:
    """GeoPackage binary: 'GP', version 0, flags (little-endian, xy envelope), srs_id 2154."""
    xs, ys = [x for x, _ in points], [y for _, y in points]
    header = b"GP" + bytes([0, 0b011]) + struct.pack("<i", 2154)
    envelope = struct.pack("<4d", min(xs), max(xs), min(ys), max(ys))
    return header + envelope + geometry_wkb(geometry, points)


def area_ha(points: list[tuple[float, float]]) -> float:
    twice = sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(points, points[1:]))
    return round(abs(twice) / 2 / 10_000, 4)


def values(proposal: dict, columns: list[str]) -> dict[str, object]:
    l93 = [lambert93(*point) for point in proposal["where"]]
    row = {column: proposal.get(column) for column in columns}
    row.update(communes=LENS, cree=NOW, modifie=NOW, surface_ha=area_ha(l93))
    return row


def write_geopackage(path: Path, schema: Schema) -> None:
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA application_id = 1196444487")   # 'GPKG'
    connection.execute("PRAGMA user_version = 10200")
    connection.executescript("""
        CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL,
            srs_id INTEGER NOT NULL PRIMARY KEY, organization TEXT NOT NULL,
            organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL,
            description TEXT);
        CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY,
            data_type TEXT NOT NULL, identifier TEXT UNIQUE, description TEXT DEFAULT '',
            last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
            min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER);
        CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL,
            column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
            srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
            PRIMARY KEY (table_name, column_name));
        INSERT INTO gpkg_spatial_ref_sys VALUES
            ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', NULL),
            ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', NULL),
            ('WGS 84 geodetic', 4326, 'EPSG', 4326, 'undefined', NULL),
            ('RGF93 v1 / Lambert-93', 2154, 'EPSG', 2154, 'undefined', NULL);
    """)
    for kind, described in schema.kinds.items():
        layer, geometry = described["layer"], described["geometry"]
        columns = schema.layers[layer]
        declared = ", ".join(f'"{name}" {schema.sql_types[name]}' for name in columns)
        connection.execute(f'CREATE TABLE "{layer}" (fid INTEGER PRIMARY KEY AUTOINCREMENT, '
                           f'geom {geometry.upper()}, {declared})')
        connection.execute("INSERT INTO gpkg_contents (table_name, data_type, identifier, "
                           "srs_id) VALUES (?, 'features', ?, 2154)", (layer, layer))
        connection.execute("INSERT INTO gpkg_geometry_columns VALUES (?, 'geom', ?, 2154, 0, 0)",
                           (layer, geometry.upper()))
        for proposal in (item for item in PROPOSALS if item["type"] == kind):
            row = values(proposal, columns)
            blob = geopackage_geometry(geometry, [lambert93(*p) for p in proposal["where"]])
            names = ", ".join(f'"{name}"' for name in ["geom", *row])
            connection.execute(f'INSERT INTO "{layer}" ({names}) VALUES '
                               f'({", ".join("?" * (len(row) + 1))})', [blob, *row.values()])
    connection.commit()
    connection.close()


def geojson_text(schema: Schema) -> str:
    every_column = list(dict.fromkeys(c for columns in schema.layers.values() for c in columns))
    features = []
    for proposal in PROPOSALS:
        geometry = schema.kinds[proposal["type"]]["geometry"]
        coordinates = [list(point) for point in proposal["where"]]
        features.append({"type": "Feature", "properties": values(proposal, every_column),
                         "geometry": {"type": geometry,
                                      "coordinates": coordinates[0] if geometry == "Point"
                                      else [coordinates]}})
    return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False)


def csv_text(schema: Schema) -> str:
    columns = list(schema.csv_titles)
    assert [schema.csv_titles[column] for column in columns] == schema.csv_header[:17]
    output = io.StringIO()
    writer = csv.writer(output, delimiter=";")   # CRLF, quotes when needed
    writer.writerow(schema.csv_header)
    for proposal in PROPOSALS:
        row = values(proposal, columns)
        row["type"] = schema.kinds[proposal["type"]]["label"]
        for name, labels in schema.labels.items():
            row[name] = labels.get(row[name] or "", "")
        points = [lambert93(*point) for point in proposal["where"]]
        if len(points) == 1:
            wkt = "POINT ({:.3f} {:.3f})".format(*points[0])
        else:
            wkt = "POLYGON (({}))".format(", ".join(f"{x:.3f} {y:.3f}" for x, y in points))
        cells = ["" if value is None else str(value).replace(".", ",")
                 if isinstance(value, float) else str(value) for value in row.values()]
        writer.writerow([*cells, wkt])
    return output.getvalue()


def pdf_bytes() -> bytes:
    """A one-page PDF, offsets computed as the PDF reference says."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"]
    body, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, content in enumerate(objects, start=1):
        offsets.append(len(body))
        body += b"%d 0 obj\n%s\nendobj\n" % (number, content)
    start = len(body)
    body += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    body += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    body += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, start)
    return bytes(body)


def sha256_lines(root: Path, names: list[str]) -> str:
    return "".join(f"{hashlib.sha256((root / name).read_bytes()).hexdigest()}  {name}\n"
                   for name in sorted(names))


#: One key in sixteen that minisign makes has an id whose first hex digit is 0, and minisign's
#: « minisign public key … » comment then drops it (printf's %X): the key id is read from the
#: key itself, as section 4 says, and the key always gets such an id so that the case runs.
LEADING_ZEROS_KEY_ID = 0x00000A1B2C3D4E5F
PUBLIC_KEY_ID = slice(2, 10)          # after "Ed"
SECRET_KEY_ID = slice(54, 62)         # after "Ed", KDF and checksum algorithms, salt, limits


def with_key_id(public: Path, secret: Path, key_id: int) -> str:
    """Give the unencrypted pair ``minisign -G -W`` made this key id (its checksum is all
    zeros: nothing else to update); the id as section 4 writes it, from the public key."""
    number = key_id.to_bytes(8, "little")
    for path, where, comment in ((public, PUBLIC_KEY_ID, f"minisign public key {key_id:X}"),
                                 (secret, SECRET_KEY_ID, None)):
        first, encoded = path.read_text().splitlines()
        raw = bytearray(base64.b64decode(encoded))
        raw[where] = number
        first = f"untrusted comment: {comment}" if comment else first
        path.write_text(f"{first}\n{base64.b64encode(raw).decode()}\n")
    raw = base64.b64decode(public.read_text().splitlines()[1])
    return f"{int.from_bytes(raw[PUBLIC_KEY_ID], 'little'):016X}"


@dataclass(frozen=True)
class Written:
    folder: Path      # the bag, unzipped
    package: Path
    public_key: Path
    package_id: str


@pytest.fixture(scope="module")
def written(tmp_path_factory) -> Written:
    schema = read_schema()
    work = tmp_path_factory.mktemp("tiers")
    public, secret = work / f"{LENS}.pub", work / f"{LENS}.key"
    subprocess.run([MINISIGN, "-G", "-W", "-p", str(public), "-s", str(secret)], check=True,
                   capture_output=True)
    key_id = with_key_id(public, secret, LEADING_ZEROS_KEY_ID)
    bag = work / "bag"
    (bag / "data").mkdir(parents=True)
    write_geopackage(bag / "data" / "propositions.gpkg", schema)
    (bag / "data" / "propositions.geojson").write_text(geojson_text(schema), encoding="utf-8")
    (bag / "data" / "propositions.csv").write_text(csv_text(schema), encoding="utf-8-sig",
                                                   newline="")
    (bag / "data" / "synthese.pdf").write_bytes(pdf_bytes())
    payload = sorted(f"data/{path.name}" for path in (bag / "data").iterdir())
    package_id = str(uuid.uuid4())
    (bag / "bagit.txt").write_text("BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n")
    info = {"Source-Organization": "Commune de Lens", "Contact-Name": "Outil tiers",
            "Bagging-Date": NOW[:10], "External-Identifier": package_id,
            "Payload-Oxum": f"{sum((bag / n).stat().st_size for n in payload)}.{len(payload)}",
            "Bag-Software-Agent": "un outil tiers 1.0", "Qpvdesk-Package-Version": "1",
            "Qpvdesk-Package-Kind": "propositions", "Qpvdesk-Commune-Insee": LENS,
            "Qpvdesk-Key-Id": key_id, "Qpvdesk-Proposal-Count": str(len(PROPOSALS)),
            "Qpvdesk-Created": NOW}
    (bag / "bag-info.txt").write_text("".join(f"{k}: {v}\n" for k, v in info.items()),
                                      encoding="utf-8")
    (bag / "manifest-sha256.txt").write_text(sha256_lines(bag, payload))
    (bag / "tagmanifest-sha256.txt").write_text(
        sha256_lines(bag, ["bagit.txt", "bag-info.txt", "manifest-sha256.txt"]))
    comment = (schema.trusted_comment.replace("<External-Identifier>", package_id)
               .replace("<Qpvdesk-Commune-Insee>", LENS).replace("<Qpvdesk-Created>", NOW))
    subprocess.run([MINISIGN, "-S", "-s", str(secret), "-m", "tagmanifest-sha256.txt", "-t",
                    comment], cwd=bag, check=True, capture_output=True)
    package = work / "lens_tiers.qpvpkg"
    with zipfile.ZipFile(package, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(bag.rglob("*")):
            if path.is_file():
                archive.write(path, path.relative_to(bag).as_posix())
    return Written(bag, package, public, package_id)


# -- the checks ---------------------------------------------------------------------------------

def test_minisign_and_bagit_accept_the_package_written_from_the_document(written):
    checked = subprocess.run([MINISIGN, "-Vm", "tagmanifest-sha256.txt", "-p",
                              str(written.public_key)], cwd=written.folder, capture_output=True,
                             text=True)
    assert checked.returncode == 0, checked.stderr
    bagit = subprocess.run([sys.executable, "-m", "bagit", "--validate", "."],
                           cwd=written.folder, capture_output=True, text=True)
    assert bagit.returncode == 0 and "is valid" in bagit.stderr, bagit.stderr


def test_qpvdesk_verifies_and_imports_the_package_written_from_the_document(
        written, tmp_path, capsys, reference_path):
    from qpvdesk.cli import main
    from qpvdesk.models.package.trust import TrustStore
    from qpvdesk.models.package.verify import verify_package

    trust = TrustStore(tmp_path / "confiance")
    trust.add_file(written.public_key, LENS)
    report = verify_package(written.package, trust)
    assert report.ok, report.reason
    assert report.info.uuid == written.package_id and report.info.commune_insee == LENS
    assert report.info.key_id == "00000A1B2C3D4E5F"      # 16 digits, leading zeros kept
    received = {item.uuid: item for item in report.proposals}
    assert set(received) == {proposal["uuid"] for proposal in PROPOSALS}
    equipment = received[PROPOSALS[0]["uuid"]]
    assert (equipment.kind, equipment.title, equipment.category, equipment.status,
            equipment.horizon_year, equipment.communes) == \
        ("equipement", "Maison de santé écrite à la main", "sante", "a_l_etude", 2029, (LENS,))
    x, y = lambert93(*PROPOSALS[0]["where"][0])
    assert abs(equipment.geometry.x - x) < 0.001 and abs(equipment.geometry.y - y) < 0.001
    assert received[PROPOSALS[2]["uuid"]].nature == "ajout"

    workspace = tmp_path / "agglomeration.sqlite"
    code = main(["--reference", str(reference_path), "import", str(written.package), "--trust",
                 str(trust.folder), "--workspace", str(workspace)])
    out = capsys.readouterr().out
    assert code == 0 and "3 propositions ajoutées" in out


@pytest.mark.skipif(shutil.which("zip") is None, reason="Info-ZIP zip not installed")
@pytest.mark.parametrize("options, accepted", [(["-r", "-X"], True), (["-r", "-fd"], True),
                                               (["-r", "-fz"], False)])
def test_archives_made_by_info_zip(written, tmp_path, options, accepted):
    """What section 2 says of Info-ZIP's zip: plain and streamed archives pass, forced ZIP64
    does not."""
    from qpvdesk.models.package.trust import TrustStore
    from qpvdesk.models.package.verify import verify_package

    package = tmp_path / "zippe.qpvpkg"
    names = sorted(path.relative_to(written.folder).as_posix()
                   for path in written.folder.rglob("*") if path.is_file())
    subprocess.run(["zip", "-q", *options, str(package), *names], cwd=written.folder,
                   check=True)
    trust = TrustStore(tmp_path / "confiance")
    trust.add_file(written.public_key, LENS)
    report = verify_package(package, trust)
    assert report.ok is accepted, report.reason
    if not accepted:
        assert "ZIP64" in report.reason
