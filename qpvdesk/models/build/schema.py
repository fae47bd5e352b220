"""Tables of the reference database and the SpatiaLite calls that register geometries."""
from __future__ import annotations

from collections.abc import Iterable, Sequence

from .diagnostic_schema import DIAGNOSTIC_INDEXES, DIAGNOSTIC_TABLES
from .readers import LAMBERT93

# The mining-heritage layers share one shape; the source's own fields stay in `properties`.
HERITAGE_COLUMNS = ("id INTEGER PRIMARY KEY, name TEXT, communes TEXT, type TEXT, "
                    "compagnie TEXT, interet TEXT, unesco_id TEXT, properties TEXT NOT NULL")

# Attribute tables; geometry columns are added by create_schema().
TABLES = {
    "territory": """
        kind TEXT NOT NULL,            -- commune, iris, qpv, epci, departement, region, france, ensemble_qpv
        code TEXT NOT NULL,
        name TEXT NOT NULL,
        population INTEGER,
        population_year INTEGER,
        PRIMARY KEY (kind, code)""",
    "commune": """
        insee TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        siren TEXT NOT NULL,
        population_municipale INTEGER NOT NULL,
        population_totale INTEGER NOT NULL,
        population_year INTEGER NOT NULL,
        postcodes TEXT,
        densite TEXT,
        centralite TEXT,
        ruralite TEXT""",
    "epci": """
        siren TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        kind TEXT NOT NULL,
        population_municipale INTEGER NOT NULL,
        population_totale INTEGER NOT NULL,
        population_year INTEGER NOT NULL""",
    "iris": """
        code TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        type TEXT NOT NULL,            -- H habitat, A activité, D divers, Z commune non irisée
        commune_insee TEXT NOT NULL REFERENCES commune(insee),
        grand_quartier TEXT""",
    "qpv": """
        code TEXT PRIMARY KEY,         -- 2024 geography, QN062xxM
        code_2015 TEXT NOT NULL UNIQUE, -- same order number, QP062xxx
        name TEXT NOT NULL,
        communes_in_call TEXT NOT NULL,
        communes_outside_call TEXT NOT NULL,
        epci_sirens TEXT NOT NULL,
        area_ha REAL NOT NULL,
        share_in_call REAL NOT NULL""",
    "qpv_commune": """
        qpv_code TEXT NOT NULL,        -- 2024 code
        geography INTEGER NOT NULL,    -- 2015 or 2024 commune list
        commune_insee TEXT NOT NULL,
        commune_name TEXT NOT NULL,
        in_call INTEGER NOT NULL,
        area_ha_in_commune REAL,       -- 2024 perimeter inside the commune (CALL communes only)
        PRIMARY KEY (qpv_code, geography, commune_insee)""",
    "qpv_correspondence": """
        code_2015 TEXT PRIMARY KEY,
        name_2015 TEXT NOT NULL,
        code_2024 TEXT NOT NULL UNIQUE,
        name_2024 TEXT NOT NULL,
        communes_2015 TEXT NOT NULL,
        communes_2024 TEXT NOT NULL,
        same_communes INTEGER NOT NULL,
        perimeter_2015_bundled INTEGER NOT NULL,
        note TEXT NOT NULL""",
    "indicator": """
        id TEXT PRIMARY KEY,           -- FAMILY.INSEE_VARIABLE, e.g. IPRO.TX_TOT_EMPL
        family TEXT NOT NULL,
        variable TEXT NOT NULL,
        label TEXT NOT NULL,
        unit TEXT NOT NULL,
        theme TEXT NOT NULL,
        definition TEXT NOT NULL,
        unfavourable TEXT CHECK (unfavourable IN ('high', 'low')),
        compare_id TEXT,
        aggregation TEXT NOT NULL CHECK (aggregation IN ('count', 'rate', 'median', 'index')),
        verified INTEGER NOT NULL DEFAULT 1, -- 0: definition inferred, not from an INSEE dictionary
        definition_source TEXT NOT NULL DEFAULT ''""",
    "indicator_value": """
        territory_kind TEXT NOT NULL,
        territory_code TEXT NOT NULL,
        indicator_id TEXT NOT NULL REFERENCES indicator(id),
        edition INTEGER NOT NULL,
        reference_year INTEGER,
        value REAL,
        status TEXT NOT NULL CHECK (status IN ('ok', 'secret', 'missing')),
        source_file TEXT NOT NULL,
        source_row INTEGER,
        -- ok | secret (empty cell of a published row) | non_publie (the producer publishes no
        -- row for this territory) | missing (not in the bundled sources). `status` keeps the
        -- three historical values: non_publie is 'missing' there.
        status_detail TEXT NOT NULL DEFAULT 'ok'
            CHECK (status_detail IN ('ok', 'secret', 'non_publie', 'missing')),
        derived INTEGER NOT NULL DEFAULT 0,  -- 1: computed by the build (sums of counts)
        note TEXT,                           -- French: « calculé à partir de … », checks
        PRIMARY KEY (territory_kind, territory_code, indicator_id, edition),
        CHECK ((status = 'ok') = (value IS NOT NULL)),
        CHECK ((status = 'ok') = (status_detail = 'ok')),
        CHECK (status != 'secret' OR status_detail = 'secret')""",
    **DIAGNOSTIC_TABLES,
    "college": """
        uai TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        commune_insee TEXT NOT NULL,
        commune_name TEXT NOT NULL,
        sector TEXT NOT NULL,
        ips REAL NOT NULL,
        ips_school_year TEXT NOT NULL,
        rep TEXT,                      -- 'REP+', 'REP', 'hors EP'; NULL for private schools
        rep_vintage TEXT""",
    "ecole": """
        uai TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        commune_insee TEXT NOT NULL,
        commune_name TEXT NOT NULL,
        sector TEXT NOT NULL,
        ips REAL NOT NULL,
        ips_school_year TEXT NOT NULL""",
    "etablissement_second_degre": """
        uai TEXT PRIMARY KEY,
        nature TEXT NOT NULL,
        name TEXT NOT NULL,
        commune_name TEXT NOT NULL,
        rep TEXT NOT NULL""",
    "heritage_cite": HERITAGE_COLUMNS,
    "heritage_terril": HERITAGE_COLUMNS,
    "heritage_bati": HERITAGE_COLUMNS,
    "heritage_puits": HERITAGE_COLUMNS,
    "unesco_perimetre": HERITAGE_COLUMNS,
    "provenance": """
        table_name TEXT NOT NULL,
        source_path TEXT NOT NULL,
        producer TEXT NOT NULL,
        licence TEXT NOT NULL,
        vintage TEXT NOT NULL,
        original_location TEXT NOT NULL,
        PRIMARY KEY (table_name, source_path)""",
    "metadata": "key TEXT PRIMARY KEY, value TEXT NOT NULL",
}

