"""Drawing without widgets (the way QGIS separates core from gui): the map renderer and its
composition, basemap warping, the fiche's tables, thumbnails and PDF writers.

Uses QtGui's QPainter, QImage and QPdfWriter but never QtWidgets, so the command line can
draw maps and write PDFs with no display and no widget code. Views import from here; this
package imports only models.
"""
