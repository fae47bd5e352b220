"""Tables added for the territorial diagnostic (issue 12): comparators, quality flags, income
years of the QPV editions, IRIS of each QPV, equipment counts and politique de la ville posts.

Kept apart from schema.py so that the historical tables read exactly as before.
"""
from __future__ import annotations

#: Levels a QPV figure is compared with, in display order ('epci' is the CALL).
COMPARATOR_LEVELS = ("commune", "epci", "departement", "region", "france", "ensemble_qpv")

DIAGNOSTIC_TABLES = {
    # For each QPV indicator and level: which indicator carries the counterpart, from which
    # source and years, and whether the definitions are the same, close or different.
    "indicator_comparator": f"""
        indicator_id TEXT NOT NULL REFERENCES indicator(id),
        level TEXT NOT NULL CHECK (level IN {COMPARATOR_LEVELS!r}),
        comparator_id TEXT NOT NULL REFERENCES indicator(id),
        rank INTEGER NOT NULL,          -- display order among the comparators of a level
        source TEXT NOT NULL,           -- French: producer and dataset
        editions TEXT NOT NULL,         -- editions with a value at this level, e.g. '2015,2016'
        comparability TEXT NOT NULL CHECK (comparability IN ('same', 'close', 'different')),
        note TEXT NOT NULL,             -- French: how close, or why different
        PRIMARY KEY (indicator_id, level, comparator_id)""",
    # QPV indicators with no counterpart in the bundled sources, and why.
    "indicator_without_comparator": """
        indicator_id TEXT PRIMARY KEY REFERENCES indicator(id),
        note TEXT NOT NULL""",
    # The income (or reference) year of a QPV edition, where the bundled data establish it.
    "qpv_edition_year": """
        indicator_id TEXT NOT NULL REFERENCES indicator(id),
        edition INTEGER NOT NULL,
        reference_year INTEGER NOT NULL,
        basis TEXT NOT NULL,            -- French: how the year was established
        PRIMARY KEY (indicator_id, edition)""",
    # INSEE quality flags (NOTE_* columns), verbatim, with the indicators they qualify.
    "quality_flag": """
        territory_kind TEXT NOT NULL,
        territory_code TEXT NOT NULL,
        edition INTEGER NOT NULL,
        flag TEXT NOT NULL,             -- the INSEE column, e.g. NOTE_CNAF
        value TEXT NOT NULL,            -- as in the source, e.g. '5'
        covers TEXT NOT NULL,           -- indicator ids the flag qualifies, comma-separated
        meaning TEXT NOT NULL,          -- French; says when INSEE's meaning is not bundled
        observation TEXT NOT NULL,      -- French: what the data show (e.g. cells all empty)
        source_file TEXT NOT NULL,
        source_row INTEGER NOT NULL,
        PRIMARY KEY (source_file, territory_code, flag)""",
    # The IRIS each 2024 QPV perimeter intersects; 'retained' ones make up its IRIS group.
    "qpv_iris": """
        qpv_code TEXT NOT NULL,         -- 2024 code
        iris_code TEXT NOT NULL,
        intersection_ha REAL NOT NULL,
        share_of_qpv REAL NOT NULL,     -- intersection / QPV 2024 area
        share_of_iris REAL NOT NULL,    -- intersection / IRIS area
        retained INTEGER NOT NULL,
        PRIMARY KEY (qpv_code, iris_code)""",
    # BPE counts by IRIS and equipment type, INSEE codes verbatim.
    "bpe_equipement": """
        year INTEGER NOT NULL,
        dciris TEXT NOT NULL,           -- INSEE's DCIRIS, e.g. 62498_0101 or 62498_0000
        commune_insee TEXT NOT NULL,
        iris_code TEXT,                 -- NULL when INSEE locates the equipment in no IRIS
        typequ TEXT NOT NULL,
        domain TEXT NOT NULL,           -- first letter of TYPEQU
        nb INTEGER NOT NULL,
        source_file TEXT NOT NULL,
        source_row INTEGER NOT NULL,
        PRIMARY KEY (year, dciris, typequ)""",
    "bpe_domain": """
        domain TEXT PRIMARY KEY,
        label TEXT NOT NULL""",
    # Adultes-relais and FONJEP posts of the CALL's contrat de ville, one row per post and year.
    "poste_politique_ville": """
        dispositif TEXT NOT NULL,       -- adulte-relais | fonjep
        year INTEGER NOT NULL,
        contract_code TEXT NOT NULL,
        post_id TEXT NOT NULL,
        employer_siret TEXT NOT NULL,
        employer TEXT NOT NULL,
        amount_eur REAL,
        source_file TEXT NOT NULL,
        source_row INTEGER NOT NULL,
        PRIMARY KEY (dispositif, year, post_id)""",
}

DIAGNOSTIC_INDEXES = [
    "CREATE INDEX indicator_comparator_by_comparator ON indicator_comparator(comparator_id)",
    "CREATE INDEX quality_flag_by_territory ON quality_flag(territory_kind, territory_code)",
    "CREATE INDEX bpe_by_iris ON bpe_equipement(iris_code, year)",
]
