"""The workshop on screen, driven as residents drive it: fingers on a touch screen (QTouchEvent
sequences from a TouchScreen device) and a mouse; what the store holds after each step is
what the test checks. Also: large touch targets, undo, the next participant, the facilitator
showing the others, Escape leaving full screen, and the proposal made from the synthesis."""
from __future__ import annotations

import json
import re

import numpy as np
import pytest
import shapely
from PySide6.QtCore import QPoint, QSize, Qt
from PySide6.QtGui import QColor, QImage, QInputDevice, QPainter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QCheckBox, QMessageBox, QPushButton

from qpvdesk.models.atelier.store import AtelierStore
from qpvdesk.models.map.layers import load_reference_layers
from qpvdesk.models.proposals import ProposalStore

QPV = "QN06224M"   # Cité 12-14, Lens


@pytest.fixture(scope="module")
def layers(reference):
    return load_reference_layers(reference)


@pytest.fixture
def touch_screen():
    return QTest.createTouchDevice(QInputDevice.DeviceType.TouchScreen)


def open_window(qtbot, workspace, reference, layers, **options):
    from qpvdesk.views.atelier.workshop_window import WorkshopContext, WorkshopWindow

    store = AtelierStore(workspace)
    workshop = store.create(QPV, "2026-12-05", "Maison de quartier", "", **options)
    context = WorkshopContext(reference, store, ProposalStore(workspace, reference), layers)
    window = WorkshopWindow(context, workshop.uuid)
    qtbot.addWidget(window)
    window.resize(1024, 768)
    window.show()
    qtbot.waitExposed(window)
    return window, store, workshop


def tap(device, widget, point: QPoint) -> None:
    QTest.touchEvent(widget, device).press(0, point).commit()
    QTest.touchEvent(widget, device).release(0, point).commit()


def trace(device, widget, points: list[QPoint]) -> None:
    QTest.touchEvent(widget, device).press(0, points[0]).commit()
    for point in points[1:]:
        QTest.touchEvent(widget, device).move(0, point).commit()
    QTest.touchEvent(widget, device).release(0, points[-1]).commit()


