"""Residents' workshops (ateliers d'habitants): anonymous participants draw their « quartier
vécu » and place pins; the synthesis says where they agree, exactly, and becomes a proposal.

Qt-free. `store.AtelierStore` keeps workshops in the workspace (one transaction per
contribution); `consensus.consensus` overlays the drawings; `clusters.place_clusters`
gathers the pins; `synthesis.synthesize` does both for a stored workshop and
`synthesis.create_proposal` turns a contour into a « quartier vécu »; `export` writes what
may leave the room. Nothing is imported here: the command line loads only what it runs.
"""
