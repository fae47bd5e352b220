"""The map's state: intents change it, and it reopens as it was left, whatever was saved."""
from __future__ import annotations

import json

import pytest

from qpvdesk.models.map.map_state import ChoroplethSetting, LayerSetting, MapState
from qpvdesk.models.map.viewport import Viewport

LAYERS = ["iris", "communes", "epci", "qpv", "colleges"]


def ids(state: MapState) -> list[str]:
    return [setting.layer_id for setting in state.layers]


def saved_state() -> MapState:
    state = MapState.default(LAYERS, hidden={"iris"})
    state.move("qpv", -3)
    state.set_opacity("communes", 0.4)
    state.set_visible("colleges", False)
    state.viewport = Viewport(687_500.0, 7_037_500.0, 3.5, 1200, 800)
    state.choropleth = ChoroplethSetting("iris", "FILO.MED", 2019, "jenks", 6)
    state.basemap_path = "/home/agent/Fonds/lens é.mbtiles"
    return state


def test_default_keeps_the_order_and_hides_what_is_asked():
    state = MapState.default(LAYERS, hidden={"iris", "colleges"})
    assert ids(state) == LAYERS
    assert [s.visible for s in state.layers] == [False, True, True, True, False]
    assert all(s.opacity == 1.0 for s in state.layers)
    assert (state.viewport, state.choropleth, state.basemap_path) == (None, None, None)


def test_visibility_and_clamped_opacity():
    state = MapState.default(LAYERS)
    state.set_visible("qpv", False)
    state.set_opacity("epci", 1.7)
    state.set_opacity("iris", -0.2)
    state.set_opacity("communes", 0.35)
    assert state.setting("qpv").visible is False
    assert [state.setting(i).opacity for i in ("epci", "iris", "communes")] == [1.0, 0.0, 0.35]
    with pytest.raises(KeyError):
        state.setting("routes")


@pytest.mark.parametrize("layer_id, delta, expected", [
    ("communes", 1, ["iris", "epci", "communes", "qpv", "colleges"]),
    ("communes", -1, ["communes", "iris", "epci", "qpv", "colleges"]),
    ("communes", 10, ["iris", "epci", "qpv", "colleges", "communes"]),
    ("qpv", -10, ["qpv", "iris", "communes", "epci", "colleges"]),
    ("iris", -1, LAYERS),
])
def test_move_reorders_and_stops_at_either_end(layer_id, delta, expected):
    state = MapState.default(LAYERS)
    state.move(layer_id, delta)
    assert ids(state) == expected


def test_json_round_trip():
    state = saved_state()
    assert MapState.from_json(state.to_json(), LAYERS) == state
    assert ids(MapState.from_json(state.to_json(), LAYERS)) == [
        "qpv", "iris", "communes", "epci", "colleges"]


@pytest.mark.parametrize("text", ["", "{", "null", "[]", "42", '"carte"', None,
                                  '{"layers": "iris"}', '{"layers": [1, null, []]}'])
def test_unreadable_state_gives_the_default(text):
    state = MapState.from_json(text, LAYERS)
    assert ids(state) == LAYERS and all(s.visible and s.opacity == 1 for s in state.layers)
    assert (state.viewport, state.choropleth, state.basemap_path) == (None, None, None)


def test_layers_the_app_lost_are_dropped_and_new_ones_slot_in_after_their_predecessor():
    saved = saved_state().to_json()               # qpv, iris, communes, epci, colleges
    known = ["iris", "communes", "unesco", "qpv", "epci", "colleges", "proposals"]
    known.remove("colleges")                      # the app no longer has colleges
    state = MapState.from_json(saved, known)
    assert ids(state) == ["qpv", "iris", "communes", "unesco", "epci", "proposals"]
    assert state.setting("unesco") == LayerSetting("unesco")
    assert state.setting("communes").opacity == 0.4      # what was saved is kept
    first_new = MapState.from_json(saved, ["basemap_mask"] + LAYERS)
    assert ids(first_new)[0] == "basemap_mask"


def test_bad_fields_fall_back_one_by_one():
    data = json.loads(saved_state().to_json())
    data["layers"][0].update(visible="oui", opacity=3)            # qpv
    data["layers"][1].update(opacity=float("nan"))               # iris
    data["layers"].append({"layer_id": "epci", "visible": False})  # duplicate: ignored
    data["layers"].append({"layer_id": ["epci"]})                  # unhashable: ignored
    data["viewport"]["resolution"] = -1
    data["basemap_path"] = 12
    state = MapState.from_json(json.dumps(data), LAYERS)
    assert state.setting("qpv") == LayerSetting("qpv", True, 1.0)
    assert state.setting("iris") == LayerSetting("iris", False, 1.0)
    assert state.setting("epci").visible is True
    assert (state.viewport, state.basemap_path) == (None, None)
    assert state.choropleth == saved_state().choropleth           # still good, kept


@pytest.mark.parametrize("change", [
    {"layer_id": "communes"}, {"method": "kmeans"}, {"classes": 9}, {"classes": 2},
    {"classes": "5"}, {"edition": "2019"}, {"edition": True}, {"indicator_id": ""},
    {"indicator_id": None},
])
def test_unusable_choropleth_is_dropped(change):
    data = json.loads(saved_state().to_json())
    data["choropleth"].update(change)
    state = MapState.from_json(json.dumps(data), LAYERS)
    assert state.choropleth is None
    assert ids(state) == ids(saved_state())


def test_latest_edition_choropleth_survives():
    state = MapState.default(LAYERS)
    state.choropleth = ChoroplethSetting("qpv", "IPRO.TX_TOT_EMPL", None)
    restored = MapState.from_json(state.to_json(), LAYERS).choropleth
    assert restored == ChoroplethSetting("qpv", "IPRO.TX_TOT_EMPL", None, "quantiles", 5)
