"""Write the data files of a response package: data/reponse.gpkg (the table « decisions » and
the modified geometries, EPSG:2154) and data/reponse.csv (French labels, for spreadsheets)."""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import shapely

from ..decisions_vocabulary import DECISIONS
from ..proposals import gdal
from ..proposals.exporter import _reported
from ..proposals.geometry import LAMBERT93
from ..proposals.vocabulary import KINDS
from ..table_export import write_csv
from .response import (DECISIONS_TABLE, MODIFIED_LAYERS, MODIFIED_POLYGONS, STATE_COLUMNS,
                       ProposalState, csv_header)


def _decisions_frame(states: Sequence[ProposalState]):
    import pandas as pd

    return pd.DataFrame({
        column: pd.Series([getattr(state, attribute) for state in states],
                          dtype="Int64" if sql_type == "INTEGER" else object)
        for attribute, column, sql_type, _ in STATE_COLUMNS})


def _modified_frame(states: Sequence[ProposalState]):
    import geopandas as gpd
    import pandas as pd

    return gpd.GeoDataFrame(
        {"proposition_uuid": pd.Series([state.proposal_uuid for state in states], dtype=object),
         "decision_uuid": pd.Series([state.decision_uuid for state in states], dtype=object)},
        geometry=gpd.GeoSeries([state.geometry for state in states], crs=LAMBERT93))


def write_response_geopackage(states: Sequence[ProposalState], path: Path) -> None:
    """The table « decisions » (no geometry) and both modified-geometry layers, even empty."""
    pyogrio = gdal.pyogrio()
    path = Path(path)
    with _reported(path):
        pyogrio.write_dataframe(_decisions_frame(states), path, driver="GPKG",
                                layer=DECISIONS_TABLE)
        for layer, geometry_type in MODIFIED_LAYERS.items():
            chosen = [state for state in states
                      if state.geometry is not None and state.modified_layer == layer]
            frame = _modified_frame(chosen)
            several = layer == MODIFIED_POLYGONS and any(
                state.geometry.geom_type == "MultiPolygon" for state in chosen)
            pyogrio.write_dataframe(frame, path, driver="GPKG", layer=layer,
                                    geometry_type="MultiPolygon" if several
                                    else geometry_type, promote_to_multi=several)


def _csv_cell(state: ProposalState, attribute: str) -> object:
    value = getattr(state, attribute)
    if attribute == "kind":
        return KINDS.get(value, value)
    if attribute == "decision":
        return DECISIONS.get(value, value)
    return value


def write_response_csv(states: Sequence[ProposalState], path: Path) -> None:
    rows = [[_csv_cell(state, attribute) for attribute, *_ in STATE_COLUMNS]
            + [shapely.to_wkt(state.geometry, rounding_precision=3)
               if state.geometry is not None else None]
            for state in states]
    with _reported(Path(path)):
        write_csv(Path(path), csv_header(), rows)
