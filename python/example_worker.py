"""An example threadgate worker: the PyTorch article's 256×256 matmul, kept warm.

    threadgate sweep --worker "python3 example_worker.py" --threads 1,2,4

Replace setup() with your own: load the model once, return the call to time.
"""

from threadgate_worker import serve


def setup():
    import torch  # imported after serve() has set torch's thread count

    a = torch.randn(256, 256)
    b = torch.randn(256, 256)
    return lambda: a @ b


if __name__ == "__main__":
    serve(setup)
