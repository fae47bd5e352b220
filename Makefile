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
	libxcb-xkb1 libxkbcommon-x11-0 xvfb xauth minisign poppler-utils python3-venv \
	postgresql postgresql-15-postgis-3
# (PostgreSQL + PostGIS: the PostGIS tests and `qpvdesk bench postgis` start their own
# local server from these packages.)
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
	$(BIN)/qpvdesk bench postgis

# The frozen build, from its own venv with the exact versions of constraints/dist.txt (pip -c):
# the developer's .venv keeps the wheels (and the test tools), the build never sees them.
# pyogrio is compiled there against Debian's GDAL (libgdal-dev), so the folder carries no
# GDAL of its own: the .deb depends on Debian's libgdal32 (see README « Packaged build »).
DIST_CONSTRAINTS := constraints/dist.txt
DIST_VENV  := build/venv-dist
DIST_BIN   := $(DIST_VENV)/bin
DIST_STAMP := $(DIST_VENV)/.installed
# The ship-grade target (250 MiB) plus the national data pack the folder carries (issue 13)
DIST_FOLDER_MAX_MIB := $(shell echo $$((250 + $$(du -sm data/national | cut -f1))))

$(DIST_STAMP): $(DIST_CONSTRAINTS) pyproject.toml
	@sh tools/system_packages.sh binutils gcc g++ libgdal-dev
	@test -x $(DIST_BIN)/python || $(PYTHON) -m venv $(DIST_VENV)
	$(DIST_BIN)/python -m pip install --quiet --upgrade pip
	$(DIST_BIN)/pip install --quiet -c $(DIST_CONSTRAINTS) --no-binary pyogrio -e . pyinstaller
	@touch $(DIST_STAMP)

dist: install $(DIST_STAMP)
	$(DIST_BIN)/pyinstaller --noconfirm --clean build.spec
	dist/qpvdesk/qpvdesk --self-test
	@du -sh dist/qpvdesk
	@test $$(du -sm dist/qpvdesk | cut -f1) -le $(DIST_FOLDER_MAX_MIB) || \
		{ echo "dist/qpvdesk is over $(DIST_FOLDER_MAX_MIB) MiB: see README « Packaged build »" >&2; exit 1; }
	$(BIN)/python packaging/build_deb.py

# The .deb again from the folder already built (dpkg-deb, xz)
deb:
	$(BIN)/python packaging/build_deb.py

dist-check: dist
	@sh tools/system_packages.sh debootstrap
	sh packaging/check_in_chroot.sh

# Pin the dist venv's current versions for the next `make dist` (review the diff, rebuild)
constraints: $(DIST_STAMP)
	@head -n 5 $(DIST_CONSTRAINTS) > $(DIST_CONSTRAINTS).new
	$(DIST_BIN)/pip freeze --exclude-editable >> $(DIST_CONSTRAINTS).new
	@mv $(DIST_CONSTRAINTS).new $(DIST_CONSTRAINTS)

clean:
	rm -rf $(VENV) build dist $(DB)

# Qt Linguist: refresh the English catalogue from the tr() strings, then compile it
translations: install
	$(BIN)/pyside6-lupdate $$(find qpvdesk/views -name '*.py') -source-language fr_FR -target-language en_GB -ts resources/i18n/qpvdesk_en.ts
	$(BIN)/pyside6-lrelease resources/i18n/qpvdesk_en.ts -qm resources/i18n/qpvdesk_en.qm