def touch_button(device, button) -> None:
    """A finger on a panel button, through its window (as the screen delivers it)."""
    top = button.window()
    tap(device, top, button.mapTo(top, QPoint(button.width() // 2, button.height() // 2)))


def map_point(window, point: QPoint) -> tuple[float, float]:
    x, y = window.canvas.viewport.to_map(point.x(), point.y())
    return float(x), float(y)


def drawings(store, workshop):
    return [item for item in store.contributions(workshop.uuid) if item.kind == "quartier"]


def test_tapping_corners_with_a_finger_draws_my_quartier(qtbot, workspace, reference, layers,
                                                         touch_screen):
    window, store, workshop = open_window(qtbot, workspace, reference, layers)
    canvas = window.canvas
    centre = QPoint(canvas.width() // 2, canvas.height() // 2)
    corners = [centre + QPoint(dx, dy) for dx, dy in ((-120, -90), (130, -80), (140, 100),
                                                      (-110, 110))]
    window.panel.buttons["draw"].click()
    for corner in corners:
        tap(touch_screen, canvas, corner)
    assert window.panel.buttons["finish"].isEnabled()
    tap(touch_screen, canvas, corners[0] + QPoint(4, 3))      # the first corner closes it
    (drawing,) = drawings(store, workshop)
    resolution = canvas.viewport.resolution
    ring = shapely.get_coordinates(drawing.geometry.exterior)[:-1]
    assert len(ring) == 4
    for corner, vertex in zip(corners, ring):
        expected = np.array(map_point(window, corner))
        assert np.hypot(*(vertex - expected)) < 4 * resolution      # within 4 pixels
    assert drawing.participant == 1
    assert "enregistré" in window.panel.message.text()


def test_a_freehand_trace_is_simplified_and_a_pinch_zooms_without_drawing(
        qtbot, workspace, reference, layers, touch_screen):
    window, store, workshop = open_window(qtbot, workspace, reference, layers)
    canvas = window.canvas
    window.panel.buttons["draw"].click()
    # a pinch first: two fingers spreading apart zoom in, and draw nothing
    before = canvas.viewport.resolution
    sequence = QTest.touchEvent(canvas, touch_screen)
    sequence.press(0, QPoint(300, 300)).press(1, QPoint(400, 300)).commit()
    QTest.touchEvent(canvas, touch_screen).move(0, QPoint(250, 300)).move(
        1, QPoint(450, 300)).commit()
    QTest.touchEvent(canvas, touch_screen).release(0, QPoint(250, 300)).release(
        1, QPoint(450, 300)).commit()
    assert canvas.viewport.resolution == pytest.approx(before / 2, rel=0.05)
    assert window.tool.corners == []
    # then a wobbly rectangle traced with one finger: 200 points, 4 corners kept
    rng = np.random.default_rng(3)
    outline = [(200, 200), (500, 200), (500, 420), (200, 420)]
    points = []
    for (x0, y0), (x1, y1) in zip(outline, outline[1:] + outline[:1]):
        for t in np.linspace(0, 1, 50, endpoint=False):
            points.append(QPoint(round(x0 + t * (x1 - x0) + rng.normal(0, 0.7)),
                                 round(y0 + t * (y1 - y0) + rng.normal(0, 0.7))))
    trace(touch_screen, canvas, points)
    window.panel.buttons["finish"].click()
    (drawing,) = drawings(store, workshop)
    resolution = canvas.viewport.resolution
    assert 4 <= len(drawing.geometry.exterior.coords) - 1 <= 6
    assert drawing.geometry.area == pytest.approx(300 * 220 * resolution ** 2, rel=0.05)


def test_a_second_finger_cancels_the_stroke_it_interrupts(qtbot, workspace, reference, layers,
                                                          touch_screen):
    window, store, workshop = open_window(qtbot, workspace, reference, layers)
    canvas = window.canvas
    window.panel.buttons["draw"].click()
    QTest.touchEvent(canvas, touch_screen).press(0, QPoint(200, 200)).commit()
    QTest.touchEvent(canvas, touch_screen).move(0, QPoint(260, 210)).commit()
    assert window.tool.corners                       # the stroke had started
    QTest.touchEvent(canvas, touch_screen).stationary(0).press(1, QPoint(400, 300)).commit()
    QTest.touchEvent(canvas, touch_screen).release(0, QPoint(260, 210)).release(
        1, QPoint(400, 300)).commit()
    assert window.tool.corners == [] and drawings(store, workshop) == []


def test_a_place_is_put_where_the_finger_taps(qtbot, workspace, reference, layers,
                                              touch_screen):
    window, store, workshop = open_window(qtbot, workspace, reference, layers)
    window.panel.buttons["add_place"].click()
    window.panel.buttons["kind_manque"].click()
    window.panel.buttons["category_sante"].click()
    spot = QPoint(321, 287)
    tap(touch_screen, window.canvas, spot)
    (place,) = store.contributions(workshop.uuid)
    assert (place.kind, place.place_kind, place.category) == ("lieu", "manque", "sante")
    expected = np.array(map_point(window, spot))
    assert np.hypot(place.geometry.x - expected[0], place.geometry.y - expected[1]) \
        < 4 * window.canvas.viewport.resolution
    assert window.panel.message.text() == "Lieu ajouté : Il manque ici — Santé."


def test_by_mouse_undo_next_participant_and_the_facilitators_view(qtbot, workspace, reference,
                                                                  layers):
    window, store, workshop = open_window(qtbot, workspace, reference, layers,
                                          ask_residence=True)
    window.panel.buttons["lives_yes"].click()
    canvas = window.canvas
    window.panel.buttons["draw"].click()
    for x, y in ((200, 200), (400, 210), (380, 400)):
        QTest.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=QPoint(x, y))
    window.panel.buttons["finish"].click()
    window.panel.buttons["add_place"].click()
    window.panel.buttons["kind_mal_a_l_aise"].click()
    QTest.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=QPoint(300, 300))
    assert len(store.contributions(workshop.uuid)) == 2
    window.panel.buttons["undo"].click()                       # the pin goes
    assert [item.kind for item in store.contributions(workshop.uuid)] == ["quartier"]
    assert window.panel.message.text() == "Annulé : Je ne m'y sens pas bien."
    window.panel.buttons["next"].click()
    # while participant 2 answers the questions, participant 1's drawing is already hidden
    assert window.panel.who.text() == "Participant 2"
    assert window.overlay.current == [] and not window.overlay.show_others
    window.panel.buttons["lives_skip"].click()
    assert window.panel.who.text() == "Participant 2"
    assert store.participants(workshop.uuid)[0].lives_in_qpv is True
    assert store.participants(workshop.uuid)[1].lives_in_qpv is None
    # participant 2 cannot undo participant 1's drawing, and does not see it...
    assert not window.panel.buttons["undo"].isEnabled()
    assert window.overlay.current == [] and len(window.overlay.others) == 1
    assert not window.overlay.show_others
    window.show_others.setChecked(True)                        # ...unless the facilitator
    assert window.overlay.show_others
    # nothing added yet: « Participant suivant » asks first
    window.panel.buttons["next"].click()
    window.panel.buttons["no"].click()
    assert window.panel.who.text() == "Participant 2"


def touch_targets_too_small(root) -> list[str]:
    """The visible buttons and check boxes of ``root`` under 48 px."""
    return [f"{type(widget).__name__} « {widget.text()} » {widget.height()} px"
            for kind in (QPushButton, QCheckBox) for widget in root.findChildren(kind)
            if widget.isVisible() and widget.height() < 48]


def test_touch_targets_are_large_at_1024_by_768(qtbot, workspace, reference, layers):
    window, store, workshop = open_window(qtbot, workspace, reference, layers, ask_age=True)
    screens = []
    for step in (lambda: None, lambda: window.panel.buttons["age_skip"].click(),
                 lambda: window.panel.buttons["add_place"].click(),
                 lambda: window.panel.buttons["kind_frequent"].click()):
        step()
        qtbot.wait(10)
        assert touch_targets_too_small(window) == []
        screens.append(len(window.panel.buttons))
    assert screens == [7, 4, 4, 9]


def test_escape_leaves_full_screen_after_the_facilitator_confirms(qtbot, workspace, reference,
                                                                  layers, monkeypatch):
    window, store, workshop = open_window(qtbot, workspace, reference, layers)
    with qtbot.waitActive(window):      # window shortcuts act in the active window
        window.showFullScreen()
        window.activateWindow()
    qtbot.waitUntil(window.isFullScreen)
    answers = iter([QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes])
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *args, **kwargs: asked.append(args[1]) or next(answers))
    QTest.keyClick(window, Qt.Key.Key_Escape)
    assert window.isFullScreen()
    QTest.keyClick(window, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.isFullScreen())
    assert asked == ["Quitter le plein écran", "Quitter le plein écran"]


def test_the_synthesis_makes_the_proposal_and_exports_only_the_consensus(
        qtbot, workspace, reference, layers, tmp_path, monkeypatch):
    window, store, workshop = open_window(qtbot, workspace, reference, layers)
    canvas = window.canvas
    for number, shift in enumerate((0, 30, 60), start=1):
        window.panel.buttons["draw"].click()
        for x, y in ((200 + shift, 200), (420 + shift, 210), (400 + shift, 420),
                     (210 + shift, 400)):
            QTest.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=QPoint(x, y))
        window.panel.buttons["finish"].click()
        if number < 3:
            window.panel.buttons["next"].click()
    created = []
    window.proposal_created.connect(created.append)
    window.show_synthesis()
    panel = window.side.currentWidget()
    assert panel.synthesis.drawings == 3
    panel.findChild(type(panel.create), "level_0.25").click()     # one drawing: not an accord
    assert not panel.create.isEnabled()
    panel.findChild(type(panel.create), "level_0.5").click()
    panel.create.click()
    (proposal,) = created
    assert json.loads(proposal.provenance)["seuil"] == 0.5
    assert ProposalStore(workspace, reference).get(proposal.uuid) is not None
    target = tmp_path / "synthese.geojson"
    monkeypatch.setattr("qpvdesk.views.atelier.synthesis_panel.save_path",
                        lambda *args: str(target))
    assert not panel.include.isChecked()
    panel.export_geojson()
    exported = json.loads(target.read_text(encoding="utf-8"))
    assert {item["properties"]["objet"] for item in exported["features"]} == {"contour"}
    panel.include.setChecked(True)
    panel.export_geojson()
    exported = json.loads(target.read_text(encoding="utf-8"))
    assert sum(item["properties"]["objet"] == "dessin_individuel"
               for item in exported["features"]) == 3
    window.back_to_workshop(panel)
    assert window.side.currentWidget() is window.panel


