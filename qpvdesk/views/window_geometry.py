"""Windows that fit the screen they open on, and close with Escape or Ctrl+W.

Town-hall laptops have 1366×768 or 1024×768 screens: a window taller or wider than the
screen's available area (the screen less the task bar) loses its title bar, its buttons or its
status bar. `fit_rect` is the rule, a pure function; `fit_window` applies it to a top-level
widget; `fit_secondary_windows` applies it to every window the application shows besides the
main one (tables, charts, portrait, help, fiche, dialogs and message boxes), whoever opens
them, fits it again if the window manager frames or places it across the screen's edge once
it is shown, and gives each Escape and Ctrl+W to close it.
"""
from __future__ import annotations

from functools import partial

from PySide6.QtCore import (QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, QRect, Qt,
                            QTimer)
from PySide6.QtGui import QAction, QFontMetrics, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (QApplication, QDialog, QGridLayout, QMainWindow, QMessageBox,
                               QSizePolicy, QSpacerItem, QWidget)

Rect = tuple[int, int, int, int]        # x, y, width, height
Margins = tuple[int, int, int, int]     # left, top, right, bottom

# What a window manager adds around a window (title bar, borders) until a shown window tells
# the real figures: Windows 10 at 100 % has a 31 px title bar and 7-8 px resize borders.
ESTIMATED_FRAME: Margins = (8, 32, 8, 8)
CLOSE_KEYS = ("Ctrl+W", "Esc")
CLOSE_TEXT = QT_TRANSLATE_NOOP("SecondaryWindows", "Fermer la fenêtre")
# A message box's title is drawn by the window manager, in its own font, beside its buttons:
# Qt sizes the box for the title in its own font (+ 50 px), which clips it under most themes.
TITLE_BUTTONS_PX = 110
TITLE_FONT_SCALE = 1.1
# A window manager frames and places a window after it is shown, asynchronously (openbox
# under load: at times with the frame where the client was asked for, its bottom off the
# screen). For this long after a show (too soon for the user to have dragged it), a move or
# resize that leaves the window's frame across the screen's edge is undone by fitting it again
# with the frame the window manager drew, at most this many times (a window manager that
# insists wins).
PLACEMENT_SETTLE_MS = 1500
PLACEMENT_CORRECTIONS = 3
PLACING = "qpvdesk_placing"        # corrections left while the window manager places it

_seen_frame: Margins | None = None


def fit_rect(rect: Rect, area: Rect, frame: Margins = (0, 0, 0, 0)) -> Rect:
    """The client rectangle `rect`, shrunk and then moved as little as needed for the window
    with its frame to lie inside `area` (all in screen pixels)."""
    x, y, width, height = rect
    area_x, area_y, area_width, area_height = area
    left, top, right, bottom = frame
    width = max(1, min(width, area_width - left - right))
    height = max(1, min(height, area_height - top - bottom))
    x = min(max(x, area_x + left), area_x + area_width - right - width)
    y = min(max(y, area_y + top), area_y + area_height - bottom - height)
    return x, y, width, height


def centred_rect(size: tuple[int, int], over: Rect) -> Rect:
    """A rectangle of `size` centred over the rectangle `over`."""
    width, height = size
    x, y, over_width, over_height = over
    return x + (over_width - width) // 2, y + (over_height - height) // 2, width, height


def as_tuple(rect: QRect) -> Rect:
    return rect.x(), rect.y(), rect.width(), rect.height()


def frame_margins(window: QWidget) -> Margins:
    """The margins the window manager draws around `window`: its own once it has been shown
    with a frame, else those of the last framed window seen, else an estimate."""
    global _seen_frame
    frame, inner = QWidget.frameGeometry(window), QWidget.geometry(window)
    margins = (inner.left() - frame.left(), inner.top() - frame.top(),
               frame.right() - inner.right(), frame.bottom() - inner.bottom())
    if any(margins):
        _seen_frame = margins
        return margins
    return _seen_frame or ESTIMATED_FRAME


