"""Adultes-relais and FONJEP posts funded under the CALL's contrat de ville (ANCT, Ci.Ville):
one row per post and year, and the number of posts and amounts per year for the CALL. The
source gives the employer (SIRET) but no commune or QPV: nothing finer is derived. A line that
repeats another one exactly (the 2025 FONJEP file lists five posts twice) counts once; the same
post listed twice with different content is refused."""
from __future__ import annotations

import math
from collections import defaultdict

from .context import BuildContext
from .errors import SourceError
from .readers import number_cell
from .schema import insert_rows
from .territories import EPCI_SIREN
from .values import insert_values, value_row

POSTS = "anct_politique_ville_postes_adultes_relais_fonjep/" \
        "postes_adultes_relais_fonjep_cv_lens_lievin_2020_2025.csv"
CONTRACTS = {"CV219": "contrat de ville 2015-2023", "CN06202I": "Engagements Quartiers 2030"}
DISPOSITIFS = {"adulte-relais": "PV.ADULTES_RELAIS", "fonjep": "PV.FONJEP"}


def build_posts(ctx: BuildContext) -> int:
    table = ctx.csv(POSTS, ["dispositif", "annee", "code_cv", "id_poste", "code_tiers",
                            "raison_sociale", "montant"], "poste_politique_ville",
                    "indicator_value")
    records, seen = [], {}
    counts, amounts, repeated = defaultdict(int), defaultdict(list), defaultdict(int)
    for index, row in enumerate(table.rows):
        number = table.row_number(index)
        if row["dispositif"] not in DISPOSITIFS:
            raise SourceError(table.path, f"unknown dispositif {row['dispositif']!r}", number)
        if row["code_cv"] not in CONTRACTS:
            raise SourceError(table.path, f"contract {row['code_cv']!r} is not the CALL's",
                              number)
        year = number_cell(table, index, "annee")
        if year is None or not 2000 <= year <= 2100:
            raise SourceError(table.path, f"year {row['annee']!r} is not a year", number)
        amount = number_cell(table, index, "montant")
        key = (row["dispositif"], int(year))
        post = (*key, row["id_poste"])
        if post in seen:
            if table.rows[seen[post]] != row:
                raise SourceError(table.path, f"post {row['id_poste']} listed twice for "
                                              f"{int(year)} with different content", number)
            repeated[key] += 1
            continue
        seen[post] = index
        counts[key] += 1
        amounts[key].append(amount)
        records.append((row["dispositif"], int(year), row["code_cv"], row["id_poste"],
                        row["code_tiers"], row["raison_sociale"], amount, POSTS, number))
    insert_rows(ctx.conn, "poste_politique_ville",
                ["dispositif", "year", "contract_code", "post_id", "employer_siret", "employer",
                 "amount_eur", "source_file", "source_row"], records)
    rows = []
    for (dispositif, year), count in sorted(counts.items()):
        ident = DISPOSITIFS[dispositif]
        listed = f"Calculé à partir de {POSTS} : postes {dispositif} listés pour {year}"
        if repeated[(dispositif, year)]:
            listed += (f" ({repeated[(dispositif, year)]} ligne(s) répétée(s) à l'identique "
                       "dans la source, comptée(s) une fois)")
        rows.append(value_row("epci", EPCI_SIREN, ident, year, year, float(count), POSTS, None,
                              derived=True, note=f"{listed}."))
        known = [a for a in amounts[(dispositif, year)] if a is not None]
        total = round(math.fsum(known), 2) if len(known) == count else None
        rows.append(value_row("epci", EPCI_SIREN, f"{ident}_MONTANT", year, year, total, POSTS,
                              None, derived=True,
                              note=f"{listed}, somme des montants" + (
                                  "." if total is not None else " : montant absent pour un "
                                                                "poste au moins.")))
    return insert_values(ctx.conn, rows)
