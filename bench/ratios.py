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
# the acceptance of issue 16: epoch / PyTorch's (1 thread, same precision) at most this
AIM = {'float64': 0.75, 'float32': 0.9}
if torch or sk or list(find('dendrite', 'throughput')):
    print('\n== throughput: one epoch, 60 000 x 784, 784-256-128-10, batch 128 (median epoch, same run)')
if torch or sk:
    print('peers: ' + ', '.join(f'{k} {v:.3f} s' for k, v in [*(('torch-1thread ' + d, t) for d, t in torch.items()),
                                                              *(('sklearn ' + d, t) for d, t in sk.items())]))
for words, f in find('dendrite', 'throughput'):
    backend, median = f['backend'], seconds(f['median'])
    precision = f.get('precision', 'float64')
    line = (f"{backend:8s} {precision} {median:7.3f} s  {float(f['gflops']):5.1f} GFLOP/s  {100 * float(f['peak_fraction']):3.0f}% of the 2-core peak"
            f"  products alone {seconds(f['products_only']):.3f} s ({float(f['products_gflops']):.1f} GFLOP/s), epoch/products {float(f['ratio_to_products']):.2f}")
    if backend.startswith('ejml'):
        line += f"  [<= 1.15: {verdict(float(f['ratio_to_products']) <= 1.15)}]"
    if precision in torch:
        r = median / torch[precision]
        line += f"  vs torch 1-thread {precision} {r:.2f}x"
        if not backend.startswith('ejml'):
            line += f" [<= {AIM[precision]}: {verdict(r <= AIM[precision])}]"
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
    print('\n== Fashion-MNIST, 784-256-128-10 (test accuracy)')
    for words, f in find('sklearn', 'fashion-mnist'):
        print(f"sklearn  sgd  1 epoch  {f['time']:>8s}  accuracy {f['test_accuracy']}")
    runs = {}  # (backend, optimizer, epochs) -> precision -> the accuracies of its seeds
    for words, f in fashion:
        key = (f['backend'], f.get('optimizer', 'sgd'), f.get('epochs', '1'))
        runs.setdefault(key, {}).setdefault(f.get('precision', 'float64'), []).append(float(f['test_accuracy']))
        print(f"{f['backend']:8s} {f.get('optimizer', 'sgd'):4s} {f.get('epochs', '1'):>2s} epochs {f.get('precision', 'float64')}"
              f" seed {f.get('seed', '1')} {f['time']:>8s}  accuracy {f['test_accuracy']}")
    mean = lambda values: sum(values) / len(values)
    for (backend, optimizer, epochs), acc in runs.items():
        if 'float64' in acc and 'float32' in acc:
            d = mean(acc['float32']) - mean(acc['float64'])
            spread = max(acc['float64']) - min(acc['float64'])
            print(f"{backend} {optimizer} {epochs} epochs: float32 - float64 = {100 * d:+.2f} points, means of"
                  f" {len(acc['float64'])} seeds (float64 seeds spread {100 * spread:.2f}) [within 0.5: {verdict(abs(d) <= 0.005)}]")
    sgd64 = [mean(a['float64']) for (b, o, e), a in runs.items() if o == 'sgd' and 'float64' in a]
    if len(sgd64) > 1:
        print(f'largest float64 accuracy difference between back-ends: {100 * (max(sgd64) - min(sgd64)):.2f} points'
              f' [<= 0.5: {verdict(max(sgd64) - min(sgd64) <= 0.005)}]')

points = {}
for words, f in results:
    if words[1] == 'sweep':
        who = f['backend'] if words[0] == 'dendrite' else words[0]
        points[(who, f['precision'], int(f['batch']), int(f['width']))] = float(f['gflops'])
if points:
    print('\n== sweep: GFLOP/s of a 784-h-h-10 training epoch (bench/sweep-batch*.svg); x = against torch-1thread, same precision')
    series = sorted({(w, p) for w, p, b, h in points})
    widths = sorted({h for w, p, b, h in points})
    for batch in sorted({b for w, p, b, h in points}):
        print(f'batch {batch}: ' + '  '.join(f'h={h}' for h in widths))
        for who, precision in series:
            cells = []
            for h in widths:
                g = points.get((who, precision, batch, h))
                t = points.get(('torch-1thread', precision, batch, h))
                cells.append('-' if g is None else f'{g:.0f}' + (f' ({g / t:.2f}x)' if t and who != 'torch-1thread' else ''))
            print(f'  {who:13s} {precision}: ' + '  '.join(cells))
