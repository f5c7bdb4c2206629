"""Subcommands of the jargon CLI: each module has add_arguments(parser) and run(args)."""
