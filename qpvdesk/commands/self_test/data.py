"""The self-test's checks of what qpvdesk reads and writes: the reference database, the
indicator table as CSV/XLSX, proposal import from each format and export, a signed package.
Each returns one line saying what it saw, or raises."""
from __future__ import annotations

import zipfile
from pathlib import Path

from . import samples
from .context import Context, SelfTestFailure, expect
from .drawing import CHOROPLETH_INDICATOR

# Communes crossed by each QPV, found through the commune R*Tree (idx_commune_geom) first.
SPATIAL_INDEX_QUERY = """
SELECT count(*) FROM qpv AS q JOIN commune AS c
  ON c.ROWID IN (SELECT pkid FROM idx_commune_geom
                 WHERE xmin <= MbrMaxX(q.geom) AND xmax >= MbrMinX(q.geom)
                   AND ymin <= MbrMaxY(q.geom) AND ymax >= MbrMinY(q.geom))
WHERE ST_Intersects(q.geom, c.geom)
"""
# Lambert-93 -> WGS 84 needs PROJ to find EPSG:2154 in its proj.db.
PROJ_QUERY = "SELECT X(Transform(Centroid(geom), 4326)), Y(Transform(Centroid(geom), 4326)) " \
             "FROM epci LIMIT 1"
COMMUNE = "62498"                          # Lens: the sender of the throwaway package
CALL_SIREN = "246200364"                   # the agglomeration that answers it
# An EPCI built from the national data pack: 16 communes, 6 QPV without bundled perimeters.
GRAND_AVIGNON = "248400251"


def reference_database(ctx: Context) -> str:
    store = ctx.reference
    counts, versions = store.counts(), store.versions()
    expect(counts.get("qpv", 0) > 0 and counts.get("communes", 0) > 0,
           "no QPV or no commune in the reference database")
    try:
        store.conn.execute("CREATE TABLE self_test_write (x)")
    except Exception:  # noqa: BLE001 - any refusal is what we want
        pass
    else:
        raise SelfTestFailure("the reference database is not read-only")
    enabled = store.conn.execute(
        "SELECT spatial_index_enabled FROM geometry_columns "
        "WHERE f_table_name = 'commune' AND f_geometry_column = 'geom'").fetchone()
    expect(bool(enabled) and enabled[0] == 1, "no spatial index on commune.geom")
    pairs = store.conn.execute(SPATIAL_INDEX_QUERY).fetchone()[0]
    expect(pairs > 0, "the spatial-index query found no QPV/commune pair")
    lon, lat = store.conn.execute(PROJ_QUERY).fetchone()
    expect(lon is not None and 1.0 < lon < 4.0 and 49.5 < lat < 51.5,
           f"Transform(…, 4326) gave {lon}, {lat} (PROJ data missing?)")
    return (f"{store.path.name} read-only, spatialite {versions['spatialite']}, "
            f"{counts['qpv']} QPV, {pairs} QPV/commune pairs through the R*Tree, "
            f"EPCI centroid {lon:.3f}, {lat:.3f} (WGS 84)")


def table_export(ctx: Context) -> str:
    """The indicator table written as CSV and XLSX (openpyxl), the XLSX read back."""
    from openpyxl import load_workbook

    from ...models.indicator_table import build_indicator_table
    from ...models.table_export import indicator_table_rows, write_csv, write_xlsx

    table = build_indicator_table(ctx.reference, [CHOROPLETH_INDICATOR], None, None)
    header, rows = indicator_table_rows(table)
    csv_path = write_csv(ctx.folder / "tableau.csv", header, rows)
    xlsx_path = write_xlsx(ctx.folder / "tableau.xlsx", header, rows)
    csv_lines = csv_path.read_text(encoding="utf-8-sig").splitlines()
    sheet = load_workbook(xlsx_path, read_only=True).active
    xlsx_rows = list(sheet.iter_rows(values_only=True))
    expect(len(csv_lines) == len(rows) + 1 and len(xlsx_rows) == len(rows) + 1,
           f"{len(csv_lines)} CSV lines, {len(xlsx_rows)} XLSX rows for {len(rows)} rows")
    expect(list(xlsx_rows[0]) == header, "the XLSX header differs from the table's")
    return f"{len(table.rows)} QPV rows and {len(table.summaries)} summaries, CSV and XLSX"


