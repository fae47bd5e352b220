"""The diagnostic as JSON: ``diagnostic_to_json(diagnostic) -> dict``, keys stable.

Top level (``json_version`` 1): ``title``, ``territory``, ``edition_requested`` (null: the
latest edition of each indicator), ``editions_available``, ``headline`` (sentences),
``themes``, ``notes``, ``sources`` (``path``, ``producer``, ``licence``, ``vintage``).

A theme: ``key`` (demographie, revenus, familles, jeunesse, emploi, equipements, moyens,
tranquillite), ``title``, ``scope``, ``sentences`` (every generated sentence, findings first),
``findings``, ``statements``, ``tables`` (``key``, ``title``, ``columns``, ``numeric``,
``rows`` of worded cells, ``notes``), ``evolution_charts``, ``dynamics_charts``, ``notes``.

A finding: ``key`` (catalogue id, or « NUM/DEN » for a rate computed from two counts),
``label``, ``unit``, ``unfavourable`` (high | low | null), ``definition``, ``verified``,
``derived_note``, ``edition``, ``editions``, ``year_text``, ``qpv`` (22 items: ``code``,
``code_2015``, ``name``, ``value``, ``flags``, ``versus_call`` worse | better | equal | higher |
lower | null, ``ratio_to_call``), ``known``, ``lowest`` / ``highest`` (``value``, ``text``,
``qpv`` as [code, name] pairs, ``names``), ``call`` and ``references`` (``level``,
``territory_code``, ``territory_name``, ``indicator_id``, ``label``, ``source``, ``value``,
``year_text``, ``comparability`` same | close, ``comparability_note``, ``pairing`` same_year |
same_edition | other_year | only_value, ``pairing_note``), ``refusals`` (``level``,
``indicator_id``, ``label``, ``reason``), ``worse_than_call``, ``above_call``, ``below_call``,
``ratio_low``, ``ratio_high``, ``ratio_text``, ``evolution`` (``edition_from``,
``edition_to``, ``call_from``, ``call_to``, ``changes`` with ``gap_from``, ``gap_to``,
``worsening``, ``movement`` worsens | improves | stable and ``text``; ``worsening``,
``improving``, ``stable`` counts, ``sentence``, ``unavailable_reason``), ``sentence``,
``notes``.

A value: ``indicator_id``, ``territory_kind``, ``territory_code``, ``territory_name``,
``edition``, ``reference_year``, ``value`` (null unless ``status`` is ok), ``status`` (ok |
secret | non_publie | missing), ``derived``, ``note``, ``source_file``, ``source_row``.
"""
from __future__ import annotations

from dataclasses import asdict

from .model import Diagnostic, Extreme

JSON_VERSION = 1


def diagnostic_to_json(diagnostic: Diagnostic) -> dict:
    result = {"json_version": JSON_VERSION, **asdict(diagnostic)}
    for theme, data in zip(diagnostic.themes, result["themes"]):
        data["sentences"] = list(theme.sentences())
        for finding, finding_data in zip(theme.findings, data["findings"]):
            for side in ("lowest", "highest"):
                extreme: Extreme | None = getattr(finding, side)
                if extreme is not None:
                    finding_data[side]["names"] = list(extreme.names)
    return result
