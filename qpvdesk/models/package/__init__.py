"""Signed proposal packages (BagIt 1.0 + minisign Ed25519), see docs/PACKAGE_FORMAT.md."""
