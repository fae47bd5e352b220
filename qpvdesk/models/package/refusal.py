"""The one exception of a refused package."""
from __future__ import annotations


class Refusal(Exception):
    """A package refused; the message is one French line."""
