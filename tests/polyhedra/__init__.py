"""Tests of exactgeom.polyhedra, one module per module of the package."""
