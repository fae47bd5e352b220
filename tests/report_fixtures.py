"""A report Document holding every kind of block, and readers of what the writers produced:
python-docx for Word files, pdftotext for PDFs, LibreOffice for a Word file turned PDF."""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

from qpvdesk.models.report.chart import Chart, ChartPoint, ChartSeries, Quadrant
from qpvdesk.models.report.document import (BulletList, Cover, Document, Figure, Heading,
                                            Notice, Paragraph, Run, SourceEntry,
                                            SourcesSection, Sparkline, Table, TableCell)

LEAD = ("Tous les QPV ont un taux d'emploi inférieur à celui de la CALL (53,5 % en 2018) : de "
        "30,8 % (République - Cité 4) à 47,3 % (Quartier Saint-Elie - Fosse 13).")
QPV_NAMES = ("République - Cité 4", "Quartier Saint-Elie - Fosse 13", "Cité 2", "3 Cités",
             "Cité des Taberneaux", "Grande Résidence")


def evolution_chart() -> Chart:
    years = (2017, 2018, 2019, 2020, 2021, 2022)
    qpv = tuple(ChartSeries(name, tuple(ChartPoint(year, 30.0 + index * 3 + (year - 2017) * 0.5
                                                   if (index, year) != (2, 2019) else None)
                                        for year in years), "qpv")
                for index, name in enumerate(QPV_NAMES))
    call = ChartSeries("CALL", (ChartPoint(2018, 53.5), ChartPoint(2022, 54.9)), "call")
    return Chart("line", (*qpv, call), "Édition", "Taux d'emploi (%)", 1, x_is_year=True)


def dynamics_chart() -> Chart:
    points = [ChartPoint(-10.0 + index * 4, 1.5 - index, name)
              for index, name in enumerate(QPV_NAMES)]
    return Chart("scatter", (
        ChartSeries("écart qui se creuse", tuple(p for p in points if p.x * p.y > 0), "widening"),
        ChartSeries("écart qui se réduit", tuple(p for p in points if p.x * p.y <= 0),
                    "narrowing")),
        "Écart à la CALL en 2017 (points)", "Évolution de l'écart (points)", 1,
        quadrants=(Quadrant(1, 1, "écart qui se creuse"), Quadrant(-1, 1, "écart qui se réduit")),
        zero_lines=True)


def summary_table() -> Table:
    rows = (
        (TableCell("Taux d'emploi des 15-64 ans", bold=True), TableCell("53,5 %", "2018"),
         TableCell("de 30,8 % (République - Cité 4) à 47,3 % (Quartier Saint-Elie - Fosse 13)"),
         TableCell("de 1,1 à 1,7 fois moins", sparkline=Sparkline(
             ((2017, 40.1), (2018, None), (2019, 41.0), (2022, 42.3))))),
        (TableCell("Taux de pauvreté", bold=True), TableCell("secret", status="secret"),
         TableCell("de 53,9 % (Quartier Saint-Elie - Fosse 13) à 70,5 % (Grande Résidence)"),
         TableCell("de 1,4 à 2 fois plus")))
    return Table(header_rows=(("", "À la CALL", "Dans les QPV", "Comparaison"),
                              ("Indicateur", "valeur", "min – max", "QPV / CALL")),
                 rows=rows, alignments=("left", "right", "left", "left"),
                 title="Synthèse : la CALL et ses QPV", notes=("Les taux ne sont jamais moyennés.",),
                 source="Sources : INSEE, base QPV 2022 ; comparateur de territoires 2022.",
                 wrap_columns=(0, 2, 3))


def sample_document() -> Document:
    blocks = (
        Heading("Synthèse", 1),
        summary_table(),
        Heading("Emploi et chômage", 1),
        Heading("Taux d'emploi", 2),
        Paragraph((Run(LEAD),), "lead"),
        Paragraph((Run("Un texte avec "), Run("du gras", bold=True), Run(" et "),
                   Run("de l'italique", italic=True), Run(".")), "body"),
        BulletList((Paragraph.plain("Premier point de vigilance."),
                    Paragraph.plain("Second point de vigilance."))),
        Notice("À lire avec prudence", ("Le NEET de l'Observatoire n'a pas la même définition.",
                                        "Données du département et de la région seulement.")),
        Figure(evolution_chart(), "Évolution du taux d'emploi des QPV et de la CALL",
               "Source : INSEE, base QPV, éditions 2017 à 2022."),
        Heading("Dynamique des écarts", 3),
        Figure(dynamics_chart(), "Dynamique des écarts à la CALL, 2017-2022",
               "Source : INSEE, base QPV 2017 et 2022 ; comparateur 2018 et 2022."),
        SourcesSection("Sources", (SourceEntry("INSEE", "Données des quartiers de la politique "
                                                        "de la ville", "éditions 2017 à 2022",
                                               "Licence Ouverte 2.0", "Fichiers : DEMO.csv"),),
                       "Chaque chiffre vient d'un fichier public."),
    )
    return Document("Portrait d'essai", "Portrait d'essai — CALL", blocks,
                    Cover("CONTRAT DE VILLE", "Portrait de territoire",
                          "Quartiers prioritaires de la CA de Lens-Liévin",
                          ("Édité le 3 décembre 2026", "Produit avec qpvdesk à partir de "
                                                        "données publiques")),
                    notes=("Une note de fin.",))


def plain(text: str) -> str:
    """Every kind of space (narrow no-break included) made one plain space."""
    return re.sub(r"[\s\u00a0\u202f\u2009]+", " ", text)


def squeezed(text: str) -> str:
    """The text without any space: a sentence compared whatever its line breaks (a PDF line
    may end after the hyphen of « Saint-Elie »)."""
    return re.sub(r"[\s\u00a0\u202f\u2009]+", "", text)


def pdf_text(path) -> str:
    return plain(subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                                text=True, check=True, timeout=60).stdout)


def pdf_pages(path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True,
                          timeout=60).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def docx_headings(word) -> list[tuple[str, str]]:
    return [(paragraph.style.name, paragraph.text) for paragraph in word.paragraphs
            if paragraph.style.name.startswith("Heading")]


def docx_rows(table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def docx_images(word) -> int:
    return len(word.inline_shapes)


def libreoffice_pdf(docx: Path, folder: Path) -> Path:
    """The Word file converted by LibreOffice headless (its own profile in ``folder``)."""
    soffice = shutil.which("soffice")
    profile = (folder / "profile").as_uri()
    subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(folder), str(docx)],
                   capture_output=True, text=True, check=True, timeout=180)
    return folder / (docx.stem + ".pdf")
