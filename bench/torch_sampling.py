"""Sampling throughput of a PyTorch generator (eval mode, no gradients), to compare with the
sample_images_per_s line of `gan bench`. --arch dcgan28 (default) is the DCGAN-28 reference's: Linear(100,
128*7*7), BN, ReLU, ConvTranspose(128, 64, 4, 2, 1), BN, ReLU, ConvTranspose(64, 1, 4, 2, 1), Tanh.
--arch dcgan64 is PyTorch's DCGAN example at 64x64 RGB (z 100, ngf 64), the dcgan-64 preset's generator.

Usage: OMP_NUM_THREADS=1 python3 bench/torch_sampling.py [--arch dcgan28|dcgan64] [--batch 500] [--iters 20] [--threads 2]
"""
import argparse, time
import torch, torch.nn as nn


def generator(z=100):
    return nn.Sequential(nn.Linear(z, 128 * 7 * 7), nn.BatchNorm1d(128 * 7 * 7), nn.ReLU(True),
                         nn.Unflatten(1, (128, 7, 7)),
                         nn.ConvTranspose2d(128, 64, 4, 2, 1), nn.BatchNorm2d(64), nn.ReLU(True),
                         nn.ConvTranspose2d(64, 1, 4, 2, 1), nn.Tanh())


def dcgan64(z=100, ngf=64):
    return nn.Sequential(nn.Unflatten(1, (z, 1, 1)),
                         nn.ConvTranspose2d(z, ngf * 8, 4, 1, 0, bias=False), nn.BatchNorm2d(ngf * 8), nn.ReLU(True),
                         nn.ConvTranspose2d(ngf * 8, ngf * 4, 4, 2, 1, bias=False), nn.BatchNorm2d(ngf * 4), nn.ReLU(True),
                         nn.ConvTranspose2d(ngf * 4, ngf * 2, 4, 2, 1, bias=False), nn.BatchNorm2d(ngf * 2), nn.ReLU(True),
                         nn.ConvTranspose2d(ngf * 2, ngf, 4, 2, 1, bias=False), nn.BatchNorm2d(ngf), nn.ReLU(True),
                         nn.ConvTranspose2d(ngf, 3, 4, 2, 1, bias=False), nn.Tanh())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--arch', choices=['dcgan28', 'dcgan64'], default='dcgan28')
    ap.add_argument('--batch', type=int, default=500)
    ap.add_argument('--iters', type=int, default=20)
    ap.add_argument('--threads', type=int, default=2)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    g = (generator() if a.arch == 'dcgan28' else dcgan64()).eval()
    z = torch.randn(a.batch, 100)
    with torch.no_grad():
        g(z)
        t0 = time.perf_counter()
        for _ in range(a.iters):
            g(z)
        dt = time.perf_counter() - t0
    print(f'torch {torch.__version__} arch={a.arch} threads={a.threads} sample_batch={a.batch} sample_images_per_s={a.iters * a.batch / dt:.1f}')


if __name__ == '__main__':
    main()