def test_a_workshop_is_resumed_with_its_last_participant(qtbot, workspace, reference, layers):
    from qpvdesk.views.atelier.workshop_window import WorkshopContext, WorkshopWindow

    store = AtelierStore(workspace)
    workshop = store.create(QPV, "2026-12-05", "Salle", "", ask_age=True)
    store.start_participant(workshop.uuid, age_band="75_plus")
    store.start_participant(workshop.uuid)
    context = WorkshopContext(reference, store, ProposalStore(workspace, reference), layers)
    window = WorkshopWindow(context, workshop.uuid)
    qtbot.addWidget(window)
    assert window.panel.who.text() == "Participant 2"
    assert "Atelier repris" in window.panel.message.text()
    assert set(window.panel.buttons) == {"draw", "add_place", "undo", "next"}   # no question
    assert len(store.participants(workshop.uuid)) == 2


def test_the_right_button_moves_the_map_while_drawing(qtbot, workspace, reference, layers):
    window, store, workshop = open_window(qtbot, workspace, reference, layers)
    canvas = window.canvas
    window.panel.buttons["draw"].click()
    QTest.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=QPoint(200, 200))
    before = canvas.viewport
    QTest.mousePress(canvas, Qt.MouseButton.RightButton, pos=QPoint(300, 300))
    for x in (320, 360, 400):
        QTest.mouseMove(canvas, QPoint(x, 300))
    QTest.mouseRelease(canvas, Qt.MouseButton.RightButton, pos=QPoint(400, 300))
    assert canvas.viewport.center_x == pytest.approx(before.center_x - 100 * before.resolution)
    assert len(window.tool.corners) == 1              # the corner tapped before, no other


