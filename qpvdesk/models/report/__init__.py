"""Reports as documents (Qt-free): one diagnostic or fiche, one Document, several writers.

``document`` holds the blocks, ``chart`` what a chart shows, ``output`` the all-or-nothing
write; ``diagnostic_document`` turns the territorial diagnostic into a Document.
"""
