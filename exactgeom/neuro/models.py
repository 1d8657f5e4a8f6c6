"""Network architectures as polynomial parametrizations.

Each model is a :class:`~exactgeom.neuro.parametrization.Parametrization`:
weights ↦ coefficients of the polynomials the network computes, in a
monomial basis of the output space, together with its known continuous
symmetries (used as certified upper bounds for the dimension).

Conventions: weight matrices W_l ∈ Q^{d_l × d_{l−1}} act on column vectors;
coordinates of a polynomial output are its coefficients on the monomials of
the relevant degrees, degree by degree, lexicographically descending inside a
degree (x1^2, x1*x2, x2^2, …), output component by component.

Examples
--------
>>> M = PolynomialMLP((2, 2, 1), 2)
>>> M.polys[1]
2*w1_1_1*w1_1_2*w2_1_1 + 2*w1_2_1*w1_2_2*w2_1_2
>>> M.is_filling()
True

References
----------
K. Kohn, T. Merkh, G. Montúfar and M. Trager, *Geometry of linear convolutional networks*,
SIAM J. Appl. Algebra Geom. 6 (2022).
G. L. Marchetti, V. Shahverdi, S. Mereta, M. Trager and K. Kohn, *Position: algebra unveils
deep learning — an invitation to neuroalgebraic geometry*, ICML 2025.
"""

from __future__ import annotations

from fractions import Fraction
from math import comb, prod

import flint
import sympy as sp

from .._exact import mpoly_bytes, refuse_above_memory, to_fmpq
from ..algebra.polynomial_map import monomials as list_monomials
from ..expressions import as_expression
from .parametrization import Parametrization

__all__ = ["PolynomialMLP", "LinearNetwork", "LinearConvNetwork", "PolynomialCNN", "LightningAttention"]


def _activation_coefficients(activation) -> dict[int, Fraction]:
    if isinstance(activation, bool):
        raise TypeError("activation must be an int r (for x**r) or a univariate polynomial, not a bool")
    if isinstance(activation, int):
        if activation < 1:
            raise ValueError(f"activation exponent must be at least 1, not {activation}")
        return {activation: Fraction(1)}
    expr = as_expression(activation, where="activation")
    if expr.atoms(sp.Float):
        raise TypeError("activation contains a float; write its coefficients as exact rationals")
    free = expr.free_symbols
    if len(free) > 1:
        raise ValueError(f"activation must be univariate; it has the variables {sorted(free, key=str)}")
    if not free:
        raise ValueError("activation is constant; the network would be constant")
    (t,) = free
    poly = sp.Poly(expr, t, domain="QQ")
    out = {m[0]: Fraction(int(c.numerator), int(c.denominator)) for m, c in poly.terms()}
    if max(out) < 1:
        raise ValueError("activation must have positive degree")
    return out


def _split_by_inputs(outputs, n_params: int, n_inputs: int, degrees, params_ctx):
    """Coefficients of polynomial outputs (in params + inputs) on the monomial basis of the inputs."""
    monomials = [m for d in sorted(degrees) for m in list_monomials(n_inputs, d, d)]
    polys = []
    basis_index = []
    for o, f in enumerate(outputs):
        buckets: dict = {}
        for exps, c in f.to_dict().items():
            buckets.setdefault(tuple(exps[n_params:]), {})[tuple(exps[:n_params])] = c
        extra = set(buckets) - set(monomials)
        if extra:
            raise AssertionError(f"unexpected output monomials {sorted(extra)}")
        for m in monomials:
            polys.append(params_ctx.from_dict(buckets.get(m, {})))
            basis_index.append((o, m))
    return polys, basis_index


def _basis_expressions(basis_index, inputs, n_outputs):
    basis = []
    for o, m in basis_index:
        mono = sp.Mul(*[x**e for x, e in zip(inputs, m)])
        basis.append(tuple(mono if k == o else sp.Integer(0) for k in range(n_outputs)))
    return tuple(basis)


