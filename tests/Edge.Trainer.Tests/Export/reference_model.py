"""Independent PyTorch implementation of the Edge PVQAE (trainer/MODEL.md), for export parity tests.

Usage: python3 reference_model.py FOLDER
FOLDER/index.json names the config, the weights (FOLDER/w/<name>.bin, float32 little-endian) and the inputs
(FOLDER/in/<name>.bin); outputs are written to FOLDER/out/<name>.bin. Written with torch.nn.functional and torch.nn
modules only: it shares no code with the C# exporter it checks.
"""
import json
import os
import sys

import numpy as np
import torch
import torch.nn.functional as F

folder = sys.argv[1]
index = json.load(open(os.path.join(folder, "index.json")))
cfg = index["config"]
W = {k: torch.from_numpy(np.fromfile(os.path.join(folder, "w", k + ".bin"), dtype="<f4").reshape(v)) for k, v in index["weights"].items()}
IN = {k: np.fromfile(os.path.join(folder, "in", k + ".bin"), dtype="<f4" if v["dtype"] == "f4" else "<i8").reshape(v["shape"]) for k, v in index["inputs"].items()}
os.makedirs(os.path.join(folder, "out"), exist_ok=True)


def save(name, tensor):
    array = tensor.detach().numpy()
    array.astype("<i8" if array.dtype == np.int64 else "<f4").tofile(os.path.join(folder, "out", name + ".bin"))


def conv(name, x, stride=1, pad=0):
    return F.conv2d(x, W[name + ".weight"], W[name + ".bias"], stride=stride, padding=pad)


def act(x):
    return F.leaky_relu(x, 0.2)


def res(name, x):
    return x + conv(name + ".conv2", act(conv(name + ".conv1", act(x), pad=1)))


def mha(name, x, heads):
    n, t, c = x.shape
    m = torch.nn.MultiheadAttention(c, heads, batch_first=True)
    m.in_proj_weight.data = W[name + ".in_proj_weight"]
    m.in_proj_bias.data = W[name + ".in_proj_bias"]
    m.out_proj.weight.data = W[name + ".out_proj.weight"]
    m.out_proj.bias.data = W[name + ".out_proj.bias"]
    m.eval()
    out, _ = m(x, x, x, need_weights=False)
    return out


def spatial_attention(name, x, heads):
    n, c, h, w = x.shape
    tokens = x.reshape(n, c, h * w).transpose(1, 2)
    return x + mha(name, tokens, heads).transpose(1, 2).reshape(n, c, h, w)


def up(x, factor):
    return F.interpolate(x, scale_factor=factor, mode="nearest")


with torch.no_grad():
    image = torch.from_numpy(IN["image"])
    x = act(conv("enc.stem", image, pad=1))
    x = res("enc.down1.res", act(conv("enc.down1.conv", x, 2, 1)))
    s2 = res("enc.down2.res", act(conv("enc.down2.conv", x, 2, 1)))
    s3 = res("enc.down3.res", act(conv("enc.down3.conv", s2, 2, 1)))
    s4 = res("enc.down4.res", act(conv("enc.down4.conv", s3, 2, 1)))
    if cfg["attention"]:
        s4 = spatial_attention("enc.attn", s4, cfg["attentionHeads"])
    z = [conv("enc.proj0", s2), conv("enc.proj1", s3), conv("enc.proj2", s4)]
    # normalizedCodes: latents and codes on the unit sphere (F.normalize's max(norm, eps) form, eps = 1e-6).
    unit = cfg.get("normalizedCodes", False)
    if unit:
        z = [F.normalize(t, dim=1, eps=1e-6) for t in z]
    pooled = torch.cat([F.avg_pool2d(z[0], 4), F.avg_pool2d(z[1], 2), z[2]], dim=1)
    logits = conv("route.fc2", F.relu(conv("route.fc1", pooled)))
    for level in range(3):
        save(f"z{level}", z[level])
    save("routing_logits", logits)

    quantized = []
    for level in range(3):
        codes = W[f"vq{level}.codes"]
        if unit:
            codes = F.normalize(codes, dim=1, eps=1e-6)
        n, d, h, w = z[level].shape
        flat = z[level].permute(0, 2, 3, 1).reshape(-1, d)
        dist = torch.cdist(flat.double(), codes.double()) ** 2
        idx = dist.argmin(dim=1)
        q = codes[idx].reshape(n, h, w, d).permute(0, 3, 1, 2)
        quantized.append(q)
        save(f"indices{level}", idx.reshape(n, h, w))
        save(f"quantized{level}", q)
        save(f"distance{level}", dist.min(dim=1).values.float().reshape(n, h, w))

    routing = F.one_hot(logits.argmax(dim=1), 3).permute(0, 3, 1, 2).float()
    fine = up(routing, 4)
    mixed = sum(up(quantized[l], 2 ** l) * fine[:, l:l + 1] if l else quantized[0] * fine[:, 0:1] for l in range(3))
    x = res("dec.res0", act(conv("dec.in", mixed, pad=1)))
    if cfg["attention"]:
        x = spatial_attention("dec.attn", x, cfg["attentionHeads"])
    x = res("dec.res1", act(conv("dec.up1", up(x, 2), pad=1)))
    x = act(conv("dec.up2", up(x, 2), pad=1))
    save("reconstruction", conv("dec.out", x, pad=1))

    tokens = torch.from_numpy(IN["tokens"]).long()
    classes = torch.from_numpy(IN["class_id"]).long()
    n, t = tokens.shape
    p = cfg["priorWidth"]
    probs = torch.zeros(n, t, 3)
    for b in range(n):
        for i in range(t):
            seq = tokens[b].clone()
            seq[i] = 3
            e = torch.cat([W["prior.classes.weight"][classes[b]][None], W["prior.tokens.weight"][seq]], dim=0)[None] + W["prior.pos.weight"][None]
            ln1 = F.layer_norm(e, (p,), W["prior.block.ln1.weight"], W["prior.block.ln1.bias"])
            e = e + mha("prior.block.attn", ln1, cfg["priorHeads"])
            ln2 = F.layer_norm(e, (p,), W["prior.block.ln2.weight"], W["prior.block.ln2.bias"])
            hidden = F.gelu(F.linear(ln2, W["prior.block.mlp.fc1.weight"], W["prior.block.mlp.fc1.bias"]))
            e = e + F.linear(hidden, W["prior.block.mlp.fc2.weight"], W["prior.block.mlp.fc2.bias"])
            out = F.linear(F.layer_norm(e, (p,), W["prior.ln_f.weight"], W["prior.ln_f.bias"]), W["prior.head.weight"], W["prior.head.bias"])
            probs[b, i] = F.softmax(out[0, i + 1], dim=-1)
    save("prior_probs", probs)
print("ok")
