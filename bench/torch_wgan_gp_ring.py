"""WGAN-GP (Gulrajani et al. 2017) on PacGAN's ring in PyTorch, as a reference for gan4j's `wasserstein`
strategy with the `wgan-gp` penalty: the same data (8 Gaussians on the unit circle, std 0.01), networks
(MLPs 2-256-256-256-2 with ReLU for G, leaky ReLU 0.2 for D), batch 256, and the paper's recipe (5 critic
steps per generator step, penalty weight 10 on random interpolates, Adam 1e-4 with betas (0.5, 0.9)).
Every 2,500 critic steps it prints modes captured and the high-quality share of 2,500 samples, by the
definitions of `gan evaluate --metrics modes` (within 3 std = 0.03 of the nearest mean). No EMA.

Usage: OMP_NUM_THREADS=1 python3 bench/torch_wgan_gp_ring.py [--seed 2] [--steps 20000]
"""
import argparse, math
import torch, torch.nn as nn


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


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=2)
    parser.add_argument("--steps", type=int, default=20000)
    args = parser.parse_args()
    torch.manual_seed(args.seed)
    torch.set_num_threads(1)
    g, d = mlp(nn.ReLU), mlp(lambda: nn.LeakyReLU(0.2))
    g_opt = torch.optim.Adam(g.parameters(), 1e-4, betas=(0.5, 0.9))
    d_opt = torch.optim.Adam(d.parameters(), 1e-4, betas=(0.5, 0.9))
    for step in range(args.steps):
        real, fake = ring(256), g(torch.randn(256, 2))
        mix = torch.rand(256, 1)
        points = (mix * real + (1 - mix) * fake.detach()).requires_grad_(True)
        gradient = torch.autograd.grad(d(points).sum(), points, create_graph=True)[0]
        penalty = 10 * ((gradient.norm(dim=1) - 1) ** 2).mean()
        d_loss = d(fake.detach()).mean() - d(real).mean() + penalty
        d_opt.zero_grad()
        d_loss.backward()
        d_opt.step()
        if (step + 1) % 5 == 0:
            g_opt.zero_grad()
            (-d(fake).mean()).backward()
            g_opt.step()
        if (step + 1) % 2500 == 0:
            with torch.no_grad():
                captured, high = modes(g(torch.randn(2500, 2)))
            print(f"step={step + 1} modes_captured={captured} high_quality={high:.4f} d_loss={d_loss.item():.3f}", flush=True)


if __name__ == "__main__":
    main()
