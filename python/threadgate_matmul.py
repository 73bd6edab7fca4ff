"""threadgate's built-in MatMul in PyTorch (``threadgate sweep --engine torch``): one float32
product of an M×K and a K×N matrix per call, written into a preallocated output, served through
the worker protocol (threadgate_worker.py).

Usage: python3 threadgate_matmul.py M K N [SEED] [OPS]
OPS products per call (default 1): threadgate raises it for small shapes so that a call is long
enough to time well; it divides each call's time by OPS.
"""

import sys

from threadgate_worker import serve


def main(argv):
    if len(argv) not in (3, 4, 5) or not all(a.isdigit() and int(a) > 0 for a in argv):
        sys.stderr.write(__doc__)
        sys.exit(2)
    m, k, n = (int(a) for a in argv[:3])
    seed = int(argv[3]) if len(argv) > 3 else 1
    ops = int(argv[4]) if len(argv) > 4 else 1

    def setup():
        try:
            import torch  # noqa: PLC0415
        except ImportError as e:
            raise RuntimeError(
                "PyTorch is not installed for this Python "
                f"({sys.executable}): pip install torch, or apt-get install python3-torch"
            ) from e
        g = torch.Generator().manual_seed(seed)
        a = torch.randn(m, k, generator=g, dtype=torch.float32)
        b = torch.randn(k, n, generator=g, dtype=torch.float32)
        out = torch.empty(m, n, dtype=torch.float32)
        mm = torch.matmul

        if ops == 1:
            return lambda: mm(a, b, out=out)

        def many():
            for _ in range(ops):
                mm(a, b, out=out)

        return many

    serve(setup, use_torch=True)


if __name__ == "__main__":
    main(sys.argv[1:])
