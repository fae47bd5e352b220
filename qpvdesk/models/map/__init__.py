"""Qt-free map models: viewport, layers, styles, state."""