def _refuse_large_model(label, *, nvars, n_params, peak_terms, output_terms, n_outputs, coordinates,
                        components):
    """Refuse (TooLarge) a model whose polynomials would not fit in memory, before flint allocates them.

    Terms are counted from the sizes alone: ``peak_terms`` is the most terms held at once while the
    network is composed (in ``nvars`` variables), ``output_terms`` those of one output polynomial
    (converted to a Python dict), ``coordinates`` the monomial basis of the outputs, each with
    ``components`` sympy entries.  flint aborts the process when an allocation fails, so this is
    the only point where the size can still be refused.
    """
    nbytes = (
        mpoly_bytes(peak_terms, nvars)
        + output_terms * (8 * nvars + 150)
        + mpoly_bytes(n_outputs * output_terms, n_params)
        + coordinates * (8 * components + 400)
    )
    refuse_above_memory(
        nbytes,
        f"{label} has {peak_terms} polynomial terms in {nvars} variables while it is composed "
        f"(up to {output_terms} per output) and {coordinates} output coordinates; it",
    )


def _power_terms(terms: int, exponents) -> int:
    """Terms of Σ_e c_e z^e for z with ``terms`` terms: at most one per multiset of e terms of z."""
    return sum(comb(terms + e - 1, e) for e in exponents)


def _sumset(degrees: set, e: int) -> set:
    """The sums of e elements of ``degrees`` (repetition allowed), by e − 1 sumsets."""
    out = {0}
    for _ in range(e):
        out = {a + b for a in out for b in degrees}
    return out


def _refuse_large_mlp(widths, exponents, bias, n_params):
    L = len(widths) - 1
    terms, peak, degrees = 1, 0, {1}
    for l in range(1, L + 1):
        z_terms = widths[l - 1] * terms + (1 if bias else 0)
        if bias:
            degrees = degrees | {0}
        if l < L:
            new = _power_terms(z_terms, exponents)
            peak = max(peak, widths[l - 1] * terms + widths[l] * (z_terms + new))
            terms = new
            degrees = set().union(*(_sumset(degrees, e) for e in exponents))
        else:
            peak = max(peak, widths[l - 1] * terms + widths[l] * z_terms)
            terms = z_terms
    n = widths[0]
    coordinates = widths[-1] * sum(comb(n + d - 1, d) for d in degrees)
    _refuse_large_model(
        f"PolynomialMLP{widths}",
        nvars=n_params + n,
        n_params=n_params,
        peak_terms=peak,
        output_terms=terms,
        n_outputs=widths[-1],
        coordinates=coordinates,
        components=widths[-1] + n,
    )


def _check_widths(widths, name="widths"):
    widths = tuple(widths)
    if len(widths) < 2 or any(isinstance(w, bool) or not isinstance(w, int) or w < 1 for w in widths):
        raise ValueError(
            f"{name} must be a sequence of at least two positive ints, e.g. (2, 2, 1); got {widths}"
        )
    return widths


class _Model(Parametrization):
    """A Parametrization built from an architecture, with polynomial symmetry vector fields."""

    def _build(self, param_names, combined_outputs, n_inputs, degrees, input_names, name):
        P = len(param_names)
        params_ctx = flint.fmpq_mpoly_ctx.get(tuple(param_names), "degrevlex")
        polys, basis_index = _split_by_inputs(combined_outputs, P, n_inputs, degrees, params_ctx)
        inputs = sp.symbols(list(input_names))
        params = sp.symbols(list(param_names))
        basis = _basis_expressions(basis_index, inputs, len(combined_outputs))
        self._set_map(params, polys, ring=params_ctx)
        self._describe(basis, tuple(inputs), None, name)
        self._fields = ()

    def _field(self, entries):
        """A vector field from {param index: polynomial in params}."""
        zero = self.zero()
        return tuple(entries.get(j, zero) for j in range(self.num_variables))

    def symmetries(self) -> tuple:
        return self._fields


