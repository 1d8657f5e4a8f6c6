"""Brute-force oracles that several test modules check the package against.

Each oracle computes its answer from the definition, by exhaustive enumeration or a textbook
algorithm written out here, so that a test compares the package with something independent:

- :mod:`oracles.hulls`: Andrew's monotone chain for planar convex hulls;
- :mod:`oracles.regions`: the sign vector of a point with respect to an arrangement, and a
  hypothesis strategy of small arrangements;
- :mod:`oracles.covectors`: faces by the depth-first PPL covector search (one polyhedron per node);
- :mod:`oracles.boolean`: truth tables of threshold units on {0,1}^n (one synchronous step or
  one sequential sweep) and iterates of maps;
- :mod:`oracles.convex`: minimum-l1 interpolation by enumerating basic solutions;
- :mod:`oracles.relu`: activation patterns of a ReLU network, one polyhedron per pattern.

Test modules import them as ``from oracles.hulls import monotone_chain`` (``tests/`` is on the
import path through ``pythonpath = tests`` in setup.cfg).
"""
