"""`qpvdesk keygen | export | verify | import | received` as a script would use them."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from package_fixtures import (LENS, commune_key, lens_package, lens_proposals,  # noqa: F401
                              members_of, pdf_writer, trust, write_zip)
from qpvdesk.cli import main


@pytest.fixture
def sender_workspace(tmp_path, reference, lens_proposals) -> Path:
    """A commune's workspace holding the three proposals."""
    from qpvdesk.models.proposals import ProposalStore
    from qpvdesk.models.workspace import Workspace

    path = tmp_path / "commune.sqlite"
    workspace = Workspace(path)
    store = ProposalStore(workspace, reference)
    store.add_all(lens_proposals, "Copie")
    workspace.close()
    return path


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_keygen_export_verify_import_round_trip(tmp_path, capsys, reference_path,
                                                sender_workspace):
    keys = tmp_path / "cles"
    secret_file = tmp_path / "phrase.txt"
    secret_file.write_text("des mots de passe assez longs\n")
    code, out, _ = _run(capsys, "--reference", str(reference_path), "keygen", "--commune",
                        LENS, "--out", str(keys), "--passphrase-file", str(secret_file))
    assert code == 0 and "key id" in out
    assert (keys / f"{LENS}.key").exists() and (keys / f"{LENS}.pub").exists()

    package = tmp_path / "lens.qpvpkg"
    code, out, err = _run(capsys, "--reference", str(reference_path), "export",
                          "--workspace", str(sender_workspace), "--out", str(package),
                          "--key", str(keys / f"{LENS}.key"), "--passphrase-file",
                          str(secret_file), "--contact-name", "Jeanne Martin",
                          "--contact-email", "jeanne.martin@lens.fr")
    assert code == 0, err
    assert "3 proposal(s)" in out

    trust = tmp_path / "confiance"
    trust.mkdir()
    (trust / f"{LENS}.pub").write_bytes((keys / f"{LENS}.pub").read_bytes())
    code, out, _ = _run(capsys, "verify", str(package), "--trust", str(trust))
    assert code == 0 and "valid: Commune de Lens" in out
    code, out, _ = _run(capsys, "verify", str(package), "--trust", str(trust / f"{LENS}.pub"),
                        "--json")
    document = json.loads(out)
    assert code == 0 and document["valid"] and document["package"]["commune_insee"] == LENS
    assert len(document["proposals"]) == 3

    agglomeration = tmp_path / "agglo.sqlite"
    code, out, _ = _run(capsys, "import", str(package), "--trust", str(trust),
                        "--workspace", str(agglomeration))
    assert code == 0 and "3 propositions ajoutées" in out
    code, out, _ = _run(capsys, "import", str(package), "--trust", str(trust),
                        "--workspace", str(agglomeration))
    assert code == 0 and "déjà été importé" in out
    consolidated = tmp_path / "consolide.gpkg"
    code, out, _ = _run(capsys, "--workspace", str(agglomeration), "received", "export",
                        "--out", str(consolidated))
    assert code == 0 and consolidated.exists()


def test_verify_exit_codes_and_reasons(tmp_path, capsys, lens_package, trust):
    code, _, err = _run(capsys, "verify", str(tmp_path / "absent.qpvpkg"), "--trust",
                        str(trust.folder))
    assert code == 2 and "no such file" in err
    members = members_of(lens_package.path)
    members["data/propositions.csv"] += b"ajout"
    tampered = write_zip(tmp_path / "modifie.qpvpkg", members)
    code, _, err = _run(capsys, "verify", str(tampered), "--trust", str(trust.folder))
    assert code == 1 and "Somme de contrôle incorrecte" in err and err.count("\n") == 1
    code, out, _ = _run(capsys, "verify", str(tampered), "--trust", str(trust.folder),
                        "--json")
    document = json.loads(out)
    assert code == 1 and not document["valid"] and "Somme de contrôle" in document["reason"]
    code, _, err = _run(capsys, "verify", str(lens_package.path), "--trust",
                        str(tmp_path / "nulle-part"))
    assert code == 2


def test_refused_import_changes_nothing(tmp_path, capsys, lens_package, trust):
    agglomeration = tmp_path / "agglo.sqlite"
    members = members_of(lens_package.path)
    del members["data/synthese.pdf"]
    code, _, err = _run(capsys, "import", str(write_zip(tmp_path / "x.qpvpkg", members)),
                        "--trust", str(trust.folder), "--workspace", str(agglomeration))
    assert code == 1 and "manquant" in err
    assert not agglomeration.exists()


def test_usage_errors_exit_2(tmp_path, capsys):
    code, _, err = _run(capsys, "keygen", "--commune", "123", "--out", str(tmp_path))
    assert code == 2 and "INSEE" in err
    with pytest.raises(SystemExit) as exit_info:
        main(["verify", "x.qpvpkg"])   # --trust missing: argparse's usage error
    assert exit_info.value.code == 2
