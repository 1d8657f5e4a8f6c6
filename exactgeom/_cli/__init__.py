"""The modules behind :mod:`exactgeom.cli`: shared input and output, and the subcommands."""