def test_the_atelier_menu_starts_a_workshop_and_prints_the_paper_map(qtbot, reference,
                                                                     workspace, tmp_path,
                                                                     monkeypatch):
    from qpvdesk.views.atelier import dialogs
    from qpvdesk.views.main_window import MainWindow

    main = MainWindow(reference, workspace)
    qtbot.addWidget(main)
    titles = [action.text() for action in main.menuBar().actions()]
    assert "A&telier" in titles and titles.index("A&telier") < titles.index("Aid&e")

    def accept_new(dialog):
        dialog.qpv.setCurrentIndex(dialog.qpv.findData(QPV))
        dialog.place.setText("École Jean Macé")
        dialog.ask_age.setChecked(True)
        return dialog.DialogCode.Accepted
    monkeypatch.setattr(dialogs.NewWorkshopDialog, "exec", accept_new)
    window = main.atelier.new_workshop()
    qtbot.addWidget(window)
    (workshop,) = AtelierStore(workspace).workshops()
    assert (workshop.qpv_code, workshop.place, workshop.ask_age, workshop.ask_residence) == (
        QPV, "École Jean Macé", True, False)
    assert window.isFullScreen() and "age_skip" in window.panel.buttons

    target = tmp_path / "carte.pdf"
    monkeypatch.setattr(dialogs.PaperMapDialog, "exec",
                        lambda dialog: dialog.DialogCode.Accepted)
    monkeypatch.setattr("qpvdesk.views.file_dialogs.save_path", lambda *args: str(target))
    assert main.atelier.paper_map() == str(target)
    assert target.read_bytes().startswith(b"%PDF")
    assert "Carte papier enregistrée (A3, échelle 1:" in main.statusBar().currentMessage()


