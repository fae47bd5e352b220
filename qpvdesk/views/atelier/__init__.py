"""The residents' workshop on screen: Atelier › Nouvel atelier… / Reprendre un atelier… /
Carte papier…, the full-screen workshop (large controls, mouse or touch) and its synthesis.
Imported when the Atelier menu is used, never at start-up (menu.py excepted)."""
