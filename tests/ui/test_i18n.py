"""The app in English and Simplified Chinese: live switching, the translations complete and compiled, domain
words (alert reasons, error messages, segments) said in the chosen language."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QModelIndex, QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication

from dermadesk.domain.errors import DermaDeskError, ErrorCode, FieldProblem
from dermadesk.ui import i18n
from dermadesk.ui.main_window import MainWindow
from dermadesk.ui.messages import error_text
from dermadesk.ui.models.alert_table_model import COL_REASON, COL_RULE
from dermadesk.ui.models.patient_table_model import segment_text, stage_text

ROOT = Path(__file__).resolve().parents[2]


def has_han(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


@pytest.fixture
def english_after(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """Every test starts and ends in English, whatever it switched to."""
    i18n.apply_language("en")
    yield
    i18n.apply_language("en")
    QSettings().remove(i18n.LANGUAGE_KEY)


def _window(qtbot, ctx) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow()
    qtbot.addWidget(window)
    window.show_pages(ctx)
    window.show()
    return window


def _texts(window: MainWindow) -> tuple[dict[str, str], list[str]]:
    actions = {a.objectName(): a.text() for a in window.actions() if a.objectName()}
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    return actions, titles


def test_switching_the_language_changes_the_main_windows_actions_and_page_titles(
    qtbot, make_ctx, english_after
) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, make_ctx("owner"))
    window.show_page(2)  # the alerts inbox stays in front across the switch
    actions, titles = _texts(window)
    assert actions["find_patient"] == "&Find patient" and titles[:3] == ["Patients", "Today", "Alerts"]

    assert window.set_language("zh_CN")
    zh_actions, zh_titles = _texts(window)
    assert zh_actions["find_patient"] == "查找患者(&F)"
    assert zh_titles[:3] == ["患者", "今天", "提醒"]
    assert all(has_han(zh_actions[name]) for name in actions)  # every action, page shortcuts included
    assert all(has_han(title) for title in zh_titles)
    assert [m.text() for m in window.menuBar().actions()] == ["文件(&F)", "患者(&P)", "转到(&G)"]
    assert window.nav.currentRow() == 2 and window.pages[2].title() == "提醒"
    assert QSettings().value(i18n.LANGUAGE_KEY) == "zh_CN"  # remembered for this workstation
    assert QLocale().language() == QLocale.Language.Chinese  # dates and numbers follow

    assert window.set_language("en")
    assert _texts(window) == (actions, titles)


def test_the_settings_page_switches_the_language_of_this_workstation(qtbot, make_ctx, english_after) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, make_ctx("owner"))
    window.show_page(4)
    settings = window.pages[4]
    box = settings.language_box  # type: ignore[attr-defined]
    box.setCurrentIndex(box.findData("zh_CN"))
    box.activated.emit(box.currentIndex())
    qtbot.waitUntil(lambda: window.nav.item(0).text() == "患者", timeout=5_000)
    assert window.pages[4].title() == "设置" and window.nav.currentRow() == 4
    # a receptionist, who has no Settings page, switches in the File menu
    reception = _window(qtbot, make_ctx("receptionist"))
    english = next(a for a in reception.findChildren(QAction) if a.objectName() == "language_en")
    english.trigger()
    assert reception.nav.item(0).text() == "Patients" and i18n.current_language() == "en"


def test_alert_reasons_and_rule_names_are_said_in_chinese(qtbot, make_ctx, english_after) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, make_ctx("owner"))
    window.set_language("zh_CN")
    window.show_page(2)
    page = window.pages[2]
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=10_000)  # type: ignore[attr-defined]
    model = page.model  # type: ignore[attr-defined]
    reasons = [model.index(r, COL_REASON).data() for r in range(model.rowCount())]
    rules = {model.index(r, COL_RULE).data() for r in range(model.rowCount())}
    assert all(has_han(reason) for reason in reasons), reasons[:5]
    assert rules <= {"复诊逾期", "到院节奏中断", "趋于沉默", "患者不满意", "价值下降", "可能已流失"}
    # 'last visit 143 days ago; usually every 41 days' keeps its figures
    rhythm = [r for r in reasons if r.startswith("上次到院在")]
    assert rhythm and all(any(ch.isdigit() for ch in r) for r in rhythm)
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount(QModelIndex()))]
    assert all(has_han(h) for h in headers), headers


def test_domain_words_and_errors_follow_the_glossary_in_chinese(qapp, english_after) -> None:  # type: ignore[no-untyped-def]
    error = DermaDeskError(ErrorCode.INVALID_FIELD, problems=(FieldProblem("family_name", "required"),))
    assert error_text(error) == "Please correct: family name is required"
    i18n.apply_language("zh_CN")
    assert error_text(error) == "请更正：姓 为必填项"
    assert segment_text("important_value") == "重要价值客户"
    assert segment_text("general_retain") == "一般挽留客户"
    assert [stage_text(s) for s in ("prospect", "new", "active", "silent", "dormant", "lost")] == [
        "潜在",
        "新客",
        "活跃",
        "沉默",
        "沉睡",
        "流失",
    ]
    assert [i18n.word(w) for w in ("Prospect customer", "Trial customer", "Repeat customer", "Super customer")] == [
        "潜在客户",
        "体验客户",
        "复购客户",
        "超级客户",
    ]


def test_qts_own_dialog_buttons_are_translated_too(qapp, english_after) -> None:  # type: ignore[no-untyped-def]
    i18n.apply_language("zh_CN")
    assert QApplication.translate("QPlatformTheme", "Cancel") == "取消"


def test_every_message_is_translated_and_the_qm_files_are_compiled_from_the_ts() -> None:
    """Runs the regeneration in check mode: lupdate over the sources must give the committed .ts, lrelease
    the committed .qm, and no message may be unfinished. On failure the output lists each missing one."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "i18n.py"), "--check"], capture_output=True, text=True, cwd=ROOT
    )
    assert result.returncode == 0, "\n" + result.stdout + result.stderr


