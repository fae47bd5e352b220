"""Settle a merge conflict in resources/i18n/qpvdesk_en.ts: take both sides' translations,
regenerate the catalogue from the code (pyside6-lupdate keeps the translations of sources
still present), fill what lupdate left unfinished from either side, and compile the .qm.

    .venv/bin/python tools/merge_translations.py OURS_REF THEIRS_REF
(e.g. HEAD MERGE_HEAD during a merge)
"""
from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "i18n" / "qpvdesk_en.ts"
BIN = ROOT / ".venv" / "bin"


def translations(xml_text: str) -> dict[tuple[str, str], str]:
    known = {}
    for context in ET.fromstring(xml_text).iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.text and \
                    translation.get("type") not in ("unfinished", "obsolete", "vanished"):
                known[(name, message.findtext("source"))] = translation.text
                known.setdefault(("*", message.findtext("source")), translation.text)
    return known


def main(ours: str, theirs: str) -> int:
    known = {}
    for ref in (theirs, ours):   # ours wins where both translated the same source
        text = subprocess.run(["git", "show", f"{ref}:resources/i18n/qpvdesk_en.ts"],
                              cwd=ROOT, capture_output=True, text=True, check=True).stdout
        known.update(translations(text))
    TS.write_text(subprocess.run(["git", "show", f"{ours}:resources/i18n/qpvdesk_en.ts"],
                                 cwd=ROOT, capture_output=True, text=True, check=True).stdout)
    sources = sorted(str(path) for path in (ROOT / "qpvdesk" / "views").rglob("*.py"))
    subprocess.run([str(BIN / "pyside6-lupdate"), *sources, "-no-obsolete",
                    "-source-language", "fr_FR", "-target-language", "en_GB", "-ts", str(TS)],
                   check=True, capture_output=True)
    tree = ET.parse(TS)
    missing = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation.get("type") != "unfinished":
                continue
            source = message.findtext("source")
            text = known.get((name, source)) or known.get(("*", source))
            if text:
                translation.text = text
                del translation.attrib["type"]
            else:
                missing.append(f"{name}: {source}")
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    subprocess.run([str(BIN / "pyside6-lrelease"), str(TS), "-qm", str(TS.with_suffix(".qm"))],
                   check=True, capture_output=True)
    for line in missing:
        print("untranslated:", line)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
