"""Is a database path on this computer's own disk? Network shares and cloud-synced folders are refused:
SQLite's write-ahead log needs shared memory that a network file system cannot give, and sync tools copy a
database file between its writes. Pure functions over the path and (on Linux) the mount table, plus one
small probe per platform."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path, PurePath, PurePosixPath, PureWindowsPath

NETWORK_FILESYSTEMS = frozenset(
    {
        "nfs",
        "nfs4",
        "cifs",
        "smb",
        "smb2",
        "smb3",
        "smbfs",
        "ncpfs",
        "afs",
        "9p",
        "v9fs",
        "ceph",
        "glusterfs",
        "lustre",
        "gpfs",
        "davfs",
        "webdav",
        "fuse.sshfs",
        "sshfs",
        "fuse.rclone",
        "fuse.s3fs",
        "fuse.gcsfuse",
        "fuse.davfs",
        "fuse.glusterfs",
        "fuse.cephfs",
        "fuse.onedriver",
        "fuse.gvfsd-fuse",  # GNOME's mounts of smb://, sftp://, dav:// shares
        "fuse.google-drive-ocamlfuse",
        "afpfs",
        "webdavfs",
    }
)

# A folder of one of these names anywhere in the path means a sync client watches it.
_CLOUD_FOLDERS = (
    ("onedrive", "OneDrive"),
    ("dropbox", "Dropbox"),
    ("google drive", "Google Drive"),
    ("googledrive", "Google Drive"),
    ("my drive", "Google Drive"),
    ("icloud drive", "iCloud Drive"),
    ("icloud~", "iCloud Drive"),
    ("mobile documents", "iCloud Drive"),
    ("box sync", "Box"),
    ("nextcloud", "Nextcloud"),
    ("owncloud", "ownCloud"),
    ("pcloud drive", "pCloud"),
)
_CLOUD_PREFIXES = ("onedrive - ", "dropbox (", "googledrive-", "box-")  # "OneDrive - Contoso", "Dropbox (Team)"
DRIVE_REMOTE = 4  # GetDriveTypeW's DRIVE_REMOTE


@dataclass(frozen=True)
class Refusal:
    reason: str  # words for the user, e.g. "on a network share (nfs4)"


def network_share_from_path(path: PurePath) -> Refusal | None:
    """A UNC path (\\\\server\\share\\..., //server/share) is on another computer."""
    text = str(path)
    if text.startswith(("\\\\", "//")) and not text.startswith(("\\\\?\\", "\\\\.\\")):
        return Refusal("on a network share (a \\\\server\\share path)")
    if text.startswith("\\\\?\\UNC\\"):
        return Refusal("on a network share (a \\\\server\\share path)")
    return None


def cloud_folder_from_path(path: PurePath) -> Refusal | None:
    for part in path.parts:
        lowered = part.lower()
        for name, service in _CLOUD_FOLDERS:
            if lowered == name:
                return Refusal(f"in a folder synced by {service}")
        for prefix in _CLOUD_PREFIXES:
            if lowered.startswith(prefix):
                return Refusal(f"in a folder synced by {part.split(' ')[0].split('-')[0]}")
        if "com~apple~clouddocs" in lowered:
            return Refusal("in a folder synced by iCloud Drive")
    return None


def parse_mounts(text: str) -> list[tuple[str, str]]:
    """(mount point, file-system type) per line of /proc/mounts; octal escapes (\\040 for a space) decoded."""
    mounts = []
    for line in text.splitlines():
        fields = line.split()
        if len(fields) >= 3:
            mounts.append((_unescape(fields[1]), fields[2]))
    return mounts


def filesystem_type(path: PurePosixPath, mounts: list[tuple[str, str]]) -> str | None:
    """The type of the file system holding `path`: the longest mount point that contains it."""
    best: tuple[int, str] | None = None
    for point, kind in mounts:
        inside = str(path) == point or str(path).startswith(point.rstrip("/") + "/")
        if inside and (best is None or len(point) >= best[0]):
            best = (len(point), kind)
    return best[1] if best else None


def network_filesystem(kind: str | None) -> Refusal | None:
    if kind is None:
        return None
    lowered = kind.lower()
    if lowered in NETWORK_FILESYSTEMS or lowered.startswith(("smb", "nfs", "cifs")):
        return Refusal(f"on a network file system ({kind})")
    return None


def refusal_for(path: Path) -> Refusal | None:
    """Why this database path must not be used, or None when it is on a local disk."""
    resolved = Path(os.path.abspath(path))
    if sys.platform == "win32":
        windows = PureWindowsPath(resolved)
        return network_share_from_path(windows) or cloud_folder_from_path(windows) or _windows_remote_drive(windows)
    found = network_share_from_path(PurePosixPath(str(path))) or cloud_folder_from_path(resolved)
    if found:
        return found
    real = Path(os.path.realpath(resolved.parent)) / resolved.name
    if sys.platform.startswith("linux"):
        try:
            mounts = parse_mounts(Path("/proc/mounts").read_text())
        except OSError:
            return None
        return network_filesystem(filesystem_type(PurePosixPath(real), mounts))
    if sys.platform == "darwin":
        return _mac_remote_volume(real)
    return None


def _unescape(field: str) -> str:
    return field.replace("\\040", " ").replace("\\011", "\t").replace("\\012", "\n").replace("\\134", "\\")


def _windows_remote_drive(path: PureWindowsPath) -> Refusal | None:  # pragma: no cover - Windows only
    import ctypes

    if not path.drive or not path.drive.endswith(":"):
        return None
    if ctypes.windll.kernel32.GetDriveTypeW(f"{path.drive}\\") == DRIVE_REMOTE:  # type: ignore[attr-defined]
        return Refusal(f"on a mapped network drive ({path.drive})")
    return None


def _mac_remote_volume(path: Path) -> Refusal | None:  # pragma: no cover - macOS only
    """statfs's f_fstypename, read through `os.statvfs` is not enough on macOS: ask /sbin/mount's table."""
    import subprocess

    try:
        out = subprocess.run(["/sbin/mount"], check=False, capture_output=True, text=True, timeout=5).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    mounts = []
    for line in out.splitlines():  # "//user@server/share on /Volumes/share (smbfs, nodev, ...)"
        if " on " in line and "(" in line:
            point = line.split(" on ", 1)[1].rsplit(" (", 1)[0]
            kind = line.rsplit("(", 1)[1].split(",")[0].strip(" )")
            mounts.append((point, kind))
    return network_filesystem(filesystem_type(PurePosixPath(path), mounts))
