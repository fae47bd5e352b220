"""qpvdesk — offline desktop tool for the QPV of the Communauté d'Agglomération de Lens-Liévin."""

__version__ = "0.1.0"
