"""Replacing a folder in one step: build its next state beside it, then swap.

:func:`staging` copies the folder into a hidden temporary sibling, hard-linking its files
(so the copy is cheap and never written through: :func:`write_new` always makes a new file);
:func:`swap` exchanges the two folders in one system call where Linux allows it
(``renameat2(RENAME_EXCHANGE)``), else with two renames undone if the second fails;
:func:`locked` makes two writers take turns. A failure anywhere before the swap leaves the
folder untouched; leftovers of a killed process are cleared by the next one.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def parents_made(path: Path) -> Iterator[None]:
    """Create the missing folders above ``path``; remove them again if the block fails."""
    missing = []
    for parent in path.absolute().parents:
        if parent.exists():
            break
        missing.append(parent)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        yield
    except BaseException:
        for folder in missing:  # deepest first
            with contextlib.suppress(OSError):
                folder.rmdir()
        raise


def default_mode(folder: Path) -> None:
    """Give a folder made by :func:`tempfile.mkdtemp` (private) the usual permissions."""
    umask = os.umask(0)
    os.umask(umask)
    folder.chmod(0o777 & ~umask)


def write_new(path: Path, data: bytes) -> None:
    """Write ``data`` as a new file (never through a hard link to the live folder)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)
    with path.open("xb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def _link_or_copy(source: str, target: str) -> None:
    try:
        os.link(source, target, follow_symlinks=False)
    except OSError:
        shutil.copy2(source, target, follow_symlinks=False)


@contextlib.contextmanager
def staging(folder: Path) -> Iterator[Path]:
    """A temporary copy of ``folder`` beside it (files hard-linked), removed on the way out."""
    parent = folder.parent
    parent.mkdir(parents=True, exist_ok=True)
    stage = Path(tempfile.mkdtemp(prefix=f".{folder.name}.next-", dir=parent))
    try:
        if folder.is_dir():
            shutil.copytree(
                folder, stage, symlinks=True, copy_function=_link_or_copy, dirs_exist_ok=True
            )
            shutil.copystat(folder, stage)
        else:  # mkdtemp made it private; a new folder gets the usual permissions
            default_mode(stage)
        yield stage
    finally:
        shutil.rmtree(stage, ignore_errors=True)


def swap(stage: Path, folder: Path) -> None:
    """Put ``stage`` where ``folder`` is, in one step where the system allows it.

    Afterwards ``stage`` holds the old folder (or nothing), to be removed by the caller.
    """
    if not folder.exists():
        os.replace(stage, folder)
    elif not _exchange(stage, folder):
        old = Path(tempfile.mkdtemp(prefix=f".{folder.name}.old-", dir=folder.parent))
        os.replace(folder, old)  # replaces the empty folder just made
        try:
            os.replace(stage, folder)
        except BaseException:
            os.replace(old, folder)
            raise
        os.replace(old, stage)
    with contextlib.suppress(OSError):
        descriptor = os.open(folder.parent, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step (Linux ``renameat2(RENAME_EXCHANGE)``); False if unsupported."""
    try:
        function = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    return function(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0


@contextlib.contextmanager
def locked(folder: Path) -> Iterator[None]:
    """Hold an exclusive lock on the parent of ``folder``, so two writers take turns.

    Also clears what a writer killed mid-way left beside the folder.
    """
    parent = folder.parent if folder.parent.exists() else None
    try:
        import fcntl
    except ImportError:  # not POSIX: no lock
        fcntl = None
    descriptor = os.open(parent, os.O_RDONLY) if parent is not None and fcntl else None
    try:
        if descriptor is not None:
            fcntl.flock(descriptor, fcntl.LOCK_EX)
            _clear_leftovers(folder)
        yield
    finally:
        if descriptor is not None:
            os.close(descriptor)


def _clear_leftovers(folder: Path) -> None:
    for old in folder.parent.glob(f".{folder.name}.old-*"):
        if not folder.exists() and old.is_dir():
            os.replace(old, folder)  # killed between the two renames of a swap
        else:
            shutil.rmtree(old, ignore_errors=True)
    for stale in folder.parent.glob(f".{folder.name}.next-*"):
        shutil.rmtree(stale, ignore_errors=True)
