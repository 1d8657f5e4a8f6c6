"""Values from the literature (shared/REFERENCE.md, the seeds) that several test modules check against."""

import sympy as sp

Y = sp.symbols("y1:7")
y1, y2, y3, y4, y5, y6 = Y

#: Lightning self-attention (token dim 2, 2 tokens, 2x2 attention, output dim 1): its neuromanifold
#: is this quartic hypersurface, the resultant of y1 x^2 + y2 xz + y3 z^2 and y4 x^2 + y5 xz + y6 z^2.
LIGHTNING_QUARTIC = (
    y1**2 * y6**2
    + y4**2 * y3**2
    + y1 * y3 * y5**2
    + y2**2 * y4 * y6
    - 2 * y1 * y4 * y3 * y6
    - y2 * y1 * y6 * y5
    - y2 * y4 * y3 * y5
)
