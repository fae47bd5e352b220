"""The build context of an EPCI database: build steps read the national pack's files, filtered
on the territories they ask for, the way they read the CALL's extracts from data/sources/.

Two differences of the national files are resolved here, and annotated afterwards
(:meth:`PackContext.annotate`):

* an EPCI published under a former SIREN (MEL: 245900410 until 2019) — its row is read as the
  EPCI's, and the value says so;
* a commune that has absorbed others since a file's vintage (the file has rows for its former
  codes) — neither row describes its current territory, so none is read and the absent value
  says why (the comparateur's counts, which add up, are summed by comparateur.py instead).
"""
from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

from .context import BuildContext
from .national_layout import PREFIX
from .national_pack import NationalPack, PackTable, Row

FORMER_SIREN_NOTE = ("Valeur publiée par INSEE sous l'ancien SIREN {former} (« {name} ») : elle "
                     "porte sur le périmètre de l'EPCI à la date du fichier, qui peut différer du "
                     "périmètre actuel.")
CHANGED_COMMUNE_NOTE = ("Non publié pour le territoire actuel de la commune : le fichier donne "
                        "des valeurs séparées pour les communes {codes}, regroupées depuis, qui ne "
                        "s'additionnent pas.")


@dataclass
class PackContext(BuildContext):
    pack: NationalPack | None = None
    former_communes: dict[str, tuple[str, ...]] = field(default_factory=dict)
    former_sirens: dict[str, str] = field(default_factory=dict)   # former SIREN -> its name
    _aliased: list[tuple[str, int, str]] = field(default_factory=list)
    _changed: list[tuple[str, str, tuple[str, ...]]] = field(default_factory=list)

    def path(self, relative: str) -> Path:
        return self.pack.folder / relative.removeprefix(PREFIX)

    def csv(self, relative: str, required: list[str], *tables: str,
            delimiter: str = ";", keep: Collection[str] | None = None) -> PackTable:
        """The rows of the territories in ``keep`` (every row when None)."""
        self.used_by(relative, *tables)
        name = relative.removeprefix(PREFIX)
        if keep is None:
            return self.pack.table(name, required)
        keep = set(keep)
        formers = {code: commune for commune in keep & self.scope.communes.keys()
                   for code in self.former_communes.get(commune, ()) if code != commune}
        aliases = self.former_sirens if self.scope.epci_siren in keep else {}
        table = self.pack.table(name, required, keep | formers.keys() | aliases.keys())
        present = {row.cells[0] for row in table.rows}
        changed = {}
        for code in present & formers.keys():
            changed.setdefault(formers[code], []).append(code)
        rows, numbers = [], []
        for row, number in zip(table.rows, table.numbers):
            code = row.cells[0]
            if code in formers or code in changed:
                continue
            if code in aliases:
                if self.scope.epci_siren in present:
                    continue
                row = Row([self.scope.epci_siren, *row.cells[1:]], row.index)
                self._aliased.append((relative, number, code))
            rows.append(row)
            numbers.append(number)
        self._changed += [(relative, commune, tuple(sorted(codes + [commune])))
                          for commune, codes in changed.items()]
        return PackTable(table.path, table.columns, rows, numbers)

    def annotate(self) -> None:
        """Notes on the values read under a former SIREN, and on the communes left without a
        value because they changed since the file."""
        for relative, number, former in self._aliased:
            self.conn.execute(
                "UPDATE indicator_value SET note = ? WHERE territory_kind = 'epci' AND "
                "source_file = ? AND source_row = ?",
                (FORMER_SIREN_NOTE.format(former=former, name=self.former_sirens[former]),
                 relative, number))
        for relative, commune, codes in self._changed:
            self.conn.execute(
                "UPDATE indicator_value SET note = ? WHERE territory_kind = 'commune' AND "
                "territory_code = ? AND source_file = ? AND status_detail = 'non_publie'",
                (CHANGED_COMMUNE_NOTE.format(codes=", ".join(codes)), commune, relative))
