# qpvdesk — set-up, run and test on Debian/Ubuntu.
#   make run    set up everything and start the app on the bundled data
#   make test   set up everything and run the whole test suite headless
#   make install  the set-up alone
#   make dist   PyInstaller one-folder build in dist/qpvdesk/, its self-test, then the .deb
#   make dist-check  the .deb installed and run in a fresh Debian 12 root (as root, slow)

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
DB     := data/qpvdesk.sqlite
STAMP  := $(VENV)/.installed

SYSTEM_PACKAGES := libsqlite3-mod-spatialite libglib2.0-0 libgl1 libegl1 libfontconfig1 \
	libxkbcommon0 libdbus-1-3 fonts-dejavu-core libxcb-cursor0 libxcb-icccm4 libxcb-image0 \
	libxcb-keysyms1 libxcb-render-util0 libxcb-render0 libxcb-shape0 libxcb-util1 \
	libxcb-xkb1 libxkbcommon-x11-0 xvfb xauth minisign poppler-utils python3-venv
# Only the tests need these: LibreOffice opens the Word files qpvdesk writes, as a user would.
TEST_SYSTEM_PACKAGES := libreoffice-writer-nogui

.PHONY: install run test system-packages data bench dist deb dist-check constraints clean translations

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
	@sh tools/system_packages.sh $(TEST_SYSTEM_PACKAGES)
	$(BIN)/lint-imports
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

bench: install
	QT_QPA_PLATFORM=offscreen $(BIN)/qpvdesk bench render
	QT_QPA_PLATFORM=offscreen $(BIN)/qpvdesk bench fiche
	QT_QPA_PLATFORM=offscreen $(BIN)/qpvdesk bench package

# The frozen build, with the exact versions of constraints/dist.txt (pip -c).
DIST_CONSTRAINTS := constraints/dist.txt

dist: install
	@sh tools/system_packages.sh binutils
	$(BIN)/pip install --quiet -c $(DIST_CONSTRAINTS) -e '.[test]' pyinstaller
	$(BIN)/pyinstaller --noconfirm --clean build.spec
	dist/qpvdesk/qpvdesk --self-test
	@du -sh dist/qpvdesk
	$(BIN)/python packaging/build_deb.py

# The .deb again from the folder already built (dpkg-deb, xz)
deb:
	$(BIN)/python packaging/build_deb.py

dist-check: dist
	@sh tools/system_packages.sh debootstrap
	sh packaging/check_in_chroot.sh

# Pin the venv's current versions for the next `make dist` (review the diff, then rebuild)
constraints: install
	@head -n 3 $(DIST_CONSTRAINTS) > $(DIST_CONSTRAINTS).new
	$(BIN)/pip freeze --exclude-editable >> $(DIST_CONSTRAINTS).new
	@mv $(DIST_CONSTRAINTS).new $(DIST_CONSTRAINTS)

clean:
	rm -rf $(VENV) build dist $(DB)

# Qt Linguist: refresh the English catalogue from the tr() strings, then compile it
translations: install
	$(BIN)/pyside6-lupdate $$(find qpvdesk/views -name '*.py') -source-language fr_FR -target-language en_GB -ts resources/i18n/qpvdesk_en.ts
	$(BIN)/pyside6-lrelease resources/i18n/qpvdesk_en.ts -qm resources/i18n/qpvdesk_en.qm
