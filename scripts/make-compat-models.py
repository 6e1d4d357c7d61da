#!/usr/bin/python3
"""Small seeded edge-CNN models exported by torch.onnx.export, with PyTorch reference outputs.

Writes simulator/src/test/resources/compat/: NAME.onnx for each network and opset, input.npy (a fixed seeded input,
batch 2, 3x16x16) and NAME.out.npy (the PyTorch float32 output for that input). Run with Debian's python3
(python3-torch 1.13, python3-onnx 1.12); no torchvision, the networks are defined here in plain torch.

    /usr/bin/python3 scripts/make-compat-models.py [OUT_DIR]
    /usr/bin/python3 scripts/make-compat-models.py --agreement DIR

With --agreement, writes instead DIR/x.npy (500 seeded random uint8 images 3x16x16), DIR/NAME.labels.npy (each
network's PyTorch top-1 class on them, after the preprocessing of DIR/NAME.preprocess.json, also written) and
DIR/NAME.onnx (the network with its logits standardized per class over another 500 random images, so that the
top-1 spreads over the classes), so that `axdse evaluate` reports the int8 engine's agreement with PyTorch's float
top-1.
"""
import os
import sys

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

AGREEMENT = len(sys.argv) > 2 and sys.argv[1] == "--agreement"
OUT = sys.argv[1] if len(sys.argv) > 1 and not AGREEMENT else os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "simulator", "src", "test", "resources", "compat")


def bn(c):
    """A BatchNorm with non-trivial statistics, so folding it is really tested."""
    b = nn.BatchNorm2d(c)
    with torch.no_grad():
        b.running_mean.uniform_(-0.2, 0.2)
        b.running_var.uniform_(0.5, 1.5)
        b.weight.uniform_(0.5, 1.5)
        b.bias.uniform_(-0.2, 0.2)
    return b


