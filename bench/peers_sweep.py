#!/usr/bin/python3
"""PyTorch on one thread over the grid of Dendrite's sweep (EpochBenchmark.sweep): GFLOP/s of a
training epoch of 784-h-h-10 ReLU/softmax, SGD 0.01, for batch 32, 128, 512 and h = 64 ... 2048,
in float64 and float32; the epoch is a second one (after a warm-up) over as many samples of the
synthetic N(0,1) data as make about 12 GFLOP of products, counted as Dendrite counts them
(2.n.k.m per product: forward, each dW, and each dA but dA[0]). One RESULT line per point."""
import time
import numpy as np
import torch

WIDTHS, BATCHES, FLOPS = (64, 128, 256, 512, 1024, 2048), (32, 128, 512), 12e9
torch.set_num_threads(1)

def per_sample(widths):
    forward = sum(widths[l] * widths[l - 1] for l in range(1, len(widths)))
    dw = forward
    da = sum(widths[l] * widths[l - 1] for l in range(2, len(widths)))
    return 2.0 * (forward + dw + da)

def samples(widths, batch):
    batches = max(8, round(FLOPS / per_sample(widths) / batch))
    return min(60000 // batch * batch, batches * batch)

def epoch(net, opt, loss, X, y, batch):
    t0 = time.perf_counter()
    for idx in torch.randperm(len(X)).split(batch):
        opt.zero_grad(); loss(net(X[idx]), y[idx]).backward(); opt.step()
    return time.perf_counter() - t0

rng = np.random.default_rng(0)
X_all = rng.standard_normal((60000, 784)); y_all = rng.integers(0, 10, 60000)
for name, dtype in (('float64', torch.float64), ('float32', torch.float32)):
    Xd, yd = torch.tensor(X_all, dtype=dtype), torch.tensor(y_all)
    for batch in BATCHES:
        for h in WIDTHS:
            widths = (784, h, h, 10); m = samples(widths, batch)
            torch.manual_seed(1)
            net = torch.nn.Sequential(torch.nn.Linear(784, h), torch.nn.ReLU(), torch.nn.Linear(h, h), torch.nn.ReLU(),
                                      torch.nn.Linear(h, 10)).to(dtype)
            opt = torch.optim.SGD(net.parameters(), lr=0.01); loss = torch.nn.CrossEntropyLoss()
            X, y = Xd[:m], yd[:m]
            epoch(net, opt, loss, X, y, batch)
            t = epoch(net, opt, loss, X, y, batch)
            print(f'RESULT torch-1thread sweep precision={name} batch={batch} width={h} samples={m} time={t:.3f}s'
                  f' gflops={per_sample(widths) * m / t / 1e9:.1f}', flush=True)