class PolynomialMLP(_Model):
    """Fully connected network x ↦ W_L σ(… σ(W_1 x + b_1) …) + b_L with a polynomial activation σ.

    Parameters
    ----------
    widths : sequence of int
        (d_0, d_1, …, d_L): input width, hidden widths, output width.
    activation : int or univariate sympy polynomial
        r for σ(x) = x^r, or a polynomial such as ``t**2 + t``.
    bias : bool
        Whether every layer has a bias vector.

    Notes
    -----
    Parameters are named ``w{l}_{i}_{j}`` (layer l, row i, column j, 1-based) and
    ``b{l}_{i}``.  For σ = x^r each hidden neuron has the scaling symmetry
    (incoming weights × λ, outgoing × λ^{−r}); with d_L outputs the expected
    dimension min(#params − #hidden neurons, ambient) is that of Kileel, Trager
    and Bruna (NeurIPS 2019).

    Examples
    --------
    >>> M = PolynomialMLP((2, 2, 1), 3)
    >>> M.ambient_dimension(), M.expected_dimension(), M.dimension().value
    (4, 4, 4)
    >>> PolynomialMLP((1, 1, 1), "t**2 + t", bias=True).basis
    ((1,), (x1,), (x1**2,))
    """

    def __init__(self, widths, activation, bias: bool = False):
        widths = _check_widths(widths)
        coeffs = _activation_coefficients(activation)
        L = len(widths) - 1
        names = []
        for l in range(1, L + 1):
            names += [f"w{l}_{i + 1}_{j + 1}" for i in range(widths[l]) for j in range(widths[l - 1])]
            if bias:
                names += [f"b{l}_{i + 1}" for i in range(widths[l])]
        _refuse_large_mlp(widths, sorted(coeffs), bias, len(names))
        input_names = [f"x{j + 1}" for j in range(widths[0])]
        ctx = flint.fmpq_mpoly_ctx.get(tuple(names + input_names), "degrevlex")
        gens = ctx.gens()
        position = {n: k for k, n in enumerate(names)}
        h = list(gens[len(names) :])
        degrees = {1}
        for l in range(1, L + 1):
            z = []
            for i in range(widths[l]):
                s = sum(
                    (gens[position[f"w{l}_{i + 1}_{j + 1}"]] * h[j] for j in range(widths[l - 1])),
                    ctx.from_dict({}),
                )
                if bias:
                    s += gens[position[f"b{l}_{i + 1}"]]
                z.append(s)
            if bias:
                degrees = degrees | {0}
            if l < L:
                h = [
                    sum(
                        (to_fmpq(c) * zi**e for e, c in coeffs.items()),
                        ctx.from_dict({}),
                    )
                    for zi in z
                ]
                degrees = set().union(*(_sumset(degrees, e) for e in coeffs))
            else:
                h = z
        self.widths, self.activation, self.bias = widths, coeffs, bias
        self._build(names, h, widths[0], degrees, input_names, f"PolynomialMLP{widths}")
        fields = []
        if len(coeffs) == 1:
            (r,) = coeffs
            for l in range(1, L):
                for i in range(widths[l]):
                    entries = {}
                    for j in range(widths[l - 1]):
                        k = position[f"w{l}_{i + 1}_{j + 1}"]
                        entries[k] = self.ring.gens()[k]
                    if bias:
                        k = position[f"b{l}_{i + 1}"]
                        entries[k] = self.ring.gens()[k]
                    for o in range(widths[l + 1]):
                        k = position[f"w{l + 1}_{o + 1}_{i + 1}"]
                        entries[k] = -r * self.ring.gens()[k]
                    fields.append(self._field(entries))
        self._fields = tuple(fields)


