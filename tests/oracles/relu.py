"""Activation patterns of a ReLU network by brute force: one half-open polyhedron per pattern."""

from __future__ import annotations

import itertools
from fractions import Fraction

from exactgeom.polyhedra import Polyhedron


def activation_patterns(net, domain_rows=()):
    """Every on/off pattern of the hidden units whose set of inputs has non-empty interior.

    All 2^(hidden units) patterns are tried.  Under a fixed pattern each pre-activation is an
    affine function of the input, composed layer by layer by hand; the pattern's region is cut out
    by strict rows (> 0 where a unit is on, < 0 where it is off) and by ``domain_rows``
    ``(row, kind, rhs)``, read as strict ``row · x < rhs``.  Only the emptiness test of that
    polyhedron comes from the package.

    Parameters
    ----------
    net : exactgeom.networks.ReLUNetwork
    domain_rows : sequence of (row, kind, rhs), optional

    Returns
    -------
    set of tuple of tuple of int
        One tuple of 0/1 per hidden layer.

    Examples
    --------
    >>> from exactgeom.networks import ReLUNetwork
    >>> net = ReLUNetwork([[[1], [-1]], [[1, 1]]], [[0, 0], [0]])  # |x| = relu(x) + relu(-x)
    >>> sorted(activation_patterns(net))
    [((0, 1),), ((1, 0),)]
    """
    n = net.n_inputs
    hidden = net.widths[1:-1]
    found = set()
    for bits in itertools.product((0, 1), repeat=sum(hidden)):
        pattern, k = [], 0
        for w in hidden:
            pattern.append(tuple(bits[k : k + w]))
            k += w
        # affine map of each layer's pre-activation under this pattern
        M = [[Fraction(int(i == j)) for j in range(n)] for i in range(n)]
        c = [Fraction(0)] * n
        A, b, kinds = (
            [list(r) for r, _, _ in domain_rows],
            [v for _, _, v in domain_rows],
            ["<" for _ in domain_rows],
        )
        for (W, bias), s in zip(zip(net.weights, net.biases), pattern):
            P = [[sum(w * M[t][j] for t, w in enumerate(row)) for j in range(n)] for row in W]
            q = [sum(w * c[t] for t, w in enumerate(row)) + bb for row, bb in zip(W, bias)]
            for row, const, on in zip(P, q, s):
                A.append(row)
                b.append(-const)
                kinds.append(">" if on else "<")  # interior of the pattern's region
            M = [row if on else [Fraction(0)] * n for row, on in zip(P, s)]
            c = [v if on else Fraction(0) for v, on in zip(q, s)]
        # a pre-activation constant on the region is off exactly when the constant is <= 0
        constant_ok = all((k == ">") == (-v > 0) for row, v, k in zip(A, b, kinds) if not any(row))
        keep = [i for i, row in enumerate(A) if any(row)]
        A, b, kinds = [A[i] for i in keep], [b[i] for i in keep], [kinds[i] for i in keep]
        if constant_ok and not Polyhedron(A, b, kinds, dimension=n).is_empty():
            found.add(tuple(pattern))
    return found