def available_area(window: QWidget) -> Rect:
    screen = window.screen() or QGuiApplication.primaryScreen()
    return as_tuple(screen.availableGeometry())


def fit_window(window: QWidget, size: tuple[int, int] | None = None) -> None:
    """Resize (to `size` if given, as far as the screen allows) and move the top-level widget
    so that it lies inside its screen's available area with its frame. A window that has no
    position yet is centred over its parent window, or over the screen.

    QWidget's methods are called unbound: a subclass may use their names for its own data
    (the proposal form's `geometry` is the drawn shape)."""
    area = available_area(window)
    frame = frame_margins(window)
    x, y, width, height = as_tuple(QWidget.geometry(window))
    width, height = size or (width, height)
    if not window.testAttribute(Qt.WidgetAttribute.WA_Moved):
        # where a dialog would centre itself (QDialog does it after this, in its showEvent)
        parent = window.parentWidget()
        over = as_tuple(QWidget.geometry(parent.window())) if parent is not None else area
        x, y, _, _ = centred_rect((width, height), over)
    fitted = fit_rect((x, y, width, height), area, frame)
    minimum = QWidget.minimumSize(window)
    if minimum.width() > fitted[2] or minimum.height() > fitted[3]:
        # a minimum larger than the screen would keep the window's edge out of reach
        QWidget.setMinimumSize(window, min(minimum.width(), fitted[2]),
                               min(minimum.height(), fitted[3]))
    place(window, fitted)


def frame_inside_screen(window: QWidget) -> bool:
    """Whether the window with its frame (as drawn, else as estimated) lies inside its screen's
    available area."""
    x, y, width, height = as_tuple(QWidget.geometry(window))
    left, top, right, bottom = frame_margins(window)
    frame = (x - left, y - top, width + left + right, height + top + bottom)
    return fit_rect(frame, available_area(window)) == frame


def watch_placement(window: QWidget) -> None:
    """For a moment after `window` is shown, fit it again whenever the window manager frames,
    moves or resizes it across the screen's edge (a few times at most); after that moment a
    window the user drags partly off the screen stays where the user put it."""
    window.setProperty(PLACING, PLACEMENT_CORRECTIONS)
    QTimer.singleShot(PLACEMENT_SETTLE_MS, window, partial(window.setProperty, PLACING, 0))


def keep_placed(window: QWidget) -> None:
    """A move or resize of `window` while it is being placed: back inside the screen."""
    left = window.property(PLACING)
    if left and not frame_inside_screen(window):
        window.setProperty(PLACING, left - 1)
        fit_window(window)


def place(window: QWidget, rect: Rect) -> None:
    """Give a top-level widget the client rectangle `rect`. setGeometry, not move(): move()
    places the frame once the window manager has framed the window, the client before."""
    if rect != as_tuple(QWidget.geometry(window)):
        QWidget.setGeometry(window, *rect)


def bound_sequences(window: QWidget) -> set[str]:
    """The key sequences an action or a shortcut of `window` already answers to."""
    sequences = {sequence.toString(QKeySequence.SequenceFormat.PortableText)
                 for action in {*window.actions(), *window.findChildren(QAction)}
                 for sequence in action.shortcuts()}
    sequences |= {shortcut.key().toString(QKeySequence.SequenceFormat.PortableText)
                  for shortcut in window.findChildren(QShortcut)}
    return sequences


def add_close_keys(window: QWidget) -> None:
    """Escape and Ctrl+W close the window (a dialog: as its Cancel or Close button), unless
    the window already gives them a meaning. Once per window."""
    if window.property("qpvdesk_close_keys"):
        return
    window.setProperty("qpvdesk_close_keys", True)
    wanted = [QKeySequence(text) for text in CLOSE_KEYS
              if not (isinstance(window, QDialog) and text == "Esc")]   # QDialog has it
    taken = bound_sequences(window)
    free = [sequence for sequence in wanted
            if sequence.toString(QKeySequence.SequenceFormat.PortableText) not in taken]
    if not free:
        return
    action = QAction(QCoreApplication.translate("SecondaryWindows", CLOSE_TEXT), window)
    action.setObjectName("close_window_action")
    action.setShortcuts(free)
    action.triggered.connect(window.close)
    window.addAction(action)


