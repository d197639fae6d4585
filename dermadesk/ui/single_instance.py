"""One window per database: the first start holds the instance lock (system/instance_lock.py) and listens on a
local socket named after it; a second start finds the lock taken, asks the first to come forward, and exits."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from dermadesk.system.instance_lock import AlreadyLocked, InstanceLock

_COME_FORWARD = b"come-forward\n"
_WAIT_MS = 1000


class SingleInstance(QObject):
    activation_requested = Signal()

    def __init__(self, db_path: Path, lock_folder: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lock = InstanceLock(db_path, lock_folder)
        self.server: QLocalServer | None = None

    @property
    def name(self) -> str:
        return self.lock.name

    def claim(self) -> bool:
        """True: this process is the one. False: another holds the database (it was asked to come forward)."""
        try:
            self.lock.acquire()
        except AlreadyLocked:
            return False
        QLocalServer.removeServer(self.name)  # a socket file left by a crash; we hold the lock, so it is stale
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.listen(self.name)
        self.server.newConnection.connect(self._on_new_connection)
        return True

    def ask_first_to_come_forward(self) -> bool:
        """Whether the running instance got the message (False: it did not answer; tell the user instead)."""
        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(_WAIT_MS):
            return False
        socket.write(_COME_FORWARD)
        sent = socket.waitForBytesWritten(_WAIT_MS)
        socket.disconnectFromServer()
        return sent

    def release(self) -> None:
        if self.server is not None:
            self.server.close()  # the object stays with its parent: Qt deletes it, not Python's collector
        self.lock.release()

    def _on_new_connection(self) -> None:
        """The message is one short line written at once: read it here (waiting at most a second) and hang up,
        rather than keep sockets alive across the event loop."""
        assert self.server is not None
        while self.server.hasPendingConnections():
            connection = self.server.nextPendingConnection()
            if connection.bytesAvailable() or connection.waitForReadyRead(_WAIT_MS):
                message = bytes(connection.readAll().data())
            else:
                message = b""
            connection.disconnectFromServer()
            connection.deleteLater()
            if _COME_FORWARD.strip() in message:
                self.activation_requested.emit()
