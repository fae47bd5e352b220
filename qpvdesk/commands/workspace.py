"""`qpvdesk workspace check | backups | restore`: the workspace's integrity and its automatic
backups (taken when qpvdesk opens a workspace that changed, in « sauvegardes/ » next to it)."""
from __future__ import annotations

import argparse
from pathlib import Path

from ..models.frenchnum import format_french_number
from ..models.workspace import Workspace, WorkspaceDamaged
from ..models.workspace_backups import (backup_folder, is_sound, last_good_backup, list_backups,
                                        restore_backup)


def add_parser(commands) -> None:
    parser = commands.add_parser("workspace", help="check the workspace, list or restore its "
                                                   "automatic backups")
    actions = parser.add_subparsers(title="actions", dest="action", required=True)
    check = actions.add_parser("check", help="full integrity check: exit 0 sound, 1 damaged")
    check.set_defaults(handler=run_check)
    listing = actions.add_parser("backups", help="the backups, newest first")
    listing.set_defaults(handler=run_backups)
    restore = actions.add_parser(
        "restore", help="put the newest sound backup (or --backup FILE) in place of the "
                        "workspace; the replaced file is kept next to it (close qpvdesk first)")
    restore.add_argument("--backup", metavar="FILE", help="a backup file (default: the newest "
                                                          "sound one)")
    restore.set_defaults(handler=run_restore)


def run_check(args: argparse.Namespace) -> int:
    workspace = Workspace(args.workspace, backups=False)   # raises WorkspaceDamaged
    try:
        problems = workspace.conn.execute("PRAGMA integrity_check").fetchall()
    finally:
        workspace.close()
    if problems != [("ok",)]:
        raise WorkspaceDamaged(Path(args.workspace), " ".join(row[0] for row in problems),
                               last_good_backup(args.workspace))
    print(f"{args.workspace} : intact (vérification d'intégrité complète).")
    return 0


def run_backups(args: argparse.Namespace) -> int:
    backups = list_backups(args.workspace)
    for backup in backups:
        size = format_french_number(backup.path.stat().st_size / 1024, 0)
        state = "" if is_sound(backup.path) else "  ENDOMMAGÉE"
        print(f"{backup.label:<28} {size:>8} Ko  {backup.path}{state}")
    print(f"{len(backups)} sauvegarde(s) dans {backup_folder(args.workspace)}")
    return 0


def run_restore(args: argparse.Namespace) -> int:
    restored = restore_backup(args.workspace, args.backup)   # raises NoBackup, DatabaseDamaged
    print(f"{args.workspace} : sauvegarde {restored.backup} restaurée.")
    if restored.set_aside is not None:
        print(f"L'ancien fichier est gardé sous {restored.set_aside}.")
    return 0