def test_the_panels_buttons_answer_a_finger(qtbot, workspace, reference, layers,
                                            touch_screen):
    """The side panel scrolls with a finger (QScroller): a tap on a button is still a tap
    (the tests elsewhere click the buttons; a resident touches them)."""
    window, store, workshop = open_window(qtbot, workspace, reference, layers,
                                          ask_residence=True)
    touch_button(touch_screen, window.panel.buttons["lives_no"])
    qtbot.waitUntil(lambda: "draw" in window.panel.buttons)
    assert store.participants(workshop.uuid)[0].lives_in_qpv is False
    assert window.panel.title.text() == "À vous !"
    touch_button(touch_screen, window.panel.buttons["add_place"])
    qtbot.waitUntil(lambda: "kind_frequent" in window.panel.buttons)
    assert window.panel.title.text() == "Quel lieu voulez-vous ajouter ?"
    touch_button(touch_screen, window.panel.buttons["kind_mal_a_l_aise"])
    qtbot.waitUntil(lambda: window.tool.mode == "place")
    tap(touch_screen, window.canvas, QPoint(300, 280))
    (place,) = store.contributions(workshop.uuid)
    assert place.place_kind == "mal_a_l_aise"


def overlay_pixels(window, ratio: float, background: str) -> np.ndarray:
    """What the workshop paints over the map (rows × columns × RGB, in device pixels), on a
    plain ``background``, for a screen of device pixel ratio ``ratio``."""
    canvas = window.canvas
    image = QImage(QSize(round(canvas.width() * ratio), round(canvas.height() * ratio)),
                   QImage.Format.Format_RGB32)
    image.setDevicePixelRatio(ratio)
    image.fill(QColor(background))
    painter = QPainter(image)
    window.overlay.paint(painter)
    painter.end()
    image = image.convertToFormat(QImage.Format.Format_RGB888)
    return np.frombuffer(image.constBits(), np.uint8).reshape(
        image.height(), image.bytesPerLine())[:, :image.width() * 3].reshape(
        image.height(), image.width(), 3).astype(int)


@pytest.mark.parametrize("ratio", [1.0, 2.0])
def test_my_drawing_is_seen_from_the_back_of_the_room(qtbot, workspace, reference, layers,
                                                      ratio):
    """A projector at the far end of a community room: the drawn outline is a bold line
    (at least 4 logical pixels) on a light halo, and the fill tints the map clearly while
    letting it show through — as bold on a high-DPI screen (widths in logical pixels)."""
    from qpvdesk.views.atelier.overlays import OWN

    window, store, workshop = open_window(qtbot, workspace, reference, layers)
    canvas = window.canvas
    centre = QPoint(canvas.width() // 2, canvas.height() // 2)
    left = centre.x() - 150
    window.panel.buttons["draw"].click()
    for dx, dy in ((-150, -120), (150, -120), (150, 120), (-150, 120)):
        QTest.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=centre + QPoint(dx, dy))
    window.panel.buttons["finish"].click()
    assert len(drawings(store, workshop)) == 1
    beige = "#d8b99a"                               # a cité minière under the outline
    drawn = overlay_pixels(window, ratio, beige)
    window.overlay.set_contributions([], 1)
    bare = overlay_pixels(window, ratio, beige)
    # across the left edge, 12 logical pixels either side, on the middle row
    row = round(centre.y() * ratio)
    span = slice(round((left - 12) * ratio), round((left + 12) * ratio))
    across, before = drawn[row, span], bare[row, span]
    ink = np.array([QColor(OWN.ink).red(), QColor(OWN.ink).green(), QColor(OWN.ink).blue()])
    inked = np.abs(across - ink).max(axis=1) < 40
    assert 4 * ratio <= inked.sum() <= 7 * ratio
    white = (across > 225).all(axis=1) & ~(before > 225).all(axis=1)
    assert white.sum() >= 2 * ratio                 # the halo, both sides of the line
    # inside: the map is tinted by at least a third, and shows through (translucent)
    inside = (slice(round((centre.y() - 20) * ratio), round((centre.y() + 20) * ratio)),
              slice(round((centre.x() - 20) * ratio), round((centre.x() + 20) * ratio)))
    window.overlay.set_contributions(store.contributions(workshop.uuid), 1)
    on_white = np.median(overlay_pixels(window, ratio, "#ffffff")[inside], axis=(0, 1))
    on_black = np.median(overlay_pixels(window, ratio, "#000000")[inside], axis=(0, 1))
    assert (255 - on_white).max() >= 85
    assert (on_white - on_black).min() >= 80


