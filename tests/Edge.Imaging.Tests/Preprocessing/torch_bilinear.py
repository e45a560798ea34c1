"""Reference for FramePreprocessorTorchTests: PyTorch's own bilinear resize of a raw uint8 HWC image.

usage: torch_bilinear.py INPUT.raw HEIGHT WIDTH CHANNELS OUT_HEIGHT OUT_WIDTH OUTPUT.raw
Writes float32 CHW (values on the [0, 1] scale), as F.interpolate(mode="bilinear", align_corners=False) gives.
"""
import sys

import numpy as np
import torch
import torch.nn.functional as F

source, height, width, channels, out_height, out_width, output = sys.argv[1:]
pixels = np.fromfile(source, dtype=np.uint8).reshape(int(height), int(width), int(channels))
image = torch.from_numpy(pixels).permute(2, 0, 1).unsqueeze(0).double() / 255.0
resized = F.interpolate(image, size=(int(out_height), int(out_width)), mode="bilinear", align_corners=False, antialias=False)
resized.squeeze(0).float().numpy().tofile(output)
