"""The workstation's language: which one is chosen (QSettings, default the system's), the translators that
say it (ours and Qt's own for standard dialogs) and the locale that formats dates, numbers and money."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from dermadesk.system.resources import resource

LANGUAGE_KEY = "ui/language"
# Each language named in itself, so anyone can find their own in the list.
LANGUAGES: dict[str, str] = {"en": "English", "zh_CN": "简体中文"}
LOCALES: dict[str, QLocale] = {
    "en": QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom),
    "zh_CN": QLocale(QLocale.Language.Chinese, QLocale.Script.SimplifiedHanScript, QLocale.Country.China),
}
WORDS = ""  # the context lupdate gives module-level words (QT_TR_NOOP, _tr): domain names, catalogues

_installed: list[QTranslator] = []
_state = {"language": "en"}


def supported(code: str | None) -> str:
    """'zh', 'zh_CN', 'zh-Hans-CN' -> 'zh_CN'; anything else we have no translation for -> 'en'."""
    base = (code or "").replace("-", "_").split("_")[0].lower()
    return "zh_CN" if base == "zh" else "en"


def system_language() -> str:
    return supported(QLocale.system().name())


def chosen_language() -> str:
    """This workstation's choice, or the operating system's language until someone picks one."""
    stored = QSettings().value(LANGUAGE_KEY)
    return supported(str(stored)) if stored else system_language()


def current_language() -> str:
    """The language the UI speaks now (documents for the workstation, such as the monthly report, follow it)."""
    return _state["language"]


def _locale_for(code: str) -> QLocale:
    """The system's own locale when it speaks the language (an American keeps US dates), else the
    language's usual one; the bare POSIX "C" locale has no formats worth showing."""
    system = QLocale.system()
    if system.name() != "C" and supported(system.name()) == code:
        return system
    return LOCALES[code]


def translations_file(code: str) -> str:
    return str(resource("i18n", f"dermadesk_{code}.qm"))


def apply_language(code: str) -> str:
    """Swap the translators and the default locale; widgets built from now on speak the new language."""
    app = QCoreApplication.instance()
    code = supported(code)
    for translator in _installed:
        if app is not None:
            app.removeTranslator(translator)
    _installed.clear()
    if code != "en" and app is not None:
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        for name, folder in ((f"qtbase_{code}", qt_dir), (f"dermadesk_{code}", str(resource("i18n")))):
            translator = QTranslator(app)
            if translator.load(name, folder):
                app.installTranslator(translator)
                _installed.append(translator)
    QLocale.setDefault(_locale_for(code))
    _state["language"] = code
    return code


def choose_language(code: str) -> str:
    """Remember the choice for this workstation and apply it."""
    QSettings().setValue(LANGUAGE_KEY, supported(code))
    return apply_language(code)


def word(text: str) -> str:
    """A word of a catalogue or of the domain (listed with QT_TR_NOOP) in the UI's language."""
    return QCoreApplication.translate(WORDS, text)


def list_separator() -> str:
    """', ' between the items of a list in a sentence ('、' in Chinese)."""
    return _tr(", ")


def _tr(text: str) -> str:
    return QCoreApplication.translate(WORDS, text)