class LinearNetwork(_Model):
    """Linear network x ↦ W_L ⋯ W_1 x; coordinates are the entries of the product, row by row.

    The neuromanifold is the determinantal variety of d_L × d_0 matrices of rank
    ≤ min(widths).

    Examples
    --------
    >>> N = LinearNetwork((2, 1, 2))
    >>> N.ambient_dimension(), N.expected_dimension(), N.dimension().value
    (4, 3, 3)
    """

    def __init__(self, widths):
        widths = _check_widths(widths)
        L = len(widths) - 1
        names = [
            f"w{l}_{i + 1}_{j + 1}"
            for l in range(1, L + 1)
            for i in range(widths[l])
            for j in range(widths[l - 1])
        ]
        _refuse_large_model(
            f"LinearNetwork{widths}",
            nvars=len(names) + widths[0],
            n_params=len(names),
            peak_terms=max(widths[l] * prod(widths[:l]) for l in range(1, L + 1)),
            output_terms=prod(widths[:-1]),
            n_outputs=widths[-1],
            coordinates=widths[-1] * widths[0],
            components=widths[-1] + widths[0],
        )
        input_names = [f"x{j + 1}" for j in range(widths[0])]
        ctx = flint.fmpq_mpoly_ctx.get(tuple(names + input_names), "degrevlex")
        gens = ctx.gens()
        position = {n: k for k, n in enumerate(names)}
        h = list(gens[len(names) :])
        for l in range(1, L + 1):
            h = [
                sum(
                    (gens[position[f"w{l}_{i + 1}_{j + 1}"]] * h[j] for j in range(widths[l - 1])),
                    ctx.from_dict({}),
                )
                for i in range(widths[l])
            ]
        self.widths = widths
        self._build(names, h, widths[0], {1}, input_names, f"LinearNetwork{widths}")
        g = self.ring.gens()
        fields = []
        for l in range(1, L):
            for a in range(widths[l]):
                for b in range(widths[l]):
                    entries = {}
                    for j in range(widths[l - 1]):
                        entries[position[f"w{l}_{a + 1}_{j + 1}"]] = g[position[f"w{l}_{b + 1}_{j + 1}"]]
                    for k in range(widths[l + 1]):
                        key = position[f"w{l + 1}_{k + 1}_{b + 1}"]
                        entries[key] = entries.get(key, 0 * g[0]) - g[position[f"w{l + 1}_{k + 1}_{a + 1}"]]
                    fields.append(self._field(entries))
        self._fields = tuple(fields)

    def expected_dimension(self) -> int:
        """r(d_0 + d_L − r) with r = min(widths): the dimension of the determinantal variety."""
        r = min(self.widths)
        return r * (self.widths[0] + self.widths[-1] - r)