def test_the_monthly_report_prints_in_the_workstations_language(qtbot, make_ctx, english_after, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from dermadesk.documents.monthly_report_labels import LABELS
    from dermadesk.ui.dialogs.document_dialog import DocumentDialog
    from tests.documents.pdf_reading import pdf_text

    window = _window(qtbot, make_ctx("owner"))
    window.set_language("zh_CN")
    window.show_page(3)
    tiers = window.pages[3]
    qtbot.waitUntil(lambda: tiers.dashboard is not None, timeout=10_000)  # type: ignore[attr-defined]
    tiers._on_report_button_clicked()  # type: ignore[attr-defined]
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, DocumentDialog) and w.isVisible())
    qtbot.addWidget(dialog)
    assert dialog.language_box.currentData() == "zh_CN"
    assert [dialog.language_box.itemData(i) for i in range(dialog.language_box.count())] == ["en", "zh_CN"]
    qtbot.waitUntil(dialog.preview_button.isEnabled, timeout=20_000)
    (tmp_path / "report.pdf").write_bytes(dialog.pdf())
    text = pdf_text(tmp_path / "report.pdf")
    assert LABELS["zh_CN"]["title"] in text and LABELS["en"]["title"] not in text


def test_default_treatment_names_are_the_same_on_screen_and_on_paper(qapp, english_after) -> None:  # type: ignore[no-untyped-def]
    from dermadesk.documents.default_names import DEFAULT_NAMES
    from dermadesk.domain.catalogue import DEFAULT_TREATMENTS
    from dermadesk.domain.readings import DEFAULT_METRICS
    from dermadesk.domain.tiers import DEFAULT_TIERS

    i18n.apply_language("zh_CN")
    for name in (
        [t.name for t in DEFAULT_TREATMENTS] + [t.name for t in DEFAULT_TIERS] + [m.name for m in DEFAULT_METRICS]
    ):
        assert i18n.word(name) == DEFAULT_NAMES["zh_CN"][name], name


def test_the_translations_follow_the_glossary() -> None:
    """Every glossary table row whose English is a catalogue word in the .ts has the glossary's Chinese."""
    import xml.etree.ElementTree as ET

    words = {
        m.findtext("source"): m.findtext("translation")
        for c in ET.parse(ROOT / "resources" / "i18n" / "dermadesk_zh_CN.ts").getroot().iter("context")
        if not c.findtext("name")
        for m in c.iter("message")
    }
    checked, wrong = 0, []
    header: list[str] = []
    for line in (ROOT / "resources" / "i18n" / "glossary.md").read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")] if line.startswith("|") else []
        if not cells or set(cells[0]) <= {"-"}:
            header = [] if not cells else header
            continue
        if not header:
            header = cells
            continue
        english = cells[header.index("English")] if "English" in header else cells[0]
        chinese = cells[header.index("中文")]
        if english in words:
            checked += 1
            if words[english] != chinese:
                wrong.append(f"{english}: glossary {chinese}, .ts {words[english]}")
    assert checked >= 30 and not wrong, wrong


def test_the_open_patient_stays_open_across_a_switch(qtbot, make_ctx, english_after) -> None:  # type: ignore[no-untyped-def]
    ctx = make_ctx("practitioner")
    window = _window(qtbot, ctx)
    ctx.signals.patient_open_requested.emit(7)
    assert window.stack.currentWidget() is window.profile
    window.set_language("zh_CN")
    assert window.stack.currentWidget() is window.profile and window.profile.patient_id == 7  # type: ignore[union-attr]
    assert window.profile.tabs.tabText(0) == "时间线(&T)"  # type: ignore[union-attr]
    ctx.signals.patient_open_requested.emit(8)  # the signal still reaches the rebuilt window, once
    assert window.profile.patient_id == 8  # type: ignore[union-attr]


def test_the_ui_registers_its_own_cjk_font(qapp) -> None:  # type: ignore[no-untyped-def]
    """Chinese shows on a bare machine: the bundled WenQuanYi Micro Hei is registered and in the app's fallbacks."""
    from PySide6.QtGui import QFontDatabase

    from dermadesk.ui.application import create_application

    app = create_application()
    chinese = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    assert "WenQuanYi Micro Hei" in chinese
    assert "WenQuanYi Micro Hei" in app.font().families()
    assert QFontDatabase.WritingSystem.SimplifiedChinese in QFontDatabase.writingSystems("WenQuanYi Micro Hei")


@pytest.mark.parametrize(
    ("system", "language"),
    [("zh_CN", "zh_CN"), ("zh-Hans-CN", "zh_CN"), ("zh_TW", "zh_CN"), ("en_GB", "en"), ("fr_FR", "en"), ("C", "en")],
)
def test_until_someone_chooses_the_systems_language_decides(system: str, language: str) -> None:
    assert i18n.supported(system) == language


def test_a_workstations_choice_outlives_the_run(qapp, english_after) -> None:  # type: ignore[no-untyped-def]
    i18n.choose_language("zh_CN")
    assert i18n.chosen_language() == "zh_CN"  # what the next start applies
    QSettings().remove(i18n.LANGUAGE_KEY)
    assert i18n.chosen_language() == i18n.system_language()
