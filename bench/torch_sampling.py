"""Sampling throughput of the PyTorch DCGAN-28 generator (eval mode, no gradients), to compare
with the sample_images_per_s line of `gan bench`. The generator is the reference's: Linear(100,
128*7*7), BN, ReLU, ConvTranspose(128, 64, 4, 2, 1), BN, ReLU, ConvTranspose(64, 1, 4, 2, 1), Tanh.

Usage: OMP_NUM_THREADS=1 python3 bench/torch_sampling.py [--batch 500] [--iters 20] [--threads 2]
"""
import argparse, time
import torch, torch.nn as nn


def generator(z=100):
    return nn.Sequential(nn.Linear(z, 128 * 7 * 7), nn.BatchNorm1d(128 * 7 * 7), nn.ReLU(True),
                         nn.Unflatten(1, (128, 7, 7)),
                         nn.ConvTranspose2d(128, 64, 4, 2, 1), nn.BatchNorm2d(64), nn.ReLU(True),
                         nn.ConvTranspose2d(64, 1, 4, 2, 1), nn.Tanh())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--batch', type=int, default=500)
    ap.add_argument('--iters', type=int, default=20)
    ap.add_argument('--threads', type=int, default=2)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    g = generator().eval()
    z = torch.randn(a.batch, 100)
    with torch.no_grad():
        g(z)
        t0 = time.perf_counter()
        for _ in range(a.iters):
            g(z)
        dt = time.perf_counter() - t0
    print(f'torch {torch.__version__} threads={a.threads} sample_batch={a.batch} sample_images_per_s={a.iters * a.batch / dt:.1f}')


if __name__ == '__main__':
    main()
