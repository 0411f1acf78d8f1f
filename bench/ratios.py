#!/usr/bin/python3
"""Reads the RESULT lines of one bench/run (files given as arguments) and prints the ratios that
issue 7 accepts on, each against a reference measured in the same run."""
import sys

results = []
for path in sys.argv[1:]:
    for line in open(path):
        if line.startswith('RESULT '):
            words = line.split()
            fields = dict(w.split('=', 1) for w in words if '=' in w)
            results.append((words[1:4], fields))

def seconds(v):
    return float(v.rstrip('s'))

def find(who, what):
    for words, fields in results:
        if words[0] == who and words[1] == what:
            yield words, fields

def verdict(ok):
    return 'yes' if ok else 'NO'

torch = {words[2]: seconds(f['median']) for words, f in find('torch-1thread', 'throughput')}
sk = {words[2]: seconds(f['median']) for words, f in find('sklearn', 'throughput')}
if torch or sk or list(find('dendrite', 'throughput')):
    print('\n== throughput: one epoch, 60 000 x 784, 784-256-128-10, batch 128 (median epoch, same run)')
if torch or sk:
    print('peers: ' + ', '.join(f'{k} {v:.3f} s' for k, v in [*(('torch-1thread ' + d, t) for d, t in torch.items()),
                                                              *(('sklearn ' + d, t) for d, t in sk.items())]))
for words, f in find('dendrite', 'throughput'):
    backend, median = f['backend'], seconds(f['median'])
    line = (f"{backend:8s} {median:7.3f} s  {float(f['gflops']):5.1f} GFLOP/s  {100 * float(f['peak_fraction']):3.0f}% of the 2-core peak"
            f"  products alone {seconds(f['products_only']):.3f} s ({float(f['products_gflops']):.1f} GFLOP/s), epoch/products {float(f['ratio_to_products']):.2f}")
    if backend.startswith('ejml'):
        line += f"  [<= 1.15: {verdict(float(f['ratio_to_products']) <= 1.15)}]"
    if 'float64' in torch:
        r = median / torch['float64']
        line += f"  vs torch 1-thread double {r:.2f}x"
        if not backend.startswith('ejml'):
            line += f" [<= 1.0: {verdict(r <= 1.0)}, aim 0.9: {verdict(r <= 0.9)}]"
    print(line)

skl = [seconds(f['median']) for _, f in find('sklearn', 'small')]
small = list(find('dendrite', 'small'))
if skl or small:
    print('\n== small: digits 1 437 x 64, 64 relu units, batch 32, 100 epochs (median of 3 whole runs)')
if skl:
    print(f'sklearn  {skl[0]:7.3f} s')
for words, f in small:
    median = seconds(f['median'])
    line = f"{f['backend']:8s} {median:7.3f} s  (cold first run {seconds(f['cold']):.3f} s)"
    if skl:
        line += f"  vs sklearn {median / skl[0]:.2f}x [faster: {verdict(median < skl[0])}], cold {seconds(f['cold']) / skl[0]:.2f}x"
    print(line)

fashion = list(find('dendrite', 'fashion-mnist'))
if fashion:
    print('\n== Fashion-MNIST, one epoch, 784-256-128-10 (test accuracy)')
    for words, f in find('sklearn', 'fashion-mnist'):
        print(f"sklearn  {f['time']:>8s}  accuracy {f['test_accuracy']}")
    accs = []
    for words, f in fashion:
        accs.append(float(f['test_accuracy']))
        print(f"{f['backend']:8s} {f['time']:>8s}  accuracy {f['test_accuracy']}")
    print(f'largest accuracy difference between back-ends: {100 * (max(accs) - min(accs)):.2f} points [<= 0.5: {verdict(max(accs) - min(accs) <= 0.005)}]')
