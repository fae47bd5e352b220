"""Command-line subcommands beyond the basic ones in qpvdesk.cli."""
