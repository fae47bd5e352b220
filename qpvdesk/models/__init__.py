"""Qt-free models: what the app knows and does. Importable and testable with no display."""
