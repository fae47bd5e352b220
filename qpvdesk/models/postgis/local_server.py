"""A throwaway PostgreSQL + PostGIS server for the tests and ``qpvdesk bench postgis``.

Debian's ``initdb`` and ``pg_ctl`` make a cluster in a temporary folder and start it on a free
port of 127.0.0.1, its socket in the same folder. PostgreSQL refuses to run as root: when run
as root, the folder is given to the unprivileged ``postgres`` user and the commands run as it
(``runuser``). The superuser of the cluster is ``postgres``, trusted from 127.0.0.1; roles
named in ``password_roles`` must give their password (SCRAM), to test credentials.
"""
from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

SUPERUSER = "postgres"
UNPRIVILEGED_USER = "postgres"   # Debian's postgresql package creates it
DEBIAN_PACKAGES = ("postgresql", "postgresql-15-postgis-3")
START_TIMEOUT_S = 30


class ServerUnavailable(RuntimeError):
    """The PostgreSQL programs or the PostGIS extension are not installed here."""


def binaries_folder() -> Path:
    """The newest Debian PostgreSQL with initdb, pg_ctl and the PostGIS extension."""
    candidates = sorted(Path("/usr/lib/postgresql").glob("*/bin"),
                        key=lambda path: int(path.parent.name) if path.parent.name.isdigit()
                        else 0, reverse=True)
    for folder in candidates:
        version = folder.parent.name
        if (folder / "initdb").is_file() and (folder / "pg_ctl").is_file() and \
                Path(f"/usr/share/postgresql/{version}/extension/postgis.control").is_file():
            return folder
    raise ServerUnavailable("PostgreSQL with PostGIS is not installed (Debian packages: "
                            + " ".join(DEBIAN_PACKAGES) + ")")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class LocalServer:
    """``with LocalServer() as server:`` a running cluster; ``server.dsn()`` to connect."""

    def __init__(self, password_roles: tuple[str, ...] = ()) -> None:
        self.bin = binaries_folder()
        self.password_roles = password_roles
        self.port = 0
        self.folder: Path | None = None
        self._as_root = os.geteuid() == 0

    # -- life ----------------------------------------------------------------------------------
    def start(self) -> LocalServer:
        # Not under pytest's tmp_path: its parent is private to root, the server user must
        # reach its folder.
        self.folder = Path(tempfile.mkdtemp(prefix="qpvdesk-pg-"))
        self.folder.chmod(0o700)
        if self._as_root:
            account = pwd.getpwnam(UNPRIVILEGED_USER)
            os.chown(self.folder, account.pw_uid, account.pw_gid)
        self._run("initdb", "-D", str(self.data), "-U", SUPERUSER, "--auth=trust",
                  "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync")
        self._write_hba()
        for attempt in range(3):   # a free port may be taken between the probe and the start
            self.port = free_port()
            options = (f"-k {self.folder} -c listen_addresses=127.0.0.1 -p {self.port} "
                       "-c max_connections=40 -c shared_buffers=64MB")
            result = self._run("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-w",
                               "-t", str(START_TIMEOUT_S), "-o", options, "start", check=False)
            if result.returncode == 0:
                return self
        raise RuntimeError(f"PostgreSQL did not start: {self.log_tail()}")

    def stop(self) -> None:
        if self.folder is None:
            return
        if (self.data / "postmaster.pid").exists():
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop",
                      check=False)
        shutil.rmtree(self.folder, ignore_errors=True)
        self.folder = None

    def __enter__(self) -> LocalServer:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    # -- use -----------------------------------------------------------------------------------
    @property
    def data(self) -> Path:
        return self.folder / "data"

    @property
    def log(self) -> Path:
        return self.folder / "server.log"

    def dsn(self, dbname: str = "postgres", user: str = SUPERUSER) -> str:
        return f"host=127.0.0.1 port={self.port} dbname={dbname} user={user}"

    def log_tail(self, lines: int = 20) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no server log)"

    # -- internals -----------------------------------------------------------------------------
    def _write_hba(self) -> None:
        lines = ["local all all trust"]
        lines += [f"host all {role} 127.0.0.1/32 scram-sha-256" for role in self.password_roles]
        lines += ["host all all 127.0.0.1/32 trust"]
        hba = self.data / "pg_hba.conf"
        hba.write_text("\n".join(lines) + "\n")
        if self._as_root:
            account = pwd.getpwnam(UNPRIVILEGED_USER)
            os.chown(hba, account.pw_uid, account.pw_gid)

    def _run(self, program: str, *arguments: str, check: bool = True):
        command = [str(self.bin / program), *arguments]
        if self._as_root:
            command = ["runuser", "-u", UNPRIVILEGED_USER, "--", *command]
        result = subprocess.run(command, capture_output=True, text=True, cwd=self.folder,
                                timeout=START_TIMEOUT_S * 2)
        if check and result.returncode != 0:
            raise RuntimeError(f"{program} failed: {result.stderr.strip() or result.stdout}")
        return result
