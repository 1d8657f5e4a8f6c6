"""Time limits in tests that must not depend on the machine's speed.

The verifier and the parser bound their work by counted steps, not by seconds, so a test asserts
the verdict and only guards against a hang: :data:`LIMIT` is a generous CPU-time guard (60 s).
The issue's target — every hostile input decided within 2 s — is measured by running the same
tests with ``EXACTGEOM_STRICT_TIMING=1`` (``python3 dev.py bench hostile`` does so), on a machine
that is not loaded.
"""

import os
import time

TARGET_SECONDS = 2.0
LIMIT = TARGET_SECONDS if os.environ.get("EXACTGEOM_STRICT_TIMING") == "1" else 60.0


def clock() -> float:
    """CPU seconds of this process (less sensitive to other load than the wall clock)."""
    return time.process_time()


def rejected_quickly(cert) -> str:
    """Verify ``cert``, require the verdict "rejected" within :data:`LIMIT`, return the message."""
    from exactgeom.certificates import verify

    start = clock()
    v = verify(cert)
    assert clock() - start < LIMIT, v.message
    assert v.status == "rejected", v
    return v.message
