"""Database paths on network shares and in cloud-synced folders are recognised (pure functions)."""

from __future__ import annotations

from pathlib import Path, PurePosixPath, PureWindowsPath

import pytest

from dermadesk.domain.errors import DermaDeskError, ErrorCode
from dermadesk.domain.messages import describe
from dermadesk.services.database import refuse_shared_location
from dermadesk.system.storage_location import (
    cloud_folder_from_path,
    filesystem_type,
    network_filesystem,
    network_share_from_path,
    parse_mounts,
    refusal_for,
)

MOUNTS = r"""/dev/sda2 / ext4 rw,relatime 0 0
proc /proc proc rw 0 0
tmpfs /tmp tmpfs rw 0 0
server:/export/clinic /mnt/clinic nfs4 rw,vers=4.2 0 0
//nas/share /media/nas cifs rw,vers=3.0 0 0
user@host:/data /home/ann/remote fuse.sshfs rw 0 0
/dev/sdb1 /home/ann/remote/local-inside ext4 rw 0 0
drive /mnt/wsl 9p rw 0 0
/dev/sdc1 /media/ann/My\040Disk vfat rw 0 0
"""


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("/home/ann/clinic.db", "ext4"),
        ("/tmp/x.db", "tmpfs"),
        ("/mnt/clinic/clinic.db", "nfs4"),
        ("/mnt/clinicx/clinic.db", "ext4"),  # a prefix of a mount point's name is not inside it
        ("/media/nas/a/b.db", "cifs"),
        ("/home/ann/remote/c.db", "fuse.sshfs"),
        ("/home/ann/remote/local-inside/c.db", "ext4"),  # the longest mount point wins
        ("/mnt/wsl/c.db", "9p"),
        ("/media/ann/My Disk/c.db", "vfat"),
    ],
)
def test_filesystem_type_from_the_mount_table(path: str, kind: str) -> None:
    assert filesystem_type(PurePosixPath(path), parse_mounts(MOUNTS)) == kind


@pytest.mark.parametrize("kind", ["nfs", "nfs4", "cifs", "smb3", "smbfs", "fuse.sshfs", "9p", "afpfs", "davfs"])
def test_network_file_systems_are_refused(kind: str) -> None:
    refusal = network_filesystem(kind)
    assert refusal is not None and kind in refusal.reason


@pytest.mark.parametrize("kind", ["ext4", "xfs", "btrfs", "apfs", "ntfs", "vfat", "tmpfs", "zfs", None])
def test_local_file_systems_pass(kind: str | None) -> None:
    assert network_filesystem(kind) is None


@pytest.mark.parametrize(
    "path",
    [r"\\server\share\clinic.db", r"\\?\UNC\server\share\clinic.db", "//server/share/clinic.db"],
)
def test_unc_paths_are_network_shares(path: str) -> None:
    assert network_share_from_path(PureWindowsPath(path)) is not None


@pytest.mark.parametrize("path", [r"C:\Users\ann\clinic.db", r"\\?\C:\long\clinic.db", r"D:\clinic.db"])
def test_local_windows_paths_are_not_shares(path: str) -> None:
    assert network_share_from_path(PureWindowsPath(path)) is None


@pytest.mark.parametrize(
    ("path", "service"),
    [
        (r"C:\Users\ann\OneDrive\Clinic\clinic.db", "OneDrive"),
        (r"C:\Users\ann\OneDrive - Harbour Skin\clinic.db", "OneDrive"),
        ("/Users/ann/Dropbox/clinic.db", "Dropbox"),
        ("/Users/ann/Dropbox (Team)/clinic.db", "Dropbox"),
        ("/Users/ann/Google Drive/My Drive/clinic.db", "Google Drive"),
        ("/Users/ann/Library/Mobile Documents/com~apple~CloudDocs/clinic.db", "iCloud"),
        ("/Users/ann/Library/CloudStorage/GoogleDrive-ann@example.com/clinic.db", "GoogleDrive"),
    ],
)
def test_cloud_synced_folders_are_recognised(path: str, service: str) -> None:
    pure = PureWindowsPath(path) if ":" in path[:3] else PurePosixPath(path)
    refusal = cloud_folder_from_path(pure)
    assert refusal is not None and service.lower() in refusal.reason.lower()


@pytest.mark.parametrize(
    "path", ["/home/ann/DermaDesk/clinic.db", r"C:\Users\ann\Documents\clinic.db", "/srv/drive/x.db"]
)
def test_ordinary_folders_are_not_cloud_folders(path: str) -> None:
    pure = PureWindowsPath(path) if ":" in path[:3] else PurePosixPath(path)
    assert cloud_folder_from_path(pure) is None


def test_a_local_temp_folder_is_accepted(tmp_path: Path) -> None:
    assert refusal_for(tmp_path / "clinic.db") is None


def test_opening_a_database_in_a_synced_folder_is_refused_before_anything_is_created(tmp_path: Path) -> None:
    from tests.conftest import make_workspace

    folder = tmp_path / "Dropbox"
    folder.mkdir()
    with pytest.raises(DermaDeskError) as caught:
        make_workspace().open(folder / "clinic.db", create=True)
    assert caught.value.code is ErrorCode.DB_ON_NETWORK_SHARE
    assert "PostgreSQL" in describe(caught.value) and "Dropbox" in describe(caught.value)
    assert list(folder.iterdir()) == []
    with pytest.raises(DermaDeskError):
        refuse_shared_location(folder / "other.db")