# Geometry type of each spatial table; all in Lambert-93.
GEOMETRY_TABLES = {
    "commune": "MULTIPOLYGON",
    "epci": "MULTIPOLYGON",
    "iris": "MULTIPOLYGON",
    "qpv": "MULTIPOLYGON",
    "college": "POINT",
    "etablissement_second_degre": "POINT",
    "heritage_cite": "MULTIPOLYGON",
    "heritage_terril": "MULTIPOLYGON",
    "heritage_bati": "MULTIPOLYGON",
    "heritage_puits": "POINT",
    "unesco_perimetre": "MULTIPOLYGON",
}

INDEXES = [
    "CREATE INDEX indicator_value_by_indicator ON indicator_value(indicator_id, edition)",
    "CREATE INDEX qpv_commune_by_commune ON qpv_commune(commune_insee)",
    "CREATE INDEX iris_by_commune ON iris(commune_insee)",
    "CREATE INDEX ecole_by_commune ON ecole(commune_insee)",
    *DIAGNOSTIC_INDEXES,
]


def create_schema(conn) -> None:
    # Only the SRIDs the app uses: a full spatial_ref_sys would add 5 MB.
    conn.execute("SELECT InitSpatialMetadata(1, 'NONE')")
    for srid in (4326, LAMBERT93, 3857):
        conn.execute("SELECT InsertEpsgSrid(?)", (srid,))
    for table, columns in TABLES.items():
        conn.execute(f"CREATE TABLE {table} ({columns})")
    for table, geometry_type in GEOMETRY_TABLES.items():
        ok = conn.execute("SELECT AddGeometryColumn(?, 'geom', ?, ?, 'XY', 1)",
                          (table, LAMBERT93, geometry_type)).fetchone()[0]
        if ok != 1:
            raise RuntimeError(f"AddGeometryColumn failed for {table}")


def finish_schema(conn) -> None:
    for statement in INDEXES:
        conn.execute(statement)
    for table in GEOMETRY_TABLES:
        if conn.execute("SELECT CreateSpatialIndex(?, 'geom')", (table,)).fetchone()[0] != 1:
            raise RuntimeError(f"CreateSpatialIndex failed for {table}")
    conn.execute("SELECT UpdateLayerStatistics()")


def insert_rows(conn, table: str, columns: Sequence[str], rows: Iterable[Sequence]) -> None:
    """Insert rows; a column named 'geom' takes WKB and becomes a Lambert-93 geometry."""
    placeholders = ", ".join(
        f"GeomFromWKB(?, {LAMBERT93})" if name == "geom" else "?" for name in columns)
    conn.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({placeholders})",
                     rows)
