"""PyTorch eager twin of bench/Edge.Benchmarks/TorchBenchmark.cs: the same conv net, batch and optimizer.

Run by the C# benchmark with Debian's /usr/bin/python3 (python3-torch, the same libtorch the shim uses).
Prints `step_ms: X` and `step_cpu_ms: Y`: mean wall-clock and process CPU milliseconds per training step
after the warm-up.
"""
import argparse
import time

import torch
from torch import nn


def make_net():
    return nn.Sequential(
        nn.Conv2d(3, 16, 3, padding=1), nn.GroupNorm(4, 16), nn.SiLU(), nn.MaxPool2d(2),
        nn.Conv2d(16, 32, 3, padding=1), nn.BatchNorm2d(32), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(32, 64, 3, padding=1), nn.GroupNorm(8, 64), nn.SiLU(), nn.AdaptiveAvgPool2d(1),
        nn.Flatten(), nn.Linear(64, 10))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--threads", type=int, required=True)
    parser.add_argument("--steps", type=int, default=30)
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--batch", type=int, default=16)
    parser.add_argument("--size", type=int, default=64)
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    net = make_net()
    optimizer = torch.optim.AdamW(net.parameters(), lr=1e-3)
    images = torch.randn(args.batch, 3, args.size, args.size)
    labels = torch.randint(0, 10, (args.batch,))

    def step():
        loss = nn.functional.cross_entropy(net(images), labels)
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        optimizer.step()
        return loss.item()

    for _ in range(args.warmup):
        step()
    start = time.perf_counter()
    cpu_start = time.process_time()
    for _ in range(args.steps):
        step()
    cpu = time.process_time() - cpu_start
    elapsed = time.perf_counter() - start
    print(f"step_ms: {elapsed * 1000 / args.steps:.3f}")
    print(f"step_cpu_ms: {cpu * 1000 / args.steps:.3f}")


if __name__ == "__main__":
    main()
