"""Command-line details a user trips on: keygen without --out, global options after any
command, snapshot sizes and targets, the workspace backups from the command line."""
from __future__ import annotations

import pytest
from bad_input_fixtures import damage, run_cli

from qpvdesk.cli import main, parser
from qpvdesk.commands.snapshot import MAX_SIDE_PX
from qpvdesk.models.workspace import Workspace
from qpvdesk.models.workspace_backups import list_backups


def test_keygen_without_out_writes_to_the_users_key_folder(reference_path, isolated_home,
                                                           tmp_path, capsys):
    passphrase = tmp_path / "phrase.txt"
    passphrase.write_text("une phrase assez longue\n", encoding="utf-8")
    assert main(["--reference", str(reference_path), "keygen", "--commune", "62498",
                 "--passphrase-file", str(passphrase)]) == 0
    assert (isolated_home / "cles" / "62498.key").is_file()
    assert (isolated_home / "cles" / "62498.pub").is_file()
    assert reference_path.is_file()    # the reference path is no longer taken for --out


def test_build_data_out_still_defaults_to_the_reference():
    args = parser().parse_args(["build-data"])
    assert args.out is None   # _build_data then writes args.reference


def _subcommand_paths(command_parser, prefix=()):
    import argparse

    for action in command_parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield (*prefix, name), sub
                yield from _subcommand_paths(sub, (*prefix, name))


def test_every_command_accepts_the_global_options_after_it():
    main_parser = parser()
    commands = list(_subcommand_paths(main_parser))
    assert len(commands) > 15
    for path, sub in commands:
        assert "--workspace" in sub._option_string_actions, path
        assert "--reference" in sub._option_string_actions, path


def test_info_with_workspace_after_the_command(reference_path, tmp_path, capsys):
    workspace = tmp_path / "après.sqlite"
    assert main(["info", "--workspace", str(workspace), "--reference", str(reference_path),
                 "--json"]) == 0
    assert str(workspace.resolve()) in capsys.readouterr().out


@pytest.mark.parametrize("width", ["0", "-5", str(MAX_SIDE_PX + 1), "30000", "large"])
def test_snapshot_sizes_out_of_bounds_are_refused_in_one_line(reference_path, tmp_path, width):
    out = tmp_path / "carte.png"
    result = run_cli("--reference", str(reference_path), "snapshot", "--out", str(out),
                     "--width", width, env={"QPVDESK_HOME": str(tmp_path)})
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    assert "--width" in result.stderr and not out.exists()


def test_snapshot_into_a_folder_is_refused_and_leaves_nothing(reference_path, tmp_path,
                                                              capsys):
    assert main(["--reference", str(reference_path), "snapshot", "--out", str(tmp_path),
                 "--width", "50", "--height", "40"]) == 2
    assert "est un dossier" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_snapshot_reports_the_size_it_wrote(reference_path, tmp_path, capsys):
    out = tmp_path / "petite.png"
    assert main(["--reference", str(reference_path), "snapshot", "--out", str(out),
                 "--width", "1", "--height", "3"]) == 0
    from PySide6.QtGui import QImage

    assert (QImage(str(out)).width(), QImage(str(out)).height()) == (1, 3)
    assert "(1×3)" in capsys.readouterr().out


def test_workspace_commands_check_list_and_restore(reference_path, tmp_path, capsys):
    path = tmp_path / "workspace.sqlite"
    Workspace(path).close()
    workspace = Workspace(path)
    workspace.set_setting("commune", "62498")
    workspace.close()
    Workspace(path).close()               # changed: backed up
    base = ["--reference", str(reference_path), "--workspace", str(path), "workspace"]
    assert main(base + ["check"]) == 0
    assert "intact" in capsys.readouterr().out
    assert main(base + ["backups"]) == 0
    assert "2 sauvegarde(s)" in capsys.readouterr().out   # at the 2nd and 3rd opening

    damage(path, 4096, 8192)
    assert main(base + ["check"]) == 1
    assert "est endommagé" in capsys.readouterr().err
    assert main(base + ["restore"]) == 0
    assert "restaurée" in capsys.readouterr().out
    assert main(base + ["check"]) == 0
    restored = Workspace(path)
    assert restored.setting("commune") == "62498"
    restored.close()
    assert len(list(tmp_path.glob("workspace.endommage-*.sqlite"))) == 1
    assert len(list_backups(path)) >= 1
