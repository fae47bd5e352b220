"""The diagnostic's themes, in the order of the CALL's 2024 portrait, with the indicators each
one states and the key indicators it draws (evolution and « dynamique des écarts »)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ThemeSpec:
    key: str
    title: str
    findings: tuple[str, ...]   # catalogue ids or derived rates (« NUM/DEN »)
    charts: tuple[str, ...]     # key indicators drawn
    scope: str | None = None


THEMES = (
    ThemeSpec("demographie", "Démographie",
              ("DEMO.POP_MUN", "DEMO.TX_TOT_60ETPLUS", "DEMO.TX_TOT_MEN1", "DEMO.TX_TOT_MEN6",
               "DEMO.TX_TOT_ET"),
              ("DEMO.POP_MUN", "DEMO.TX_TOT_MEN1")),
    ThemeSpec("revenus", "Revenus et pauvreté",
              ("FILOQP.DISP_MED", "FILOQP.DISP_TP60", "FILOQP.DISP_D1", "FILOQP.DISP_PPSOC",
               "REVN.BREV"),
              ("FILOQP.DISP_MED", "FILOQP.DISP_TP60", "FILOQP.DISP_D1")),
    ThemeSpec("familles", "Familles et allocataires",
              ("DEMO.AM/DEMO.A", "REVN.ARSAS/REVN.A", "DEMO.A"),
              ("DEMO.AM/DEMO.A", "REVN.ARSAS/REVN.A")),
    ThemeSpec("jeunesse", "Jeunesse, NEET et éducation",
              ("DEMO.TX_TOT_0A24", "DEMO.IND_JEUNE"),
              ("DEMO.TX_TOT_0A24",)),
    ThemeSpec("emploi", "Emploi et chômage",
              ("IPRO.TX_TOT_EMPL", "IPRO.TX_F_EMPL", "IPRO.TX_TOT_EDLIM", "IPRO.ABC"),
              ("IPRO.TX_TOT_EMPL",)),
    ThemeSpec("equipements", "Équipements", (), (),
              "Équipements comptés dans les IRIS de chaque QPV ; taux pour 1 000 habitants "
              "pour la CALL et ses communes seulement."),
    ThemeSpec("moyens", "Moyens de la politique de la ville", (), (),
              "Postes financés au titre du contrat de ville de la CALL, par année : les "
              "sources ne les rattachent à aucun quartier."),
    ThemeSpec("tranquillite", "Tranquillité publique", (), (),
              "Département et région seulement : le SSMSI ne publie ni la CALL ni ses QPV."),
)
