"""Proposal packages as the user sees them: the A4 synthèse PDF of a package."""
