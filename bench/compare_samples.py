"""Compare generated Fashion-MNIST samples (NPY, [N, 1, 28, 28] in [-1, 1]) with a small judge.

A stop-gap until gan-metrics has its own judges: trains a fixed MLP classifier (784-256-10,
numpy only, seeded) on the Fashion-MNIST training set, then reports for each sample file the
Frechet distance to the test set in the judge's 256-unit hidden layer (an FID-like number),
the class histogram (KL to uniform, smallest class share) and the judge's mean confidence.
The distance between the training and test sets is printed as the floor.

Usage: python3 bench/compare_samples.py A.npy [B.npy ...] [--data /usr/share/datasets/fashion-mnist]
"""
import argparse, gzip, os, struct
import numpy as np


def load_idx(path):
    with gzip.open(path, 'rb') as f:
        data = f.read()
    magic, n = struct.unpack('>II', data[:8])
    if magic == 2051:
        r, c = struct.unpack('>II', data[8:16])
        return np.frombuffer(data, np.uint8, offset=16).reshape(n, r * c)
    return np.frombuffer(data, np.uint8, offset=8)


def train_judge(x, y, epochs=8, batch=128, lr=1e-3, seed=0):
    rng = np.random.default_rng(seed)
    w1 = rng.normal(0, np.sqrt(2 / 784), (784, 256)).astype(np.float32); b1 = np.zeros(256, np.float32)
    w2 = rng.normal(0, np.sqrt(2 / 256), (256, 10)).astype(np.float32); b2 = np.zeros(10, np.float32)
    params = [w1, b1, w2, b2]
    m = [np.zeros_like(p) for p in params]; v = [np.zeros_like(p) for p in params]
    t = 0
    for _ in range(epochs):
        order = rng.permutation(len(x))
        for i in range(0, len(x) - batch + 1, batch):
            idx = order[i:i + batch]
            xb, yb = x[idx], y[idx]
            h = np.maximum(xb @ w1 + b1, 0)
            logits = h @ w2 + b2
            p = np.exp(logits - logits.max(1, keepdims=True)); p /= p.sum(1, keepdims=True)
            p[np.arange(batch), yb] -= 1; p /= batch
            gw2 = h.T @ p; gb2 = p.sum(0)
            dh = (p @ w2.T) * (h > 0)
            gw1 = xb.T @ dh; gb1 = dh.sum(0)
            t += 1
            for k, g in enumerate([gw1, gb1, gw2, gb2]):
                m[k] = 0.9 * m[k] + 0.1 * g; v[k] = 0.999 * v[k] + 0.001 * g * g
                params[k] -= lr * (m[k] / (1 - 0.9 ** t)) / (np.sqrt(v[k] / (1 - 0.999 ** t)) + 1e-8)
    return params


def features(params, x):
    w1, b1, w2, b2 = params
    h = np.maximum(x @ w1 + b1, 0)
    logits = h @ w2 + b2
    p = np.exp(logits - logits.max(1, keepdims=True)); p /= p.sum(1, keepdims=True)
    return h.astype(np.float64), p


def frechet(a, b):
    mu1, mu2 = a.mean(0), b.mean(0)
    c1, c2 = np.cov(a, rowvar=False), np.cov(b, rowvar=False)
    eig = np.linalg.eigvals(c1 @ c2)
    return float(((mu1 - mu2) ** 2).sum() + np.trace(c1) + np.trace(c2) - 2 * np.sqrt(np.clip(eig.real, 0, None)).sum())


def report(name, params, x, test_h):
    h, p = features(params, x)
    hist = np.bincount(p.argmax(1), minlength=10) / len(x)
    kl = float((hist * np.log(np.clip(hist, 1e-12, None) * 10)).sum())
    print(f'{name}: n={len(x)} frechet_judge={frechet(h, test_h):.2f} class_kl_to_uniform={kl:.4f} '
          f'min_class_share={hist.min():.4f} mean_confidence={p.max(1).mean():.4f}')


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('samples', nargs='+')
    ap.add_argument('--data', default='/usr/share/datasets/fashion-mnist')
    a = ap.parse_args()
    xtr = load_idx(os.path.join(a.data, 'train-images-idx3-ubyte.gz')).astype(np.float32) / 127.5 - 1
    ytr = load_idx(os.path.join(a.data, 'train-labels-idx1-ubyte.gz')).astype(np.int64)
    xte = load_idx(os.path.join(a.data, 't10k-images-idx3-ubyte.gz')).astype(np.float32) / 127.5 - 1
    yte = load_idx(os.path.join(a.data, 't10k-labels-idx1-ubyte.gz')).astype(np.int64)
    params = train_judge(xtr, ytr)
    test_h, test_p = features(params, xte)
    print(f'judge: mlp 784-256-10, test accuracy {(test_p.argmax(1) == yte).mean():.4f}')
    report('floor (10000 training images vs test set)', params, xtr[:10000], test_h)
    for path in a.samples:
        x = np.load(path).reshape(-1, 784).astype(np.float32)
        report(path, params, x, test_h)


if __name__ == '__main__':
    main()
