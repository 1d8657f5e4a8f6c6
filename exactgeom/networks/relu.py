r"""Feed-forward ReLU networks with rational weights: exact evaluation, linear regions, tropical form.

The network with weights ``W_1..W_L`` and biases ``b_1..b_L`` is

    x -> W_L s( ... s(W_2 s(W_1 x + b_1) + b_2) ... ) + b_L,     s(t) = max(t, 0) entrywise,

ReLU after every layer except the last (a linear output layer).

Linear regions
--------------
The *activation pattern* of ``x`` records, for every hidden neuron, 1 if its
pre-activation is ``> 0`` and 0 if it is ``<= 0``; patterns partition the input
space into half-open polyhedra on each of which the network is affine.

* ``kind="activation"`` (default): the *activation regions*, i.e. patterns
  whose set has non-empty interior (Hanin–Rolnick).  Their closures cover the
  domain.
* ``kind="affine"``: the *linear regions* proper, maximal connected open pieces
  on which the function is affine: activation regions with the same affine map
  are merged when their closures share a facet (a common face of dimension
  ``n - 1``).  Never more than the activation regions.

For one hidden layer of width ``m`` on ``n`` inputs the activation regions are
the regions of an arrangement of (at most) ``m`` affine hyperplanes, at most
``min{2^m, sum_{j<=n} C(m, j)}`` (:func:`one_layer_region_bound`).
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass
from fractions import Fraction

from .. import _exact
from .._progress import progress_bar
from ..polyhedra.lp import point_of
from ..tropical.polynomial import _polyhedron  # rows (a, kind, c) meaning a . x kind c

__all__ = ["ReLUNetwork", "LinearRegion", "one_layer_region_bound"]

Vector = tuple[Fraction, ...]
Matrix = tuple[Vector, ...]
Row = tuple[Vector, str, Fraction]


def one_layer_region_bound(n_inputs: int, width: int) -> int:
    """``min{2^m, sum_{j=0}^{n} C(m, j)}``: the most activation regions of one hidden ReLU layer.

    Attained by hyperplanes in general position (Zaslavsky; Montúfar et al. 2014).

    Examples
    --------
    >>> one_layer_region_bound(2, 3), one_layer_region_bound(2, 5), one_layer_region_bound(5, 2)
    (7, 16, 4)
    """
    return min(2**width, sum(math.comb(width, j) for j in range(n_inputs + 1)))


@dataclass(frozen=True)
class LinearRegion:
    """A piece of input space on which a ReLU network is the affine map ``x -> matrix x + vector``.

    Attributes
    ----------
    polyhedra : tuple of Polyhedron
        One half-open polyhedron for an activation region; several (sharing
        facets) for a merged linear region.
    matrix : exact affine map (output x input matrix, output vector)
    vector : exact affine map (output x input matrix, output vector)
    witness : tuple of Fraction
        A point in the interior of ``polyhedra[0]``.
    patterns : tuple
        The activation pattern(s), one tuple of 0/1 per hidden layer, per polyhedron.

    Examples
    --------
    >>> net = ReLUNetwork([[[1], [-1]], [[1, 1]]], [[0, 0], [0]])    # |x| = relu(x) + relu(-x)
    >>> r = next(net.linear_regions())
    >>> r.matrix, r.vector, r.patterns
    (((Fraction(1, 1),),), (Fraction(0, 1),), (((1, 0),),))
    >>> r.polyhedron.contains(r.witness), net(r.witness) == r.witness
    (True, True)
    """

    polyhedra: tuple
    matrix: Matrix
    vector: Vector
    witness: Vector
    patterns: tuple

    @property
    def polyhedron(self):
        """The polyhedron of an activation region (the first one of a merged region)."""
        return self.polyhedra[0]


def _affine_compose(W: Matrix, b: Vector, M: Matrix, c: Vector) -> tuple[Matrix, Vector]:
    """``W (M x + c) + b`` as ``(W M, W c + b)``."""
    ncols = len(M[0]) if M else 0
    WM = tuple(
        tuple(sum((w * M[k][j] for k, w in enumerate(row) if w), Fraction(0)) for j in range(ncols))
        for row in W
    )
    Wc = tuple(sum((w * c[k] for k, w in enumerate(row) if w), Fraction(0)) + bi for row, bi in zip(W, b))
    return WM, Wc


def _closure(rows: list[Row]) -> list[Row]:
    """The rows with every strict inequality made weak."""
    return [(r, "<=" if t in ("<", "<=") else t, k) for r, t, k in rows]


@dataclass(frozen=True, eq=False, init=False)
class ReLUNetwork:
    r"""A ReLU network with exact rational weights.

    Parameters
    ----------
    weights : sequence of matrices
        ``weights[l]`` has shape ``(widths[l+1], widths[l])``.
    biases : sequence of vectors
        ``biases[l]`` has ``widths[l+1]`` entries.

    Attributes
    ----------
    weights : tuples of exact matrices / vectors
    biases : tuples of exact matrices / vectors
    widths : tuple of int
        ``(n_inputs, hidden widths..., n_outputs)``.

    Raises
    ------
    ValueError
        Mismatched shapes, naming the layer and what was expected.
    TypeError
        Non-exact entries (floats), naming the entry.

    Examples
    --------
    >>> net = ReLUNetwork([[[1, 0], [0, 1], [1, 1]], [[1, -1, "1/2"]]], [[0, 0, -1], [0]])
    >>> net.widths
    (2, 3, 1)
    >>> net((1, 2))
    (Fraction(0, 1),)
    >>> net.num_linear_regions()
    7
    >>> ReLUNetwork([[[1, 0]], [[1, 1]]], [[0], [0]])
    Traceback (most recent call last):
        ...
    ValueError: weights[1] has 2 columns but layer 1 has width 1 (the rows of weights[0]);
    each weight matrix needs as many columns as the previous one has rows
    """

    weights: tuple[Matrix, ...]
    biases: tuple[Vector, ...]
    widths: tuple[int, ...]

    def __init__(self, weights, biases):
        if isinstance(weights, (str, bytes)) or not hasattr(weights, "__len__") or len(weights) == 0:
            raise ValueError("weights must be a non-empty list of matrices, one per layer")
        if len(biases) != len(weights):
            raise ValueError(
                f"got {len(weights)} weight matrices but {len(biases)} bias vectors; give one per layer"
            )
        Ws, bs = [], []
        widths = []
        for l, (W, b) in enumerate(zip(weights, biases)):
            M = _exact.exact_matrix(W, name=f"weights[{l}]")
            if not M or not M[0]:
                raise ValueError(
                    f"weights[{l}] is empty; every layer needs at least one neuron and one input"
                )
            if l == 0:
                widths.append(len(M[0]))
            elif len(M[0]) != widths[-1]:
                raise ValueError(
                    f"weights[{l}] has {len(M[0])} columns but layer {l} has width {widths[-1]} "
                    f"(the rows of weights[{l - 1}]); each weight matrix needs as many columns "
                    "as the previous one has rows"
                )
            v = _exact.exact_vector(b, name=f"biases[{l}]")
            if len(v) != len(M):
                raise ValueError(f"biases[{l}] has {len(v)} entries but weights[{l}] has {len(M)} rows")
            widths.append(len(M))
            Ws.append(M)
            bs.append(v)
        object.__setattr__(self, "weights", tuple(Ws))
        object.__setattr__(self, "biases", tuple(bs))
        object.__setattr__(self, "widths", tuple(widths))

    @classmethod
    def from_numpy(cls, weights, biases, *, rationalize: int | None = None) -> ReLUNetwork:
        """A network from float (numpy) weights, each float imported as its exact binary value.

        Parameters
        ----------
        weights, biases : sequences of arrays (or nested lists of floats)
            As for the constructor: ``weights[l]`` has shape (outputs, inputs) —
            the PyTorch convention; pass scikit-learn's ``coefs_`` transposed.
        rationalize : int, optional
            Round every entry to the nearest fraction with at most this
            denominator instead (see :func:`exactgeom.numeric.rationalize`,
            which also reports the rounding error).

        Returns
        -------
        ReLUNetwork

        Examples
        --------
        >>> import numpy as np
        >>> W1, b1 = np.array([[0.5], [-1.0]]), np.array([0.0, 0.25])
        >>> W2, b2 = np.array([[1.0, 2.0]], dtype=np.float32), np.array([-0.5])
        >>> net = ReLUNetwork.from_numpy([W1, W2], [b1, b2])
        >>> net
        ReLUNetwork([[["1/2"], [-1]], [[1, 2]]], [[0, "1/4"], ["-1/2"]])
        >>> net((-1,))
        (Fraction(2, 1),)
        >>> ReLUNetwork.from_numpy([[[0.1]]], [[0.0]]).weights[0][0][0] == Fraction(0.1)
        True
        >>> ReLUNetwork.from_numpy([[[0.1]]], [[0.0]], rationalize=100).weights
        (((Fraction(1, 10),),),)
        """
        from .. import numeric

        def convert(values, name):
            if rationalize is None:
                return numeric.exact(values, name=name)
            return numeric.rationalize(values, rationalize, name=name).values

        if isinstance(weights, (str, bytes)) or not hasattr(weights, "__len__"):
            raise ValueError("weights must be a non-empty list of matrices, one per layer")
        if isinstance(biases, (str, bytes)) or not hasattr(biases, "__len__"):
            raise ValueError("biases must be a list of vectors, one per layer")
        return cls(
            [convert(W, f"weights[{l}]") for l, W in enumerate(weights)],
            [convert(b, f"biases[{l}]") for l, b in enumerate(biases)],
        )

    @classmethod
    def from_torch(cls, module, *, rationalize: int | None = None) -> ReLUNetwork:
        """A network from a ``torch.nn.Sequential`` of ``Linear`` and ``ReLU`` layers, exactly.

        The layers must alternate ``Linear, ReLU, Linear, …, ReLU, Linear``
        (ReLU after every layer but the last, as this class computes).  Each
        float parameter (float16, bfloat16, float32 or float64) is imported as
        its exact binary value; a ``Linear`` without bias gets zero biases.

        Parameters
        ----------
        module : torch.nn.Sequential
        rationalize : int, optional
            As in :meth:`from_numpy`.

        Returns
        -------
        ReLUNetwork

        Raises
        ------
        TypeError
            Not a ``Sequential``, or a layer other than ``Linear``/``ReLU``.
        ValueError
            Layers not in the order above.
        exactgeom.errors.MissingOptional
            torch is not installed (``pip install 'exactgeom[torch]'``).

        Examples
        --------
        >>> import torch                                    # doctest: +SKIP
        >>> layers = torch.nn.Sequential(torch.nn.Linear(2, 3), torch.nn.ReLU(),   # doctest: +SKIP
        ...                              torch.nn.Linear(3, 1))
        >>> ReLUNetwork.from_torch(layers).widths           # doctest: +SKIP
        (2, 3, 1)
        """
        try:
            import torch
        except ImportError:
            from ..errors import MissingOptional

            raise MissingOptional("from_torch needs PyTorch: pip install 'exactgeom[torch]'") from None
        if not isinstance(module, torch.nn.Sequential):
            raise TypeError(
                f"from_torch takes a torch.nn.Sequential of Linear and ReLU layers, not "
                f"{type(module).__name__}"
            )
        layers = list(module)
        for i, layer in enumerate(layers):
            if not isinstance(layer, (torch.nn.Linear, torch.nn.ReLU)):
                raise TypeError(
                    f"layer {i} is {type(layer).__name__}; only torch.nn.Linear and torch.nn.ReLU "
                    "layers have an exact ReLU-network form here"
                )
        expected = [torch.nn.Linear if i % 2 == 0 else torch.nn.ReLU for i in range(len(layers))]
        if not layers or len(layers) % 2 == 0 or any(not isinstance(x, t) for x, t in zip(layers, expected)):
            kinds = ", ".join(type(x).__name__ for x in layers) or "no layers"
            raise ValueError(
                f"the layers are {kinds}; expected Linear, ReLU, Linear, …, ReLU, Linear (a ReLU between "
                "consecutive Linear layers and none after the last)"
            )

        def floats(tensor):
            if not tensor.dtype.is_floating_point:
                raise TypeError(f"a parameter has dtype {tensor.dtype}; expected a floating-point dtype")
            # widening to float64 is exact for float16, bfloat16 and float32
            return tensor.detach().cpu().to(torch.float64).tolist()

        weights, biases = [], []
        for layer in layers[::2]:
            weights.append(floats(layer.weight))
            biases.append(floats(layer.bias) if layer.bias is not None else [0.0] * layer.out_features)
        return cls.from_numpy(weights, biases, rationalize=rationalize)

    def __repr__(self) -> str:
        def show(v):
            return str(v.numerator) if v.denominator == 1 else f'"{v}"'

        Ws = (
            "["
            + ", ".join(
                "[" + ", ".join("[" + ", ".join(show(v) for v in r) + "]" for r in W) + "]"
                for W in self.weights
            )
            + "]"
        )
        bs = "[" + ", ".join("[" + ", ".join(show(v) for v in b) + "]" for b in self.biases) + "]"
        return f"ReLUNetwork({Ws}, {bs})"

    def __eq__(self, other) -> bool:
        return isinstance(other, ReLUNetwork) and (self.weights, self.biases) == (other.weights, other.biases)

    def __hash__(self) -> int:
        return hash((self.weights, self.biases))

    @property
    def n_inputs(self) -> int:
        return self.widths[0]

    @property
    def n_outputs(self) -> int:
        return self.widths[-1]

    # -- evaluation -----------------------------------------------------------------------
    def _forward(self, x) -> tuple[Vector, tuple[tuple[int, ...], ...]]:
        value = _exact.exact_vector(x, "x", length=self.n_inputs)
        pattern = []
        for l, (W, b) in enumerate(zip(self.weights, self.biases)):
            pre = tuple(_exact.dot(row, value) + bi for row, bi in zip(W, b))
            if l == len(self.weights) - 1:
                return pre, tuple(pattern)
            pattern.append(tuple(int(v > 0) for v in pre))
            value = tuple(max(v, Fraction(0)) for v in pre)
        raise AssertionError("unreachable")

    def __call__(self, x) -> Vector:
        """Exact output at a rational input (a tuple of Fractions)."""
        return self._forward(x)[0]

    def activation_pattern(self, x) -> tuple[tuple[int, ...], ...]:
        """For each hidden layer, 1 where the pre-activation is ``> 0``, else 0.

        Examples
        --------
        >>> ReLUNetwork([[[1], [-1]], [[1, 1]]], [[0, 0], [0]]).activation_pattern((3,))
        ((1, 0),)
        """
        return self._forward(x)[1]

    def tropical(self):
        """The network as a tropical rational function ``G (/) H`` (Zhang–Naitzat–Lim 2018).

        Returns
        -------
        TropicalRational for one output, else a tuple with one per output.

        Examples
        --------
        >>> net = ReLUNetwork([[[1], [-1]], [[1, 1]]], [[0, 0], [0]])    # |x|
        >>> f = net.tropical()
        >>> print(f)
        max(0, 2*x1) - max(x1)
        >>> all(f((v,)) == net((v,))[0] for v in range(-3, 4))
        True
        """
        from ..tropical import relu_network_to_tropical

        functions = relu_network_to_tropical(self.weights, self.biases)
        return functions[0] if len(functions) == 1 else functions

    # -- linear regions -------------------------------------------------------------------
    def _domain_rows(self, domain) -> list[Row]:
        if domain is None:
            return []
        n = self.n_inputs
        if getattr(domain, "ambient_dimension", None) != n:
            raise ValueError(f"domain must be a Polyhedron in Q^{n} (the input space), got {domain!r}")
        if domain.dimension() < n:
            raise ValueError(
                f"domain has dimension {domain.dimension()} < {n}; linear regions are counted by "
                "interior, so pass a full-dimensional domain (parametrize a lower-dimensional one "
                "and compose it with the network)"
            )
        rows = []
        for row, kind, rhs in domain.constraints:
            if kind in (">=", ">"):
                row, rhs, kind = tuple(-v for v in row), -rhs, {">=": "<=", ">": "<"}[kind]
            if any(row):
                rows.append((tuple(row), kind, rhs))
        return rows

    def _activation_regions(self, domain, progress: bool):
        n = self.n_inputs
        base = self._domain_rows(domain)
        witness = point_of(n, [(a, "<", c) for a, _, c in base])
        identity = tuple(tuple(Fraction(int(i == j)) for j in range(n)) for i in range(n))
        # state: (rows, witness, matrix, vector, patterns so far)
        states = [(base, witness, identity, (Fraction(0),) * n, ())]
        with progress_bar(progress, desc="activation regions", unit="split") as bar:
            for W, b in zip(self.weights[:-1], self.biases[:-1]):
                split = []
                for rows, w, M, c, patterns in states:
                    P, q = _affine_compose(W, b, M, c)
                    split.extend(self._split_layer(rows, w, P, q, patterns, bar))
                states = []
                for rows, w, P, q, patterns in split:
                    s = patterns[-1]
                    zero = (Fraction(0),) * n
                    states.append(
                        (
                            rows,
                            w,
                            tuple(r if on else zero for r, on in zip(P, s)),
                            tuple(v if on else Fraction(0) for v, on in zip(q, s)),
                            patterns,
                        )
                    )
        for rows, w, M, c, patterns in states:
            A, d = _affine_compose(self.weights[-1], self.biases[-1], M, c)
            yield rows, w, A, d, patterns

    @staticmethod
    def _split_layer(rows, witness, P, q, patterns, bar):
        n = len(witness)
        pieces = [(rows, witness, ())]
        for a, c in zip(P, q):
            new = []
            for rs, w, s in pieces:
                bar.update()
                if not any(a):
                    new.append((rs, w, s + (int(c > 0),)))
                    continue
                above = (tuple(-v for v in a), "<", c)  # a.x + c > 0, stored as -a.x < c
                below = (a, "<=", -c)
                strictly_below = (a, "<", -c)
                value = _exact.dot(a, w) + c
                interior = [(r, "<", k) for r, _, k in rs]
                if value != 0:
                    new.append((rs + [above if value > 0 else below], w, s + (int(value > 0),)))
                    point = point_of(n, [*interior, above if value < 0 else strictly_below])
                    if point is not None:
                        new.append((rs + [below if value > 0 else above], point, s + (int(value < 0),)))
                else:
                    for side, on in ((above, 1), (below, 0)):
                        point = point_of(n, [*interior, above if on else strictly_below])
                        new.append((rs + [side], point, s + (on,)))
            pieces = new
        for rs, w, s in pieces:
            yield rs, w, P, q, patterns + (s,)

    def linear_regions(
        self, domain=None, *, kind: str = "activation", progress: bool = False
    ) -> Iterator[LinearRegion]:
        """Exact enumeration of the linear regions in input space (see the module docstring for both kinds).

        Parameters
        ----------
        domain : Polyhedron, optional
            A full-dimensional polyhedron in input space; the whole space when omitted.
        kind : {"activation", "affine"}
        progress : bool
            Show a progress bar over the neuron-by-neuron splits.

        Yields
        ------
        LinearRegion
            With half-open polyhedra (domain rows plus ``pre > 0`` / ``pre <= 0``
            rows), the exact affine map, an interior witness and the pattern(s).

        Examples
        --------
        >>> net = ReLUNetwork([[[1], [-1]], [[1, 1]]], [[0, 0], [0]])    # |x|
        >>> [(r.matrix, r.witness) for r in net.linear_regions()]
        [(((Fraction(1, 1),),), (Fraction(1, 1),)), (((Fraction(-1, 1),),), (Fraction(-1, 1),))]
        >>> net = ReLUNetwork([[[1], [1]], [[1, 1]]], [[0, -1], [0]])     # relu(x) + relu(x - 1)
        >>> len(list(net.linear_regions(kind="affine")))
        3

        Notes
        -----
        Regions are split neuron by neuron, layer by layer; the side of a split
        containing the current witness needs no LP, the other side one exact LP
        (:func:`~exactgeom.polyhedra.lp.point_of`, pplpy's simplex) for an
        interior point.
        """
        if kind not in ("activation", "affine"):
            raise ValueError(f'kind must be "activation" or "affine", not {kind!r}')
        n = self.n_inputs
        regions = self._activation_regions(domain, progress)
        if kind == "activation":
            for rows, w, A, d, patterns in regions:
                yield LinearRegion((_polyhedron(rows, n),), A, d, w, (patterns,))
            return
        regions = list(regions)
        parent = list(range(len(regions)))

        def find(i):
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        by_map: dict = {}
        for i, (_, _, A, d, _) in enumerate(regions):
            by_map.setdefault((A, d), []).append(i)
        for members in by_map.values():
            for x, i in enumerate(members):
                for j in members[x + 1 :]:
                    if find(i) == find(j):
                        continue
                    if _polyhedron(_closure(regions[i][0] + regions[j][0]), n).dimension() == n - 1:
                        parent[find(j)] = find(i)
        groups: dict = {}
        for i in range(len(regions)):
            groups.setdefault(find(i), []).append(i)
        for members in groups.values():
            first = regions[members[0]]
            yield LinearRegion(
                tuple(_polyhedron(regions[i][0], n) for i in members),
                first[2],
                first[3],
                first[1],
                tuple(regions[i][4] for i in members),
            )

    def num_linear_regions(self, domain=None, *, kind: str = "activation") -> int:
        """The number of linear regions of the given kind (see :meth:`linear_regions`).

        Examples
        --------
        >>> net = ReLUNetwork([[[1], [1]], [[1, 1]]], [[0, -1], [0]])
        >>> net.num_linear_regions(), net.num_linear_regions(kind="affine")
        (3, 3)
        >>> ReLUNetwork([[[1], [1]], [[1, -1]]], [[0, 0], [0]]).num_linear_regions(kind="affine")
        1
        """
        return sum(1 for _ in self.linear_regions(domain, kind=kind))

    def decision_boundary(self, domain=None) -> list:
        """The zero set ``{x : f(x) = 0}`` of a scalar-output network, as closed polyhedra.

        One piece per activation region ``R`` where the zero set meets it: the
        closure of ``R`` intersected with ``{a . x + c = 0}`` for the region's map
        (the whole closure when the map is identically 0).  Closures of the
        activation regions cover the domain and the map extends continuously,
        so the union of the pieces is exactly the zero set in the closed domain.

        Examples
        --------
        >>> net = ReLUNetwork([[[1, 0], [0, 1]], [[1, 1]]], [[0, 0], [-1]])   # relu(x)+relu(y)-1
        >>> sorted(P.dimension() for P in net.decision_boundary())
        [1, 1, 1]
        """
        if self.n_outputs != 1:
            raise ValueError(
                f"the decision boundary needs a scalar output; this network has {self.n_outputs}"
            )
        n = self.n_inputs
        pieces = []
        for rows, _, A, d, _ in self._activation_regions(domain, False):
            piece = _polyhedron([*_closure(rows), (A[0], "==", -d[0])], n)
            if not piece.is_empty():
                pieces.append(piece)
        return pieces
