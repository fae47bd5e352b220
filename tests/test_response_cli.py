"""The closing of the loop from the command line: the agglomeration's key, its decisions, its
signed response, the commune importing it and listing its proposals with their decisions."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from package_fixtures import (LENS, LIEVIN, commune_key, lens_package,  # noqa: F401
                              lens_proposals, pdf_writer, trust)
from response_fixtures import SIREN, commune_workspace  # noqa: F401
from qpvdesk.cli import main


@pytest.fixture
def agglomeration(tmp_path, lens_package, trust, reference_path, capsys) -> dict:
    """An agglomeration's workspace that imported Lens's package, and its key pair made by
    `qpvdesk keygen --epci`."""
    workspace = tmp_path / "agglomeration.sqlite"
    assert main(["import", str(lens_package.path), "--trust", str(trust.folder),
                 "--workspace", str(workspace)]) == 0
    keys = tmp_path / "cles-agglo"
    assert main(["--reference", str(reference_path), "keygen", "--epci", SIREN,
                 "--out", str(keys)]) == 0
    capsys.readouterr()
    return {"workspace": str(workspace), "keys": keys, "reference": str(reference_path)}


def run(capsys, *argv) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exit_:   # argparse's usage errors
        code = exit_.code
    out, err = capsys.readouterr()
    return code, out, err


def test_keygen_for_the_agglomeration_names_it(agglomeration):
    public = (agglomeration["keys"] / f"{SIREN}.pub").read_text()
    assert public.startswith("untrusted comment: qpvdesk clé publique de l'agglomération "
                             f"{SIREN} (CA de Lens-Liévin)\n")
    assert (agglomeration["keys"] / f"{SIREN}.key").stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize("argv, message", [
    (["keygen", "--epci", "2462"], "invalid SIREN"),
    (["keygen", "--epci", SIREN, "--commune", LENS], "not allowed with argument"),
    (["keygen"], "one of the arguments --commune --epci is required"),
])
def test_keygen_usage_errors(capsys, tmp_path, argv, message):
    code, _, err = run(capsys, *argv, "--out", str(tmp_path / "k"))
    assert code == 2 and message in err
    assert not (tmp_path / "k").exists()


def test_decide_says_what_is_wrong_with_exit_codes(agglomeration, capsys, lens_proposals):
    workspace = ["--workspace", agglomeration["workspace"]]
    point = lens_proposals[0].uuid
    code, _, err = run(capsys, "received", "decide", point, "--decision", "retenue", *workspace)
    assert code == 2 and "Un motif est obligatoire pour la décision « Retenue »" in err
    code, _, err = run(capsys, "received", "decide", point, "--decision", "acceptee",
                       *workspace)
    assert code == 2 and "invalid choice: 'acceptee'" in err
    code, _, err = run(capsys, "received", "decide", "0b6f6f0e-3c1e-4a55-9a43-6f0c1d2e3f40",
                       "--decision", "a_l_etude", *workspace)
    assert code == 1 and "n'a été reçue d'aucune commune" in err
    code, out, _ = run(capsys, "received", "decide", point, "--decision", "retenue", "--motif",
                       "Inscrit au contrat de ville", "--by", "Claire Dubois", "--json",
                       *workspace)
    decision = json.loads(out)
    assert code == 0 and (decision["decision"], decision["version"], decision["decided_by"]) \
        == ("retenue", 1, "Claire Dubois")
    code, out, _ = run(capsys, "received", "summary", *workspace,
                       "--reference", agglomeration["reference"])
    assert code == 0 and out.splitlines() == ["Lens : 3 propositions — 2 reçues, 1 retenue"]


def test_respond_then_import_response_then_list(agglomeration, capsys, lens_proposals,
                                                commune_workspace, tmp_path):
    workspace = ["--workspace", agglomeration["workspace"]]
    point, area, perimeter = (item.uuid for item in lens_proposals)
    assert run(capsys, "received", "decide", point, "--decision", "retenue", "--motif",
               "Inscrit au contrat", *workspace)[0] == 0
    assert run(capsys, "received", "decide", perimeter, "--decision", "non_retenue",
               "--motif", "Hors critère de revenu", *workspace)[0] == 0
    response = tmp_path / "reponse_lens.qpvpkg"
    code, _, err = run(capsys, "--reference", agglomeration["reference"], "respond", "--commune",
                       LENS, "--out", str(response), "--key",
                       str(agglomeration["keys"] / f"{SIREN}.key"), *workspace)
    assert code == 0, err
    assert [item.name for item in tmp_path.iterdir() if item.name.startswith(".")] == []
    code, _, err = run(capsys, "respond", "--commune", LIEVIN, "--out",
                       str(tmp_path / "rien.qpvpkg"), "--key",
                       str(agglomeration["keys"] / f"{SIREN}.key"), *workspace)
    assert code == 1 and "rien à lui répondre" in err
    assert not (tmp_path / "rien.qpvpkg").exists()

    trust = tmp_path / "confiance-commune"
    trust.mkdir()
    (trust / f"{SIREN}.pub").write_bytes((agglomeration["keys"] / f"{SIREN}.pub").read_bytes())
    commune = ["--workspace", str(commune_workspace.path)]
    code, out, _ = run(capsys, "verify", str(response), "--trust", str(trust), "--json")
    document = json.loads(out)
    assert code == 0 and document["kind"] == "reponse" and document["trusted_owner"] == SIREN
    code, out, err = run(capsys, "import-response", str(response), "--trust", str(trust),
                         *commune)
    assert code == 0, err
    assert out.strip() == ("3 propositions — 1 reçue, 1 retenue, 1 non retenue. 3 décisions "
                           "nouvelles.")
    code, out, _ = run(capsys, "proposals", "list", "--json", *commune)
    listed = {item["uuid"]: item["decision"] for item in json.loads(out)}
    assert listed[point]["decision"] == "retenue" and \
        listed[point]["motif"] == "Inscrit au contrat"
    assert listed[perimeter]["decision_label"] == "Non retenue"
    assert listed[area]["decision"] == "recue" and listed[area]["decision_uuid"] is None
    # another commune's workspace refuses it, with the reason
    code, _, err = run(capsys, "import-response", str(response), "--trust", str(trust),
                       "--commune", LIEVIN, *commune)
    assert code == 1 and "destinée à" in err and "pas à votre commune" in err


def test_import_response_needs_to_know_the_commune(capsys, tmp_path):
    (tmp_path / "r.qpvpkg").write_bytes(b"PK")
    trust = tmp_path / "t"
    trust.mkdir()
    code, _, err = run(capsys, "import-response", str(tmp_path / "r.qpvpkg"), "--trust",
                       str(trust), "--workspace", str(tmp_path / "w.sqlite"))
    assert code == 2 and "which commune receives it" in err


def test_respond_into_a_missing_folder_writes_nothing(agglomeration, capsys, tmp_path):
    code, _, err = run(capsys, "--reference", agglomeration["reference"], "respond",
                       "--commune", LENS, "--out", str(tmp_path / "absent" / "r.qpvpkg"),
                       "--key", str(agglomeration["keys"] / f"{SIREN}.key"),
                       "--workspace", agglomeration["workspace"])
    assert code == 2 and "Dossier introuvable" in err
    assert not (tmp_path / "absent").exists()


def test_a_proposal_without_any_response_lists_no_decision(capsys, commune_workspace):
    code, out, _ = run(capsys, "proposals", "list", "--json", "--workspace",
                       str(Path(commune_workspace.path)))
    assert code == 0 and all(item["decision"] is None for item in json.loads(out))
