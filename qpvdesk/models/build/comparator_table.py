"""Write the declared comparators (comparator_data.py) with the editions that have values,
the "ensemble des QPV" rows the sources publish, and the QPV indicators with no comparator."""
from __future__ import annotations

from ..comparator_data import (DECLARATIONS, WITHOUT_COMPARATOR_NOTE, check_declarations,
                               qpv_indicator_ids)
from .context import BuildContext
from .schema import insert_rows

COLUMNS = ["indicator_id", "level", "comparator_id", "rank", "source", "editions",
           "comparability", "note"]
ENSEMBLE_SOURCE = "INSEE, même base : ligne « Ensemble » des QPV de France"


def _editions(conn, comparator_id: str, level: str) -> list[int]:
    """Editions with a value at this level; CAF counts exist per IRIS and are summed."""
    kinds = (level,) if not comparator_id.startswith("CAF.") else ("iris",)
    rows = conn.execute(
        f"SELECT DISTINCT edition FROM indicator_value WHERE indicator_id = ? AND status = 'ok' "
        f"AND territory_kind IN ({', '.join('?' * len(kinds))}) ORDER BY edition",
        (comparator_id, *kinds)).fetchall()
    return [edition for (edition,) in rows]


def build_comparators(ctx: BuildContext) -> None:
    check_declarations()
    ctx.table_sources["indicator_comparator"].append("insee_comparateur_2022/"
                                                     "meta_base_cc_comparateur_2022.csv")
    rows, ranks = [], {}
    for item in DECLARATIONS:
        for level in item.levels:
            editions = _editions(ctx.conn, item.comparator_id, level)
            if not editions:
                continue
            rank = ranks[item.indicator_id, level] = ranks.get((item.indicator_id, level), 0) + 1
            rows.append((item.indicator_id, level, item.comparator_id, rank, item.source,
                         ",".join(map(str, editions)), item.comparability, item.note))
    declared = {row[0] for row in rows}
    for indicator_id in qpv_indicator_ids():
        editions = _editions(ctx.conn, indicator_id, "ensemble_qpv")
        if editions:
            rank = ranks.get((indicator_id, "ensemble_qpv"), 0) + 1
            rows.append((indicator_id, "ensemble_qpv", indicator_id, rank, ENSEMBLE_SOURCE,
                         ",".join(map(str, editions)), "same",
                         "Même indicateur, même base : ensemble des quartiers prioritaires de "
                         "France, publié seulement pour les éditions indiquées ; chaque valeur "
                         "porte son édition."))
    insert_rows(ctx.conn, "indicator_comparator", COLUMNS, sorted(rows))
    insert_rows(ctx.conn, "indicator_without_comparator", ["indicator_id", "note"],
                [(i, WITHOUT_COMPARATOR_NOTE) for i in qpv_indicator_ids() if i not in declared])
