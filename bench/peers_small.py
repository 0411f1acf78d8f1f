#!/usr/bin/python3
"""The small-data peer for bench/run: scikit-learn's digits (1 797 × 64, 10 classes), an 80 % stratified
training split (1 437 samples, random_state 0) standardized on itself, and MLPClassifier with 64 ReLU units,
SGD 0.01 without momentum, batch 32, 100 epochs, built as ../shared/bench/peers.py builds its networks.

  /usr/bin/python3 peers_small.py OUT.csv

Writes the standardized training split to OUT.csv (64 features, then the class index; no header) for
Dendrite's benchmark, and prints one RESULT line: the median training time of 3 fits (seeds 0, 1, 2)."""
import sys, time, warnings
import numpy as np
from sklearn.datasets import load_digits
from sklearn.exceptions import ConvergenceWarning
from sklearn.model_selection import train_test_split
from sklearn.neural_network import MLPClassifier
from sklearn.preprocessing import StandardScaler
warnings.filterwarnings('ignore', category=ConvergenceWarning)

X, y = load_digits(return_X_y=True)
Xtr, _, ytr, _ = train_test_split(X, y, test_size=0.2, random_state=0, stratify=y)
Xtr = StandardScaler().fit_transform(Xtr)
np.savetxt(sys.argv[1], np.column_stack([Xtr, ytr]), delimiter=',', fmt=['%.17g'] * Xtr.shape[1] + ['%d'])
ts, accs = [], []
for seed in range(3):
    m = MLPClassifier(hidden_layer_sizes=(64,), activation='relu', solver='sgd', learning_rate_init=0.01, momentum=0.0,
                      nesterovs_momentum=False, learning_rate='constant', batch_size=32, max_iter=100, alpha=0.0,
                      shuffle=True, random_state=seed, tol=0.0, n_iter_no_change=10**9)
    t0 = time.perf_counter(); m.fit(Xtr, ytr); ts.append(time.perf_counter() - t0); accs.append(round(m.score(Xtr, ytr), 4))
print(f'RESULT sklearn small {Xtr.shape[0]}x{Xtr.shape[1]} median={np.median(ts):.3f}s times={[round(t, 3) for t in ts]} train_accuracy={accs}')