def proposal_import(file_format: str):
    """The check importing a small real file of ``file_format``."""
    def check(ctx: Context) -> str:
        from ...models.proposals import ProposalStore, import_proposals

        path, expected = samples.write_proposal_file(ctx.folder, file_format, ctx.place)
        store = ProposalStore(ctx.workspace(f"import_{file_format}"), ctx.reference)
        report = import_proposals(store, path)
        refused = " ".join(outcome.line() for outcome in report.refused)
        expect(not refused, refused)
        stored = sorted((proposal.title, proposal.kind) for proposal in store.list())
        expect(stored == sorted(expected), f"stored {stored}")
        expect(all(proposal.qpv_code == ctx.place.qpv_code for proposal in store.list()),
               "the proposals were not placed in their QPV")
        kinds = " and ".join(kind for _, kind in expected)
        return f"{path.name}: {kinds} imported into {ctx.place.qpv_code}"
    return check


def proposal_export(ctx: Context) -> str:
    """The proposals written as GeoPackage, GeoJSON and CSV; the GeoPackage read back."""
    from ...models.proposals import export_proposals, gdal

    proposals = ctx.proposals
    written = [export_proposals(proposals, ctx.folder / f"export{suffix}")
               for suffix in (".gpkg", ".geojson", ".csv")]
    pyogrio = gdal.pyogrio()
    frames = [pyogrio.read_dataframe(written[0], layer=name)
              for name, _ in pyogrio.list_layers(written[0])]
    count = sum(len(frame) for frame in frames)
    expect(count == len(proposals) and all(frame.crs.to_epsg() == 2154 for frame in frames),
           f"the GeoPackage read back has {count} features, CRS {[f.crs for f in frames]}")
    return (f"GeoPackage, GeoJSON and CSV written (GDAL {pyogrio.__gdal_version_string__}, "
            f"GeoPackage read back)")


def signed_package(ctx: Context) -> str:
    """Export signed with a throwaway key, verify against a trust store, refuse a copy with
    one payload byte changed, import into the consolidated store."""
    from ...models.package import minisign
    from ...models.package.bag import Sender, write_package
    from ...models.package.received import ConsolidatedStore
    from ...models.package.trust import TrustStore
    from ...models.package.verify import verify_package
    from ...render.synthese_pdf import write_synthese_pdf

    ctx.qt()
    secret, public = minisign.generate_keypair()
    path = ctx.folder / "auto-test.qpvpkg"
    info = write_package(ctx.proposals, Sender(COMMUNE, "Commune de Lens", "Auto-test",
                                               "auto-test@example.org"), secret, path,
                         lambda items, target, info: write_synthese_pdf(
                             ctx.reference, items, target, info))
    trust = TrustStore(ctx.folder / "confiance")
    trust.add(public.to_text(), COMMUNE)
    report = verify_package(path, trust)
    expect(report.ok, f"the package just written is refused: {report.reason}")
    expect(len(report.proposals) == len(ctx.proposals), "proposals lost in the package")
    expect(any(name.endswith(".pdf") for name, _ in report.contents),
           "no synthesis PDF in the package")
    altered = _altered_copy(path, ctx.folder / "altéré.qpvpkg")
    expect(not verify_package(altered, trust).ok, "a package with an altered byte was accepted")
    outcome = ConsolidatedStore(ctx.workspace("agglomeration")).accept(
        report.info, report.proposals, path.name, report.sha256)
    expect(len(outcome.added) == len(ctx.proposals),
           f"{len(outcome.added)} proposals added to the consolidated store")
    return (f"{info.proposal_count} proposals signed (key {info.key_id}), verified, an altered "
            f"copy refused, imported")


