# qpvdesk — set-up, run and test on Debian/Ubuntu.
#   make run    set up everything and start the app on the bundled data
#   make test   set up everything and run the whole test suite headless
#   make install  the set-up alone
#   make dist   PyInstaller one-folder build in dist/qpvdesk/, then its self-test

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
DB     := data/qpvdesk.sqlite
STAMP  := $(VENV)/.installed

SYSTEM_PACKAGES := libsqlite3-mod-spatialite libglib2.0-0 libgl1 libegl1 libfontconfig1 \
	libxkbcommon0 libdbus-1-3 fonts-dejavu-core libxcb-cursor0 libxcb-icccm4 libxcb-image0 \
	libxcb-keysyms1 libxcb-render-util0 libxcb-render0 libxcb-shape0 libxcb-util1 \
	libxcb-xkb1 libxkbcommon-x11-0 xvfb xauth minisign poppler-utils python3-venv

.PHONY: install run test system-packages data bench dist clean translations

install: system-packages $(STAMP) $(DB)

system-packages:
	@sh tools/system_packages.sh $(SYSTEM_PACKAGES)

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

$(DB): $(STAMP) $(shell find data/sources -type f 2>/dev/null)
	$(BIN)/qpvdesk build-data

data: $(STAMP)
	$(BIN)/qpvdesk build-data

run: install
	$(BIN)/qpvdesk

test: install
	$(BIN)/lint-imports
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

bench: install
	QT_QPA_PLATFORM=offscreen $(BIN)/qpvdesk bench render
	QT_QPA_PLATFORM=offscreen $(BIN)/qpvdesk bench fiche
	QT_QPA_PLATFORM=offscreen $(BIN)/qpvdesk bench package

dist: install
	$(BIN)/pip install --quiet "pyinstaller>=6.10"
	$(BIN)/pyinstaller --noconfirm build.spec
	dist/qpvdesk/qpvdesk --self-test

clean:
	rm -rf $(VENV) build dist $(DB)

# Qt Linguist: refresh the English catalogue from the tr() strings, then compile it
translations: install
	$(BIN)/pyside6-lupdate $$(find qpvdesk/views -name '*.py') -source-language fr_FR -target-language en_GB -ts resources/i18n/qpvdesk_en.ts
	$(BIN)/pyside6-lrelease resources/i18n/qpvdesk_en.ts -qm resources/i18n/qpvdesk_en.qm