def shown_title(window: QWidget) -> str:
    """The title as the window manager shows it: Qt adds « — qpvdesk » (the application's
    display name) unless the title already ends with it."""
    title, name = window.windowTitle(), QGuiApplication.applicationDisplayName()
    return title if not name or title.endswith(name) else f"{title} \u2014 {name}"


def widen_for_title(box: QMessageBox) -> None:
    """Make a message box wide enough for the window manager to show its whole title."""
    layout = box.layout()
    if not isinstance(layout, QGridLayout) or box.property("qpvdesk_title_width"):
        return
    box.setProperty("qpvdesk_title_width", True)
    font = QApplication.font("QMdiSubWindowTitleBar")
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * TITLE_FONT_SCALE)
    width = QFontMetrics(font).horizontalAdvance(shown_title(box)) + TITLE_BUTTONS_PX
    spacer = QSpacerItem(width, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Minimum)
    layout.addItem(spacer, layout.rowCount(), 0, 1, layout.columnCount())


class _SecondaryWindows(QObject):
    """On the application: every window shown besides the main windows (QMainWindow, which
    place themselves) fits the screen, stays inside it while the window manager places it,
    and closes with Escape or Ctrl+W; message boxes show their whole title."""

    PLACEMENT = (QEvent.Type.Move, QEvent.Type.Resize)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        kind = event.type()
        if kind in self.PLACEMENT:
            # from the window system only: the app's own resize (a test's, a window's) stands
            if event.spontaneous() and isinstance(watched, QWidget) and watched.isWindow():
                keep_placed(watched)
        elif (kind == QEvent.Type.Show and isinstance(watched, QWidget)
                and watched.isWindow() and not isinstance(watched, QMainWindow)
                and watched.windowType() in (Qt.WindowType.Window, Qt.WindowType.Dialog)):
            if isinstance(watched, QMessageBox):
                widen_for_title(watched)
                watched.adjustSize()     # centred at about its final size
            else:
                add_close_keys(watched)
            fit_window(watched)
            watch_placement(watched)
        return False


# One for the whole process, never deleted: a filter that died with a window while the
# application still called it would crash the process.
_SECONDARY_WINDOWS = _SecondaryWindows()


def fit_secondary_windows() -> None:
    """From now on, every secondary window fits the screen (idempotent). Installed after
    start-up: an application-wide filter sees every event, and start-up has thousands."""
    app = QApplication.instance()
    if not app.property("qpvdesk_fits_windows"):
        app.setProperty("qpvdesk_fits_windows", True)
        app.installEventFilter(_SECONDARY_WINDOWS)


class _FirstInput(QObject):
    """On a main window's QWindow (which sees its input before any widget): at the first
    key or button pressed there, secondary windows start fitting the screen."""

    INPUT = (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride, QEvent.Type.MouseButtonPress,
             QEvent.Type.TouchBegin, QEvent.Type.TabletPress)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        fitting = QApplication.instance().property("qpvdesk_fits_windows")
        if fitting or event.type() in self.INPUT:
            watched.removeEventFilter(self)     # its work is done: no call for every event
            fit_secondary_windows()
        return False


_FIRST_INPUT = _FirstInput()     # never deleted, like _SECONDARY_WINDOWS


def fit_secondary_windows_from_first_input(window: QWidget) -> None:
    """Secondary windows fit the screen once the user first acts in `window` (shown), or
    once fit_secondary_windows() is called, whichever comes first. Until then no
    application-wide filter: while a main window starts, its map renders on another thread,
    and each of the thousands of events calling into Python waited for that thread (measured:
    the window showed ~30 ms later)."""
    window.windowHandle().installEventFilter(_FIRST_INPUT)
