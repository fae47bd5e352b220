"""Writing a finished document to disk: all or nothing, and a French sentence when not.

Writers render to bytes in memory; :func:`write_atomically` then writes them to a temporary
file beside the target, flushes it to disk and renames it over the target. A failure (no such
folder, no permission, read-only medium, full disk, a folder or a device named as the file)
leaves no partial file behind and the previous file, if any, untouched.
:func:`check_writable` says so before the (longer) rendering starts.
"""
from __future__ import annotations

import errno
import os
import stat
from contextlib import suppress
from pathlib import Path

WRITE_ERRORS = {
    errno.ENOENT: "le dossier n'existe pas",
    errno.ENOTDIR: "le chemin du dossier passe par un fichier",
    errno.EACCES: "le dossier n'est pas accessible en écriture",
    errno.EPERM: "le dossier n'est pas accessible en écriture",
    errno.EROFS: "le support est en lecture seule",
    errno.ENOSPC: "le disque est plein",
    errno.EDQUOT: "le disque est plein",
    errno.EISDIR: "ce nom est celui d'un dossier",
    errno.ENAMETOOLONG: "le nom du fichier est trop long",
}
WHAT_TO_DO = {
    errno.ENOSPC: "Libérez de la place ou choisissez un autre disque.",
    errno.EDQUOT: "Libérez de la place ou choisissez un autre disque.",
}
DEFAULT_ADVICE = "Choisissez un autre dossier ou un autre nom."


class ReportWriteError(OSError):
    """The file could not be written; ``str()`` is one French sentence for the user."""

    def __init__(self, message: str, code: int | None = None) -> None:
        super().__init__(code, message)
        self.message = message

    def __str__(self) -> str:
        return self.message


def _refusal(target: Path, what: str, reason: str, code: int | None) -> ReportWriteError:
    advice = WHAT_TO_DO.get(code, DEFAULT_ADVICE)
    return ReportWriteError(f"Impossible d'écrire {what} « {target} » : {reason}. {advice}",
                            code)


def _from_os_error(target: Path, what: str, exc: OSError) -> ReportWriteError:
    reason = WRITE_ERRORS.get(exc.errno, exc.strerror or str(exc))
    return _refusal(target, what, reason, exc.errno)


def _temporary(target: Path) -> Path:
    return target.with_name(f".{target.name}.{os.getpid()}.tmp")


def _check_target(target: Path, what: str) -> None:
    """Only a regular file may be replaced: never a folder, a device (/dev/null) or a pipe."""
    try:
        mode = os.stat(target).st_mode
    except FileNotFoundError:
        return
    except OSError as exc:
        raise _from_os_error(target, what, exc) from exc
    if stat.S_ISDIR(mode):
        raise _refusal(target, what, WRITE_ERRORS[errno.EISDIR], errno.EISDIR)
    if not stat.S_ISREG(mode):
        raise _refusal(target, what, "ce n'est pas un fichier ordinaire", None)


def check_writable(path: str | os.PathLike, what: str) -> None:
    """Raise ReportWriteError now if ``path`` cannot be written (``what``: « le portrait
    PDF »), before any time is spent rendering it."""
    target = Path(path)
    _check_target(target, what)
    temporary = _temporary(target)
    try:
        with open(temporary, "wb"):
            pass
    except OSError as exc:
        raise _from_os_error(target, what, exc) from exc
    finally:
        with suppress(OSError):
            temporary.unlink()


def write_atomically(path: str | os.PathLike, data: bytes, what: str) -> Path:
    """Write ``data`` to ``path`` entirely or not at all; ReportWriteError (French) if not."""
    target = Path(path)
    _check_target(target, what)
    temporary = _temporary(target)
    try:
        with open(temporary, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except OSError as exc:
        raise _from_os_error(target, what, exc) from exc
    finally:   # also when interrupted: no half-written file stays behind
        with suppress(OSError):   # FileNotFoundError once renamed onto the target
            temporary.unlink()
    return target
