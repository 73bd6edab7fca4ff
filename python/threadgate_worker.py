"""threadgate worker helper: the worker protocol, version 1, for Python programs.

threadgate (``threadgate sweep --worker "python3 my_worker.py"``) starts a worker once per
session with the thread count in its environment, waits until it is ready, asks it for batches of
timed calls, and ends it. With this helper a worker is its setup and its call::

    from threadgate_worker import serve

    def setup():
        import torch
        a, b = torch.randn(256, 256), torch.randn(256, 256)
        return lambda: a @ b          # the call threadgate times

    serve(setup)

threadgate puts this file's folder on PYTHONPATH for the worker, so ``import threadgate_worker``
works without copying it (``npx threadgate worker-path`` prints where it is; ``threadgate
init-worker`` copies it and an example next to your code). Standard library only.

What serve() does:

- reads the thread count from THREADGATE_THREADS (threadgate sets it, and OMP_NUM_THREADS and its
  kin, to the count of the session);
- when PyTorch is installed, calls ``torch.set_num_threads(count)`` before ``setup()`` runs (and
  ``torch.set_num_interop_threads`` from THREADGATE_INTEROP_THREADS when that is set), then reports
  ``torch.get_num_threads()`` back, so the results record the thread count the runtime really
  used; threadgate refuses a session whose runtime reports another count;
- keeps the protocol on its own copy of standard output: ``print()`` in your code goes to
  standard error, which threadgate shows when something fails.

The protocol (one UTF-8 line each way; see the README, "Worker protocol"):

    worker -> threadgate-worker/1 ready {"threads": 2, "engine": {...} or null}
    host   -> run 50
    worker -> ok 4912345 4901234 ... (50 integers: each call's time in nanoseconds)
    host   -> quit                      (or standard input closes: the worker exits 0)
    worker -> threadgate-worker/1 error {"message": "..."}   (setup failed; exit 1)
    worker -> error <message>                                   (a call failed; exit 1)
"""

import importlib.util
import json
import os
import sys
import time
import traceback

PROTOCOL = "threadgate-worker/1"
MAX_CALLS = 100_000


def _count(name):
    text = os.environ.get(name, "").strip()
    if text == "":
        return None
    if not text.isdigit() or int(text) < 1:
        raise ValueError(f"{name}={text!r}: expected a positive integer")
    return int(text)


def _torch_info(torch):
    try:
        parallel = torch.__config__.parallel_info()
    except Exception:  # noqa: BLE001 - an old or unusual build: report what there is
        parallel = ""
    backend = ""
    for line in parallel.splitlines():
        if line.startswith("ATen parallel backend:"):
            backend = line.split(":", 1)[1].strip()
    return {
        "name": "torch",
        "version": str(torch.__version__),
        "parallelBackend": backend,
        "parallelInfo": parallel[:2000],
    }


def serve(setup, *, engine=None, use_torch=None):
    """Run the worker protocol: set up once, then answer threadgate's requests until it quits.

    setup: a function of no arguments that loads what the call needs and returns the call (a
    function of no arguments; its return value is ignored).
    engine: what to report as the engine, e.g. {"name": "mylib", "version": "1.2"}; default: torch
    when PyTorch is used, else none.
    use_torch: True/False to force; None (default) uses PyTorch when it is installed.
    """
    proto = os.fdopen(os.dup(1), "w", buffering=1, encoding="utf-8", newline="\n")
    os.dup2(2, 1)  # the user's print() goes to standard error from here on
    sys.stdout = sys.stderr

    def say(line):
        proto.write(line + "\n")
        proto.flush()

    def fail_setup(message):
        say(f"{PROTOCOL} error " + json.dumps({"message": message[:4000]}))
        sys.exit(1)

    try:
        threads = _count("THREADGATE_THREADS")
        interop = _count("THREADGATE_INTEROP_THREADS")
    except ValueError as e:
        fail_setup(str(e))
    torch = None
    if use_torch or (use_torch is None and importlib.util.find_spec("torch") is not None):
        try:
            import torch  # noqa: PLC0415 - only when present
        except Exception as e:  # noqa: BLE001
            fail_setup(
                f"cannot import torch in {sys.executable} ({type(e).__name__}: {e}); install "
                "PyTorch for this Python (pip install torch, or apt-get install python3-torch)"
            )
        if threads is not None:
            torch.set_num_threads(threads)
        if interop is not None:
            torch.set_num_interop_threads(interop)
    try:
        call = setup()
    except Exception as e:  # noqa: BLE001
        traceback.print_exc()
        fail_setup(f"setup failed: {type(e).__name__}: {e}")
    if not callable(call):
        fail_setup(f"setup() returned {type(call).__name__}; expected the function to time")
    reported = torch.get_num_threads() if torch is not None else None
    info = engine if engine is not None else (_torch_info(torch) if torch is not None else None)
    say(f"{PROTOCOL} ready " + json.dumps({"threads": reported, "engine": info}))

    clock = time.perf_counter_ns
    for raw in sys.stdin.buffer:
        request = raw.decode("utf-8", "replace").strip()
        if request == "quit":
            break
        parts = request.split()
        if len(parts) != 2 or parts[0] != "run" or not parts[1].isdigit():
            say(f"error unknown request {request[:80]!r}; expected 'run N' or 'quit'")
            sys.exit(1)
        n = int(parts[1])
        if not 1 <= n <= MAX_CALLS:
            say(f"error run {n}: expected 1 to {MAX_CALLS} calls")
            sys.exit(1)
        times = []
        try:
            for _ in range(n):
                t0 = clock()
                call()
                times.append(clock() - t0)
        except Exception as e:  # noqa: BLE001
            traceback.print_exc()
            say(f"error the call failed: {type(e).__name__}: {e}".replace("\n", " ")[:4000])
            sys.exit(1)
        say("ok " + " ".join(map(str, times)))
    proto.close()


if __name__ == "__main__":
    sys.stderr.write(__doc__)
    sys.exit(2)