def _conv_lengths(kernel_sizes, strides, input_length):
    kernel_sizes, strides = tuple(kernel_sizes), tuple(strides)
    if len(kernel_sizes) != len(strides) or not kernel_sizes:
        raise ValueError(
            f"kernel_sizes {kernel_sizes} and strides {strides} must be non-empty and of equal length"
        )
    for name, seq in (("kernel_sizes", kernel_sizes), ("strides", strides)):
        if any(isinstance(v, bool) or not isinstance(v, int) or v < 1 for v in seq):
            raise ValueError(f"{name} must contain positive ints; got {seq}")
    if input_length is None:
        n = 1
        for k, s in reversed(list(zip(kernel_sizes, strides))):
            n = s * (n - 1) + k
        input_length = n
    lengths = [input_length]
    for k, s in zip(kernel_sizes, strides):
        if lengths[-1] < k:
            raise ValueError(f"input length {input_length} is too short for kernel sizes {kernel_sizes}")
        lengths.append((lengths[-1] - k) // s + 1)
    return kernel_sizes, strides, lengths


def _convolve(w, x, stride, zero):
    n_out = (len(x) - len(w)) // stride + 1
    return [sum((w[a] * x[j * stride + a] for a in range(len(w))), zero) for j in range(n_out)]


class _Convolutional(_Model):
    def _setup(self, kernel_sizes, strides, degree, input_length, label):
        kernel_sizes, strides, lengths = _conv_lengths(kernel_sizes, strides, input_length)
        L = len(kernel_sizes)
        names = [f"w{l + 1}_{a + 1}" for l in range(L) for a in range(kernel_sizes[l])]
        terms, peak = 1, 0
        for l in range(L):
            z_terms = kernel_sizes[l] * terms
            terms = _power_terms(z_terms, [degree]) if l < L - 1 and degree > 1 else z_terms
            peak = max(peak, lengths[l + 1] * (z_terms + terms))
        _refuse_large_model(
            label,
            nvars=len(names) + lengths[0],
            n_params=len(names),
            peak_terms=peak,
            output_terms=terms,
            n_outputs=lengths[-1],
            coordinates=lengths[-1] * comb(lengths[0] + degree ** (L - 1) - 1, degree ** (L - 1)),
            components=lengths[-1] + lengths[0],
        )
        input_names = [f"x{j + 1}" for j in range(lengths[0])]
        ctx = flint.fmpq_mpoly_ctx.get(tuple(names + input_names), "degrevlex")
        gens = ctx.gens()
        zero = ctx.from_dict({})
        h = list(gens[len(names) :])
        offset = 0
        for l in range(L):
            w = gens[offset : offset + kernel_sizes[l]]
            offset += kernel_sizes[l]
            h = _convolve(w, h, strides[l], zero)
            if l < L - 1 and degree > 1:
                h = [z**degree for z in h]
        self.kernel_sizes, self.strides, self.lengths = kernel_sizes, strides, tuple(lengths)
        self._build(names, h, lengths[0], {degree ** (L - 1)}, input_names, label)
        g = self.ring.gens()
        fields, offset = [], 0
        for l in range(L - 1):
            entries = {offset + a: g[offset + a] for a in range(kernel_sizes[l])}
            nxt = offset + kernel_sizes[l]
            for a in range(kernel_sizes[l + 1]):
                entries[nxt + a] = -degree * g[nxt + a]
            fields.append(self._field(entries))
            offset = nxt
        self._fields = tuple(fields)


class LinearConvNetwork(_Convolutional):
    """Linear 1D convolutional network: filters w_l of sizes k_l with strides s_l, composed.

    ``input_length`` defaults to the shortest input giving one output; the
    coordinates are the entries of the end-to-end linear map (outputs × inputs).
    With stride 1 and one output the end-to-end filter is the product of the
    filter polynomials (Kohn, Merkh, Montúfar, Trager 2022).

    Examples
    --------
    >>> C = LinearConvNetwork((2, 2), (1, 1))
    >>> C.polys
    (w1_1*w2_1, w1_1*w2_2 + w1_2*w2_1, w1_2*w2_2)
    >>> C.dimension().value
    3
    """

    def __init__(self, kernel_sizes, strides, input_length: int | None = None):
        self._setup(
            kernel_sizes,
            strides,
            1,
            input_length,
            f"LinearConvNetwork(kernel_sizes={tuple(kernel_sizes)}, strides={tuple(strides)})",
        )


class PolynomialCNN(_Convolutional):
    """1D convolutional net, activation x^degree after all but the last layer (parameter-spaces note ex. 2).

    Outputs are homogeneous polynomials of degree degree^(L−1) in the input;
    each consecutive pair of filters carries a scaling symmetry, so the
    expected dimension is Σ k_l − (L − 1) (Shahverdi, Marchetti, Kohn 2025).

    Examples
    --------
    >>> C = PolynomialCNN((2, 2, 2), (1, 1, 1), 2)
    >>> C.lengths, C.ambient_dimension(), C.dimension().value
    ((4, 3, 2, 1), 35, 4)
    """

    def __init__(self, kernel_sizes, strides, degree: int, input_length: int | None = None):
        if isinstance(degree, bool) or not isinstance(degree, int) or degree < 1:
            raise ValueError(f"degree must be a positive int, not {degree!r}")
        self.degree = degree
        self._setup(
            kernel_sizes,
            strides,
            degree,
            input_length,
            f"PolynomialCNN(kernel_sizes={tuple(kernel_sizes)}, strides={tuple(strides)}, degree={degree})",
        )


class LightningAttention(_Model):
    """Single-head lightning self-attention X ↦ V X Xᵀ Kᵀ Q X (no softmax).

    X ∈ Q^{d×t} (columns are the t tokens x_1..x_t), V ∈ Q^{d'×d},
    K, Q ∈ Q^{a×d}; A = KᵀQ.  Output entry (o, j) is
    Σ_k Σ_m q_{o,m}(x_k) x_{j,m} with the binary (d-ary) quadrics
    q_{o,m}(w) = (V_o·w)(A_{:,m}·w).  The coordinates are the coefficients
    y_{o,m,(i≤l)} of the q_{o,m}: output o, then column m, then the monomials
    w_i w_l (i ≤ l).  For t ≥ 2 tokens they are coefficients of the output
    polynomials themselves (of x_{k,i} x_{k,l} x_{j,m}, k ≠ j), so the map from
    coordinates to functions is injective.

    For d = 2, a = 2, d' = 1 the neuromanifold is the resultant quartic of
    REFERENCE.md §5.

    Examples
    --------
    >>> M = LightningAttention(2, 2, 2, 1)
    >>> len(M.params), M.ambient_dimension(), M.dimension().value
    (10, 6, 5)
    """

    def __init__(self, token_dim: int, tokens: int, attention_dim: int, out_dim: int):
        for label, v in (
            ("token_dim", token_dim),
            ("tokens", tokens),
            ("attention_dim", attention_dim),
            ("out_dim", out_dim),
        ):
            if isinstance(v, bool) or not isinstance(v, int) or v < 1:
                raise ValueError(f"{label} must be a positive int, not {v!r}")
        d, t, a, dout = token_dim, tokens, attention_dim, out_dim
        n_coordinates = dout * d * d * (d + 1) // 2
        _refuse_large_model(
            f"LightningAttention(token_dim={d}, tokens={t}, attention_dim={a}, out_dim={dout})",
            nvars=d * (dout + 2 * a),
            n_params=d * (dout + 2 * a),
            peak_terms=n_coordinates * 2 * a + d * d * a,
            output_terms=2 * a,
            n_outputs=n_coordinates,
            coordinates=n_coordinates,
            # each coordinate's basis entry: dout * t components, t of them sums of t cubic terms
            components=dout * t + 4 * t * t,
        )
        names = (
            [f"v_{o + 1}_{i + 1}" for o in range(dout) for i in range(d)]
            + [f"k_{p + 1}_{i + 1}" for p in range(a) for i in range(d)]
            + [f"q_{p + 1}_{i + 1}" for p in range(a) for i in range(d)]
        )
        ctx = flint.fmpq_mpoly_ctx.get(tuple(names), "degrevlex")
        g = ctx.gens()
        pos = {n: k for k, n in enumerate(names)}
        V = [[g[pos[f"v_{o + 1}_{i + 1}"]] for i in range(d)] for o in range(dout)]
        K = [[g[pos[f"k_{p + 1}_{i + 1}"]] for i in range(d)] for p in range(a)]
        Qm = [[g[pos[f"q_{p + 1}_{i + 1}"]] for i in range(d)] for p in range(a)]
        zero = ctx.from_dict({})
        A = [[sum((K[p][l] * Qm[p][m] for p in range(a)), zero) for m in range(d)] for l in range(d)]
        pairs = [(i, l) for i in range(d) for l in range(i, d)]
        polys, labels = [], []
        for o in range(dout):
            for m in range(d):
                for i, l in pairs:
                    polys.append(V[o][i] * A[i][m] if i == l else V[o][i] * A[l][m] + V[o][l] * A[i][m])
                    labels.append((o, m, i, l))
        X = [[sp.Symbol(f"x{k + 1}_{i + 1}") for i in range(d)] for k in range(t)]
        basis = []
        for o, m, i, l in labels:
            comps = []
            for oo in range(dout):
                for j in range(t):
                    comps.append(
                        sum(X[k][i] * X[k][l] * X[j][m] for k in range(t)) if oo == o else sp.Integer(0)
                    )
            basis.append(tuple(comps))
        self.token_dim, self.tokens, self.attention_dim, self.out_dim = d, t, a, dout
        self.labels = tuple(labels)
        inputs = tuple(x for row in X for x in row)
        self._set_map(tuple(sp.symbols(names)), polys, ring=ctx)
        self._describe(
            tuple(basis),
            inputs,
            None,
            f"LightningAttention(token_dim={d}, tokens={t}, attention_dim={a}, out_dim={dout})",
        )
        fields = []
        for p in range(a):
            for r in range(a):
                entries = {}
                for i in range(d):
                    entries[pos[f"k_{p + 1}_{i + 1}"]] = g[pos[f"k_{r + 1}_{i + 1}"]]
                    key = pos[f"q_{r + 1}_{i + 1}"]
                    entries[key] = entries.get(key, zero) - g[pos[f"q_{p + 1}_{i + 1}"]]
                fields.append(self._field(entries))
        scale = {
            pos[f"v_{o + 1}_{i + 1}"]: g[pos[f"v_{o + 1}_{i + 1}"]] for o in range(dout) for i in range(d)
        }
        scale.update(
            {pos[f"k_{p + 1}_{i + 1}"]: -g[pos[f"k_{p + 1}_{i + 1}"]] for p in range(a) for i in range(d)}
        )
        fields.append(self._field(scale))
        self._fields = tuple(fields)