class SqueezeExcite(nn.Module):
    """Squeeze-and-excitation: spatial mean (ReduceMean keepdims), two 1x1 convs, a gate, a broadcast Mul."""

    def __init__(self, c, gate, act, gate_first=False):
        super().__init__()
        self.fc1 = nn.Conv2d(c, max(2, c // 4), 1)
        self.fc2 = nn.Conv2d(max(2, c // 4), c, 1)
        self.gate = gate
        self.act = act
        self.gate_first = gate_first

    def forward(self, x):
        s = x.mean((2, 3), keepdim=True)
        s = self.gate(self.fc2(self.act(self.fc1(s))))
        return s * x if self.gate_first else x * s


class MobileNetV3ish(nn.Module):
    """Conv-BN-hardswish stem, a depthwise block with hardswish and an SE (hardsigmoid gate), a residual, the
    reproducer's sigmoid(x) * x, global pooling and a classifier."""

    def __init__(self):
        super().__init__()
        self.stem = nn.Sequential(nn.Conv2d(3, 16, 3, 2, 1, bias=False), bn(16))
        self.dw = nn.Sequential(nn.Conv2d(16, 16, 3, 1, 1, groups=16, bias=False), bn(16))
        self.se = SqueezeExcite(16, nn.Hardsigmoid(), nn.ReLU())
        self.pw = nn.Sequential(nn.Conv2d(16, 16, 1, bias=False), bn(16))
        self.c2 = nn.Conv2d(16, 24, 3, 1, 1)
        self.fc = nn.Linear(24, 10)

    def forward(self, x):
        x = F.hardswish(self.stem(x))
        y = F.hardswish(self.dw(x))
        y = self.pw(self.se(y))
        x = x + y
        z = self.c2(x)
        x = torch.sigmoid(z) * z
        return self.fc(F.adaptive_avg_pool2d(x, 1).flatten(1))


class InvertedResidual(nn.Module):
    def __init__(self, c, expand):
        super().__init__()
        h = c * expand
        self.body = nn.Sequential(
            nn.Conv2d(c, h, 1, bias=False), bn(h), nn.ReLU6(),
            nn.Conv2d(h, h, 3, 1, 1, groups=h, bias=False), bn(h), nn.ReLU6(),
            nn.Conv2d(h, c, 1, bias=False), bn(c))

    def forward(self, x):
        return x + self.body(x)


class MobileNetV2ish(nn.Module):
    def __init__(self):
        super().__init__()
        self.stem = nn.Sequential(nn.Conv2d(3, 8, 3, 2, 1, bias=False), bn(8), nn.ReLU6())
        self.b1 = InvertedResidual(8, 4)
        self.b2 = InvertedResidual(8, 3)
        self.fc = nn.Linear(8, 10)

    def forward(self, x):
        x = self.b2(self.b1(self.stem(x)))
        return self.fc(x.mean((2, 3)))


class EfficientNetish(nn.Module):
    """SiLU everywhere (exported as x * Sigmoid(x)), an MBConv block with an SE whose gate multiplies first."""

    def __init__(self):
        super().__init__()
        self.stem = nn.Sequential(nn.Conv2d(3, 12, 3, 2, 1, bias=False), bn(12), nn.SiLU())
        self.expand = nn.Sequential(nn.Conv2d(12, 24, 1, bias=False), bn(24), nn.SiLU())
        self.dw = nn.Sequential(nn.Conv2d(24, 24, 3, 1, 1, groups=24, bias=False), bn(24), nn.SiLU())
        self.se = SqueezeExcite(24, nn.Sigmoid(), nn.SiLU(), gate_first=True)
        self.project = nn.Sequential(nn.Conv2d(24, 12, 1, bias=False), bn(12))
        self.fc = nn.Linear(12, 10)

    def forward(self, x):
        x = self.stem(x)
        x = x + self.project(self.se(self.dw(self.expand(x))))
        return self.fc(F.adaptive_avg_pool2d(x, 1).flatten(1))


def channel_shuffle(x, groups):
    """As torchvision's ShuffleNetV2 writes it: the sizes from x.size(), so the export computes the Reshape targets
    with Shape, Gather, Div, Unsqueeze and Concat (the batch size among them)."""
    n, c, h, w = x.size()
    x = x.view(n, groups, c // groups, h, w)
    return torch.transpose(x, 1, 2).contiguous().view(n, -1, h, w)


class ShuffleNetish(nn.Module):
    """ShuffleNet units: grouped 1x1 conv, channel shuffle (Reshape, Transpose, Reshape), depthwise conv, grouped
    1x1 conv, a residual Add, a strided unit that concatenates an average-pooled shortcut, and a ShuffleNetV2 unit
    (x.chunk(2, dim=1), exported as Split, one half through a branch, Concat, shuffle)."""

    def __init__(self, groups=2):
        super().__init__()
        self.g = groups
        self.stem = nn.Sequential(nn.Conv2d(3, 8, 3, 1, 1, bias=False), bn(8), nn.ReLU())
        self.g1 = nn.Sequential(nn.Conv2d(8, 8, 1, groups=groups, bias=False), bn(8), nn.ReLU())
        self.dw = nn.Sequential(nn.Conv2d(8, 8, 3, 1, 1, groups=8, bias=False), bn(8))
        self.g2 = nn.Sequential(nn.Conv2d(8, 8, 1, groups=groups, bias=False), bn(8))
        self.down = nn.Sequential(nn.Conv2d(8, 8, 3, 2, 1, groups=8, bias=False), bn(8))
        self.v2 = nn.Sequential(nn.Conv2d(4, 4, 3, 1, 1, groups=4, bias=False), bn(4), nn.Conv2d(4, 4, 1))
        self.fc = nn.Linear(16, 10)

    def forward(self, x):
        x = self.stem(x)
        a, b = x.chunk(2, dim=1)
        x = channel_shuffle(torch.cat([a, F.relu(self.v2(b))], 1), 2)
        y = channel_shuffle(self.g1(x), self.g)
        x = F.relu(x + self.g2(self.dw(y)))
        x = torch.cat([F.avg_pool2d(x, 3, 2, 1), self.down(channel_shuffle(x, self.g))], 1)
        return self.fc(F.adaptive_avg_pool2d(F.relu(x), 1).flatten(1))


class Fire(nn.Module):
    def __init__(self, cin, squeeze, e1, e3):
        super().__init__()
        self.squeeze = nn.Conv2d(cin, squeeze, 1)
        self.e1 = nn.Conv2d(squeeze, e1, 1)
        self.e3 = nn.Conv2d(squeeze, e3, 3, padding=1)

    def forward(self, x):
        x = F.relu(self.squeeze(x))
        return torch.cat([F.relu(self.e1(x)), F.relu(self.e3(x))], 1)


class SqueezeNetish(nn.Module):
    """Fire modules (squeeze 1x1, expand 1x1 and 3x3, Concat) and MaxPool with ceil_mode=True, where the ceiling
    gives one more output than the floor (8 -> 4 and 4 -> 2), and a convolutional classifier."""

    def __init__(self):
        super().__init__()
        self.stem = nn.Conv2d(3, 16, 3, 2, 1)
        self.f1 = Fire(16, 4, 8, 8)
        self.f2 = Fire(16, 6, 12, 12)
        self.head = nn.Conv2d(24, 10, 1)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.stem(x)), 3, 2, ceil_mode=True)
        x = F.max_pool2d(self.f1(x), 3, 2, ceil_mode=True)
        x = F.relu(self.head(self.f2(x)))
        return F.adaptive_avg_pool2d(x, 1).flatten(1)


class MishNet(nn.Module):
    """YOLOv4-style Mish (exported as x * Tanh(Softplus(x))), Elu and Selu."""

    def __init__(self):
        super().__init__()
        self.c1 = nn.Sequential(nn.Conv2d(3, 8, 3, 2, 1, bias=False), bn(8))
        self.c2 = nn.Conv2d(8, 8, 3, 1, 1)
        self.c3 = nn.Conv2d(8, 8, 1)
        self.fc = nn.Linear(8, 10)

    def forward(self, x):
        x = F.mish(self.c1(x))
        x = F.elu(self.c2(x), 0.7)
        x = F.selu(self.c3(x))
        return self.fc(F.adaptive_avg_pool2d(x, 1).flatten(1))


class Activations(nn.Module):
    """LeakyReLU, PReLU with a slope per channel, Tanh, a broadcast Add of an activation and its spatial mean, and
    a ReduceMean without keepdims."""

    def __init__(self):
        super().__init__()
        self.c1 = nn.Conv2d(3, 8, 3, 2, 1)
        self.c2 = nn.Conv2d(8, 8, 3, 1, 1)
        self.prelu = nn.PReLU(8)
        with torch.no_grad():
            self.prelu.weight.uniform_(0.05, 0.6)
        self.c3 = nn.Conv2d(8, 8, 1)
        self.fc = nn.Linear(8, 10)

    def forward(self, x):
        x = F.leaky_relu(self.c1(x), 0.1)
        x = self.prelu(self.c2(x))
        x = torch.tanh(self.c3(x)) + x.mean((2, 3), keepdim=True)
        return self.fc(x.mean((2, 3)))


class UpsampleNet(nn.Module):
    """YOLO/U-Net-style heads: nn.Upsample(scale_factor=2) and F.interpolate(mode='nearest') with unequal factors,
    each followed by a concatenated skip or a strided convolution, so that every upsampled position reaches the
    output (a global mean right after an upsampling would not see its layout)."""

    def __init__(self):
        super().__init__()
        self.c1 = nn.Conv2d(3, 8, 3, 2, 1)
        self.c2 = nn.Conv2d(8, 8, 3, 2, 1)
        self.up = nn.Upsample(scale_factor=2)
        self.c3 = nn.Conv2d(16, 8, 3, 1, 1)
        self.c4 = nn.Conv2d(8, 4, 3, (2, 3), 1)
        self.fc = nn.Linear(4 * 8 * 8, 10)

    def forward(self, x):
        a = F.relu(self.c1(x))
        b = F.relu(self.c2(a))
        y = F.relu(self.c3(torch.cat([self.up(b), a], 1)))
        y = F.interpolate(y, scale_factor=(2.0, 3.0), mode="nearest")
        return self.fc(self.c4(y).flatten(1))


class UpsampleSizes(nn.Module):
    """F.interpolate with an output size (exported with a sizes input) and with one scale factor for both axes."""

    def __init__(self):
        super().__init__()
        self.c1 = nn.Conv2d(3, 8, 3, 2, 1)
        self.c2 = nn.Conv2d(8, 4, 3, 2, 1)
        self.fc = nn.Linear(4 * 16 * 16, 10)

    def forward(self, x):
        y = F.interpolate(F.relu(self.c1(x)), size=(16, 16), mode="nearest")
        y = F.interpolate(F.relu(self.c2(y)), scale_factor=2, mode="nearest")
        return self.fc(y.flatten(1))


class Arith(nn.Module):
    """Sub and Div of two activations (equal shapes and broadcast), and arithmetic with scalar constants."""

    def __init__(self):
        super().__init__()
        self.c1 = nn.Conv2d(3, 8, 3, 2, 1)
        self.c2 = nn.Conv2d(8, 8, 3, 1, 1)
        self.c3 = nn.Conv2d(8, 8, 1)
        self.fc = nn.Linear(8 * 8 * 8, 10)

    def forward(self, x):
        a = self.c1(x)
        d = a - self.c2(a)
        m = d - d.mean((2, 3), keepdim=True)
        q = m / (torch.sigmoid(self.c3(m)) + 0.5)
        r = 1.5 - q / 2.0
        return self.fc((r / (torch.sigmoid(d.mean((2, 3), keepdim=True)) + 1.0) * 0.5).flatten(1))


class Gelu(nn.Module):
    """nn.GELU (exported as x * 0.5 * (1 + Erf(x / sqrt 2))) after convolutions, as in ConvNeXt-style blocks."""

    def __init__(self):
        super().__init__()
        self.c1 = nn.Sequential(nn.Conv2d(3, 8, 3, 2, 1, bias=False), bn(8))
        self.c2 = nn.Conv2d(8, 8, 3, 1, 1)
        self.fc = nn.Linear(8, 10)

    def forward(self, x):
        x = F.gelu(self.c1(x))
        x = F.gelu(self.c2(x))
        return self.fc(F.adaptive_avg_pool2d(x, 1).flatten(1))


class AvgCeil(nn.Module):
    """AveragePool with ceil_mode=True: padded with and without count_include_pad, where the last window starts in
    the input and ends in the padding or beyond it (8 -> 5), and unpadded on odd sizes (5 -> 3, 3 -> 2)."""

    def __init__(self):
        super().__init__()
        self.c1 = nn.Conv2d(3, 8, 3, 2, 1)
        self.c2 = nn.Conv2d(8, 8, 3, 1, 1)
        self.c3 = nn.Conv2d(8, 8, 1)
        self.fc = nn.Linear(8 * 2 * 2, 10)

    def forward(self, x):
        x = F.relu(self.c1(x))
        a = F.avg_pool2d(x, 3, 2, 1, ceil_mode=True, count_include_pad=True)
        b = F.avg_pool2d(x, 3, 2, 1, ceil_mode=True, count_include_pad=False)
        x = F.relu(self.c2(a + b))
        x = self.c3(F.avg_pool2d(x, 2, 2, ceil_mode=True))
        return self.fc(F.avg_pool2d(x, 2, 2, ceil_mode=True).flatten(1))


NETS = {
    "mbv3": (MobileNetV3ish, (13, 14)),
    "mbv2": (MobileNetV2ish, (11, 13)),
    "effnet": (EfficientNetish, (13,)),
    "shufflenet": (ShuffleNetish, (11, 13)),
    "acts": (Activations, (11, 13)),
    "squeezenet": (SqueezeNetish, (11, 13)),
    "mish": (MishNet, (13,)),
    "upsample": (UpsampleNet, (10, 11, 13)),
    "upsize": (UpsampleSizes, (13,)),
    "arith": (Arith, (13,)),
    "gelu": (Gelu, (13,)),
    "avgceil": (AvgCeil, (11, 13)),
}


SIDECAR = ('{ "layout" : "NCHW", "inputShape" : [ 3, 16, 16 ], "scale" : 0.00392156862745098, '
           '"mean" : [ 0.5, 0.5, 0.5 ], "std" : [ 0.25, 0.25, 0.25 ], "numClasses" : 10 }\n')


class Standardized(nn.Module):
    """A network with its logits standardized per class (mean and spread over other random images), so that random
    weights spread the top-1 over the classes instead of one class winning everywhere."""

    def __init__(self, net, mean, std):
        super().__init__()
        self.net = net
        self.register_buffer("mean", mean)
        self.register_buffer("std", std)

    def forward(self, x):
        return (self.net(x) - self.mean) / self.std


def agreement(out):
    os.makedirs(out, exist_ok=True)
    rng = np.random.default_rng(7)
    images = rng.integers(0, 256, (500, 3, 16, 16), dtype=np.uint8)
    np.save(os.path.join(out, "x.npy"), images)
    x = torch.from_numpy((images.astype(np.float32) / 255.0 - 0.5) / 0.25)
    for i, (name, (cls, opsets)) in enumerate(NETS.items()):
        torch.manual_seed(100 + i)
        net = cls().eval()
        other = torch.from_numpy((rng.integers(0, 256, (500, 3, 16, 16)).astype(np.float32) / 255.0 - 0.5) / 0.25)
        with torch.no_grad():
            logits = net(other)
            net = Standardized(net, logits.mean(0), logits.std(0) + 1e-6).eval()
            labels = net(x).argmax(1).numpy().astype(np.int64)
        np.save(os.path.join(out, name + ".labels.npy"), labels)
        torch.onnx.export(net, x[:1], os.path.join(out, name + ".onnx"), opset_version=max(opsets),
                          input_names=["x"], output_names=["y"], dynamic_axes={"x": {0: "n"}, "y": {0: "n"}})
        with open(os.path.join(out, name + ".preprocess.json"), "w") as f:
            f.write(SIDECAR)
        print(name, "classes used:", len(set(labels.tolist())))


def main():
    if AGREEMENT:
        agreement(sys.argv[2])
        return
    os.makedirs(OUT, exist_ok=True)
    torch.manual_seed(2026)
    x = torch.randn(2, 3, 16, 16)
    np.save(os.path.join(OUT, "input.npy"), x.numpy().astype(np.float32))
    for i, (name, (cls, opsets)) in enumerate(NETS.items()):
        torch.manual_seed(100 + i)
        net = cls().eval()
        with torch.no_grad():
            y = net(x).numpy().astype(np.float32)
        for opset in opsets:
            stem = "%s_op%d" % (name, opset)
            torch.onnx.export(net, x, os.path.join(OUT, stem + ".onnx"), opset_version=opset,
                              input_names=["x"], output_names=["y"], dynamic_axes={"x": {0: "n"}, "y": {0: "n"}})
            np.save(os.path.join(OUT, stem + ".out.npy"), y)
            print(stem, os.path.getsize(os.path.join(OUT, stem + ".onnx")), "bytes")


if __name__ == "__main__":
    main()