def _altered_copy(path: Path, target: Path) -> Path:
    """The package with the last byte of its proposals' GeoPackage changed."""
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(target, "w") as copy:
        for item in source.infolist():
            data = source.read(item)
            if item.filename.endswith(".gpkg"):
                data = data[:-1] + bytes([data[-1] ^ 1])
            copy.writestr(item, data)
    return target


def response_package(ctx: Context) -> str:
    """The agglomeration decides on the proposals the package check imported, answers the
    commune with a response signed by a throwaway key; the commune verifies and imports it."""
    from functools import partial

    from ...models.decisions import DecisionStore
    from ...models.package import minisign
    from ...models.package.response_bag import Responder, write_response
    from ...models.package.responses import ResponseStore
    from ...models.package.trust import TrustStore
    from ...models.package.verify import verify_response
    from ...render.response_pdf import write_response_pdf

    ctx.qt()
    decisions = DecisionStore(ctx.workspace("agglomeration"))
    entries = decisions.response_states(COMMUNE)
    expect(bool(entries), "no received proposal to answer (the package check imports them)")
    for version, _ in entries:
        decisions.decide(version.proposal.uuid, "non_retenue", "Auto-test : hors périmètre",
                         decided_by="Auto-test")
    entries = decisions.response_states(COMMUNE)
    secret, public = minisign.generate_keypair()
    path = ctx.folder / "reponse-auto-test.qpvpkg"
    info = write_response(entries, COMMUNE, Responder(CALL_SIREN, "CA de Lens-Liévin"), secret,
                          path, partial(write_response_pdf, ctx.reference))
    trust = TrustStore(ctx.folder / "confiance-agglomeration")
    trust.add(public.to_text(), CALL_SIREN)
    report = verify_response(path, trust, commune=COMMUNE)
    expect(report.ok, f"the response just written is refused: {report.reason}")
    expect(any(name.endswith(".pdf") for name, _ in report.contents), "no PDF in the response")
    altered = _altered_copy(path, ctx.folder / "reponse-alteree.qpvpkg")
    expect(not verify_response(altered, trust, commune=COMMUNE).ok,
           "a response with an altered byte was accepted")
    # the commune's workspace: the one its proposals were drawn in (Context.proposals)
    ResponseStore(ctx.workspace("proposals")).accept(report.info, report.states, path.name,
                                                     report.sha256, COMMUNE)
    return (f"{info.proposal_count} decisions signed (key {info.key_id}), verified, an "
            f"altered copy refused, imported by the commune")


def epci_database(ctx: Context) -> str:
    """Another agglomeration's reference database built from the national data pack shipped
    with the app (CA du Grand Avignon), then opened as the app opens it."""
    from ...models.build.epci_builder import build_epci_database
    from ...models.reference import ReferenceStore

    target = ctx.folder / f"epci_{GRAND_AVIGNON}.sqlite"
    counts = build_epci_database(GRAND_AVIGNON, target)
    store = ReferenceStore(target)
    try:
        found = store.counts()
    finally:
        store.close()
    expect(found.get("communes") == 16 and found.get("qpv") == 6,
           f"CA du Grand Avignon built with {found}")
    return (f"CA du Grand Avignon: {found['communes']} communes, {found['qpv']} QPV, "
            f"{counts.get('indicator_values', 0)} indicator values")


def postgis_client(ctx: Context) -> str:
    """The PostgreSQL client library psycopg loads to publish to PostGIS (no server here:
    the library is found and speaks a known protocol version)."""
    import psycopg

    version = psycopg.pq.version()
    expect(version >= 100000, f"libpq {version} is too old for PostGIS publishing")
    major, minor = divmod(version, 10000)
    return f"psycopg {psycopg.__version__}, libpq {major}.{minor} ({psycopg.pq.__impl__})"
