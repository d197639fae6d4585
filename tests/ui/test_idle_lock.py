"""The idle lock: the watcher fires after the idle minutes (fake clock) and not before, activity restarts the count,
and the lock screen holds no patient data and opens only to a right password."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from dermadesk.ui.idle_watcher import IdleWatcher
from dermadesk.ui.widgets.lock_screen import LockScreen


class FakeClock:
    def __init__(self) -> None:
        self.seconds = 1000.0

    def __call__(self) -> float:
        return self.seconds

    def advance(self, minutes: float) -> None:
        self.seconds += minutes * 60


def make_watcher(qtbot, minutes: float = 10) -> tuple[IdleWatcher, FakeClock, list[bool]]:  # type: ignore[no-untyped-def]
    clock = FakeClock()
    watcher = IdleWatcher(minutes, clock=clock)
    fired: list[bool] = []
    watcher.idle.connect(lambda: fired.append(True))
    return watcher, clock, fired


def test_idle_fires_once_after_the_idle_minutes_and_not_before(qtbot) -> None:  # type: ignore[no-untyped-def]
    watcher, clock, fired = make_watcher(qtbot)
    clock.advance(9.9)
    watcher.check()
    assert not fired
    clock.advance(0.2)
    watcher.check()
    assert fired == [True]
    clock.advance(30)
    watcher.check()
    assert fired == [True], "idle is reported once, not on every check"
    watcher.stop()


def test_a_key_press_or_a_click_starts_the_count_again(qtbot) -> None:  # type: ignore[no-untyped-def]
    watcher, clock, fired = make_watcher(qtbot)
    field = QLineEdit()
    qtbot.addWidget(field)
    field.show()
    clock.advance(9)
    qtbot.keyClick(field, Qt.Key.Key_A)
    clock.advance(9)
    watcher.check()
    assert not fired, "typing counts as activity"
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton)
    clock.advance(9)
    watcher.check()
    assert not fired, "a click counts as activity"
    clock.advance(1.5)
    watcher.check()
    assert fired == [True]
    watcher.stop()


def test_a_stopped_watcher_no_longer_watches(qtbot) -> None:  # type: ignore[no-untyped-def]
    watcher, clock, fired = make_watcher(qtbot, minutes=1)
    watcher.stop()
    field = QLineEdit()
    qtbot.addWidget(field)
    clock.advance(2)
    qtbot.keyClick(field, Qt.Key.Key_A)  # not seen: the count is not restarted
    watcher.check()
    assert fired == [True]


def visible_texts(widget: QWidget) -> list[str]:
    return [w.text() for w in widget.findChildren(QLabel)] + [w.text() for w in widget.findChildren(QLineEdit)]


def test_the_lock_screen_names_the_user_and_holds_no_patient_data(qtbot, make_ctx) -> None:  # type: ignore[no-untyped-def]
    ctx = make_ctx("owner")
    names = [s.display_name for s in ctx.services.directory.summaries(ctx.services.patients.search("a", limit=50))]
    screen = LockScreen(ctx.services, ctx.runner, "Grace Whitfield")
    qtbot.addWidget(screen)
    screen.show()
    assert screen.heading.text() == "Locked — Grace Whitfield"
    assert screen.username.text() == "grace", "the locked user's user name is filled in"
    texts = " ".join(visible_texts(screen))
    assert names and not [name for name in names if name in texts]


def test_the_lock_screen_refuses_a_wrong_password_and_opens_to_the_right_one(qtbot, make_ctx) -> None:  # type: ignore[no-untyped-def]
    ctx = make_ctx("owner")
    screen = LockScreen(ctx.services, ctx.runner, "Grace Whitfield")
    qtbot.addWidget(screen)
    screen.show()
    unlocked: list[bool] = []
    screen.unlocked.connect(lambda: unlocked.append(True))
    qtbot.keyClicks(screen.password, "not it")
    qtbot.keyClick(screen.password, Qt.Key.Key_Return)
    qtbot.waitUntil(screen.message.isVisible, timeout=10_000)
    assert "do not match" in screen.message.text()
    assert screen.password.text() == "" and not unlocked
    qtbot.keyClicks(screen.password, "demo-clinic")
    with qtbot.waitSignal(screen.unlocked, timeout=10_000):
        qtbot.keyClick(screen.password, Qt.Key.Key_Return)


def test_another_staff_member_may_unlock_with_their_own_account(qtbot, make_ctx) -> None:  # type: ignore[no-untyped-def]
    ctx = make_ctx("owner")
    screen = LockScreen(ctx.services, ctx.runner, "Grace Whitfield")
    qtbot.addWidget(screen)
    screen.show()
    screen.username.clear()
    qtbot.keyClicks(screen.username, "lily")
    qtbot.keyClicks(screen.password, "demo-clinic")
    with qtbot.waitSignal(screen.unlocked, timeout=10_000):
        qtbot.mouseClick(screen.unlock_button, Qt.MouseButton.LeftButton)
    assert ctx.services.context.actor.username == "lily"


def test_sign_out_from_the_lock_screen(qtbot, make_ctx) -> None:  # type: ignore[no-untyped-def]
    ctx = make_ctx("receptionist")
    screen = LockScreen(ctx.services, ctx.runner, "Lily Chen")
    qtbot.addWidget(screen)
    with qtbot.waitSignal(screen.sign_out_requested, timeout=2_000):
        qtbot.mouseClick(screen.sign_out_button, Qt.MouseButton.LeftButton)
