"""Gradient penalties on PacGAN's ring in PyTorch, a reference for gan4j's `wgan-gp`, `dragan` and `r1`
penalties: the same data (8 Gaussians on the unit circle, std 0.01), networks (MLPs 2-256-256-256-2 with
ReLU for G, leaky ReLU 0.2 for D, latent 2), batch 256. The penalty's gradient comes from autograd's double
backward, where gan4j uses a finite-difference Hessian-vector product.

Defaults are WGAN-GP's recipe (Gulrajani et al. 2017): the Wasserstein loss, 5 critic steps per generator
step, weight 10 on random interpolates at every critic step, Adam 1e-4 with betas (0.5, 0.9), no EMA.
`--loss non-saturating --penalty dragan --every 4 --lr 5e-4 --betas 0 0.99 --critic-steps 1 --ema 0.999
--steps 10000` is instead the protocol of the loss x regulariser table in docs/BENCHMARKS.md.

Every 2,500 critic steps it prints modes captured and the high-quality share of 2,500 samples (of the EMA
generator when there is one), by the definitions of `gan evaluate --metrics modes`: within 3 std = 0.03 of
the nearest mean.

With `--iters N` it measures speed instead, for `bench/speed_vs_torch.sh`: `--warmup` untimed steps, then N
timed ones, and prints `images_per_s` (real examples consumed per second, as `gan bench` counts them).

Usage: OMP_NUM_THREADS=1 python3 bench/torch_penalty_ring.py [--seed 2] [--steps 20000] [options]
"""
import argparse
import copy
import math
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


def ring(n):
    angle = 2 * math.pi * torch.randint(0, 8, (n,)).float() / 8
    return torch.stack([angle.cos(), angle.sin()], 1) + 0.01 * torch.randn(n, 2)


def mlp(activation):
    return nn.Sequential(nn.Linear(2, 256), activation(), nn.Linear(256, 256), activation(),
                         nn.Linear(256, 256), activation(), nn.Linear(256, 2 if activation is nn.ReLU else 1))


def modes(samples):
    angle = torch.arange(8).float() * 2 * math.pi / 8
    means = torch.stack([angle.cos(), angle.sin()], 1)
    distance, nearest = torch.cdist(samples, means).min(1)
    high = distance < 0.03
    return len(set(nearest[high].tolist())), high.float().mean().item()


def penalty_points(kind, real, fake):
    """WGAN-GP: between real and generated; DRAGAN: between real and real + 0.5 std U[0, 1] (Kodali et al.'s code)."""
    if kind == "r1":
        return real.clone()
    if kind == "wgan-gp":
        mix = torch.rand(real.size(0), 1)
        return fake + mix * (real - fake)
    perturbed = real + 0.5 * real.std() * torch.rand_like(real)
    mix = torch.rand(real.size(0), 1)
    return real + mix * (perturbed - real)


def penalty(kind, d, real, fake):
    points = penalty_points(kind, real, fake.detach()).requires_grad_(True)
    gradient = torch.autograd.grad(d(points).sum(), points, create_graph=True)[0]
    norm = gradient.norm(dim=1)
    return (0.5 * norm ** 2).sum() if kind == "r1" else ((norm - 1) ** 2).sum()


def d_loss(loss, real_score, fake_score):
    if loss == "wasserstein":
        return fake_score.sum() - real_score.sum()
    return F.softplus(-real_score).sum() + F.softplus(fake_score).sum()


def g_loss(loss, fake_score):
    return -fake_score.sum() if loss == "wasserstein" else F.softplus(-fake_score).sum()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=2)
    parser.add_argument("--steps", type=int, default=20000, help="D updates")
    parser.add_argument("--loss", choices=["wasserstein", "non-saturating"], default="wasserstein")
    parser.add_argument("--penalty", choices=["wgan-gp", "dragan", "r1"], default="wgan-gp")
    parser.add_argument("--weight", type=float, default=10.0)
    parser.add_argument("--every", type=int, default=1, help="lazy: the penalty on every k-th D update, weight x k")
    parser.add_argument("--critic-steps", type=int, default=5)
    parser.add_argument("--lr", type=float, default=1e-4)
    parser.add_argument("--betas", type=float, nargs=2, default=[0.5, 0.9])
    parser.add_argument("--ema", type=float, default=0.0, help="decay of the EMA of G's weights; 0 for none")
    parser.add_argument("--iters", type=int, default=0, help="measure speed over this many D updates instead")
    parser.add_argument("--warmup", type=int, default=20, help="untimed D updates before --iters")
    parser.add_argument("--threads", type=int, default=1)
    args = parser.parse_args()
    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    if args.iters > 0:
        args.steps = args.warmup + args.iters
    g, d = mlp(nn.ReLU), mlp(lambda: nn.LeakyReLU(0.2))
    average = copy.deepcopy(g) if args.ema > 0 else None
    g_opt = torch.optim.Adam(g.parameters(), args.lr, betas=tuple(args.betas))
    d_opt = torch.optim.Adam(d.parameters(), args.lr, betas=tuple(args.betas))
    n = 256
    for step in range(args.steps):
        if step == args.warmup:
            start = time.perf_counter()
        real, fake = ring(n), g(torch.randn(n, 2))
        loss = d_loss(args.loss, d(real), d(fake.detach()))
        if step % args.every == 0:
            loss = loss + args.weight * args.every * penalty(args.penalty, d, real, fake)
        d_opt.zero_grad()
        (loss / n).backward()
        d_opt.step()
        if (step + 1) % args.critic_steps == 0:
            g_opt.zero_grad()
            (g_loss(args.loss, d(fake)) / n).backward()
            g_opt.step()
            if average is not None:
                with torch.no_grad():
                    for a, p in zip(average.parameters(), g.parameters()):
                        a.mul_(args.ema).add_(p, alpha=1 - args.ema)
        if (step + 1) % 2500 == 0 and args.iters == 0:
            with torch.no_grad():
                captured, high = modes((average or g)(torch.randn(2500, 2)))
            print(f"step={step + 1} modes_captured={captured} high_quality={high:.4f} d_loss={loss.item() / n:.3f}",
                  flush=True)
    if args.iters > 0:
        seconds = time.perf_counter() - start
        print(f"images_per_s={args.iters * n / seconds:.1f} iters_per_s={args.iters / seconds:.2f}")


if __name__ == "__main__":
    main()
