"""The CSV peer of bench/csv: pandas' read_csv (C engine) on the same file, then the same 80/20
split and standardisation Dendrite does, timed as one; the heap is the process's peak resident
memory growth during the load (pandas keeps its data off the Python heap)."""
import resource
import sys
import time

import numpy as np
import pandas as pd


def peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(path, runs):
    import os
    mb = os.path.getsize(path) / 1e6
    for run in range(1, runs + 1):
        before = peak_mb()
        start = time.perf_counter()
        frame = pd.read_csv(path)
        x = frame.iloc[:, :-1].to_numpy(dtype=np.float64)
        y = frame.iloc[:, -1].to_numpy()
        order = np.random.default_rng(42).permutation(len(x))
        cut = int(round(len(x) * 0.8))
        train, validation = x[order[:cut]], x[order[cut:]]
        mean, std = train.mean(axis=0), train.std(axis=0)
        train = (train - mean) / std
        validation = (validation - mean) / std
        seconds = time.perf_counter() - start
        numeric = (x.size + y.size) * 8 / 1e6
        print(f"pandas run {run}: {mb:.0f} MB in {seconds:.2f} s = {mb / seconds:.0f} MB/s; {len(x)} rows x {x.shape[1]} features;"
              f" numeric data {numeric:.0f} MB; peak resident {peak_mb():.0f} MB (read_csv {pd.__version__})")
        del frame, x, y, train, validation


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 3)