def texts_on_screen(window) -> list[str]:
    """Everything a person in the room can read on the workshop's screen: the title, labels,
    buttons, tooltips and accessible names of the visible widgets, and the facilitator's
    menu (it opens on the same screen)."""
    from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

    texts = [window.windowTitle()]
    for widget in window.findChildren(QWidget):
        if not widget.isVisible():
            continue
        if isinstance(widget, (QLabel, QAbstractButton)):
            texts.append(widget.text())
        texts += [widget.toolTip(), widget.accessibleName(), widget.statusTip()]
    for action in window.facilitator_menu.actions():
        texts += [action.text(), action.toolTip()]
    return [text for text in texts if text]


def test_residents_never_read_the_acronym_qpv(qtbot, workspace, reference, layers,
                                              touch_screen):
    """Every screen of a participant's turn, and the synthesis the room looks at together:
    « quartier prioritaire » or the quartier's name, never « QPV »."""
    window, store, workshop = open_window(qtbot, workspace, reference, layers,
                                          ask_residence=True, ask_age=True)
    panel, canvas = window.panel, window.canvas
    centre = QPoint(canvas.width() // 2, canvas.height() // 2)
    seen: dict[str, list[str]] = {}

    def look(name: str) -> None:
        qtbot.wait(10)
        seen[name] = texts_on_screen(window)

    def click_map(*offsets) -> None:
        for dx, dy in offsets:
            QTest.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=centre + QPoint(dx, dy))

    look("residence")
    panel.buttons["lives_yes"].click()
    look("age")
    panel.buttons["age_30_44"].click()
    look("actions")
    panel.buttons["next"].click()
    look("nothing added")
    panel.buttons["no"].click()
    panel.buttons["draw"].click()
    look("drawing")
    click_map((-100, -100), (100, 100), (100, -100), (-100, 100))     # a bow tie
    panel.buttons["finish"].click()
    look("crossed drawing")
    panel.buttons["redraw"].click()
    click_map((-100, -100), (100, -100), (100, 100))
    panel.buttons["finish"].click()
    look("drawn")
    for kind in ("frequent", "manque", "mal_a_l_aise"):
        panel.buttons["add_place"].click()
        look("kinds")
        panel.buttons[f"kind_{kind}"].click()
        look(f"after {kind}")
        if kind != "mal_a_l_aise":
            panel.buttons["category_sante"].click()
            look(f"placing {kind}")
        click_map((10, 10))
        look(f"placed {kind}")
    panel.buttons["undo"].click()
    look("undone")
    window.show_synthesis()
    look("synthesis")
    acronyms = {name: [text for text in texts if re.search(r"\bQPV\b", text, re.IGNORECASE)]
                for name, texts in seen.items()}
    assert {name: found for name, found in acronyms.items() if found} == {}
    # the walk did reach each screen
    assert "Dessinez votre quartier" in seen["drawing"]
    assert "Votre dessin se croise" in seen["crossed drawing"]
    assert any("hors du quartier prioritaire" in text for text in seen["synthesis"])
    assert "1 participant ; 1 a dessiné son quartier ; 2 lieux placés." in seen["synthesis"]
