"""PyTorch float32 half of scripts/torch-side-by-side: runs an ONNX CNN (ResNet-20 by default) in PyTorch.

The network is built from the ONNX file itself (its weights and its node list, read with the `onnx` package), so
PyTorch runs the same definition as axdse. Supported ops: those of the shared ResNet-20 and the bundled CNNs
(Conv, Relu, Add, Slice, Pad, GlobalAveragePool, Flatten, Gemm, MaxPool, AveragePool, Reshape, Clip).
Prints one JSON line: images, batch, threads, wall and CPU seconds of the timed pass, images/s, and the largest
difference to the reference logits when they are given.
"""
import argparse
import json
import time

import numpy as np
import onnx
import onnx.numpy_helper
import torch
import torch.nn.functional as F


def attrs(node):
    return {a.name: onnx.helper.get_attribute_value(a) for a in node.attribute}


class OnnxNet(torch.nn.Module):
    """Executes the nodes of an ONNX graph in order with torch operators (float32, inference only)."""

    def __init__(self, path):
        super().__init__()
        g = onnx.load(path).graph
        self.consts = {i.name: torch.from_numpy(onnx.numpy_helper.to_array(i).copy()) for i in g.initializer}
        self.nodes = [(n.op_type, list(n.input), list(n.output), attrs(n)) for n in g.node]
        self.input = g.input[0].name
        self.output = g.output[0].name

    def forward(self, x):
        env = dict(self.consts)
        env[self.input] = x
        for op, ins, outs, a in self.nodes:
            v = [env[i] if i else None for i in ins]
            env[outs[0]] = run(op, v, a)
        return env[self.output]


def symmetric_pads(pads, op):
    half = len(pads) // 2
    if pads[:half] != pads[half:]:
        raise SystemExit(f"{op} with asymmetric pads {pads} is not supported")
    return pads[:half]


def run(op, v, a):
    if op == "Conv":
        return F.conv2d(v[0], v[1], v[2] if len(v) > 2 else None, stride=a.get("strides", [1, 1]),
                        padding=symmetric_pads(a.get("pads", [0, 0, 0, 0]), op),
                        dilation=a.get("dilations", [1, 1]), groups=a.get("group", 1))
    if op == "Relu":
        return F.relu(v[0])
    if op == "Clip":
        return torch.clamp(v[0], float(v[1]), float(v[2]))
    if op == "Add":
        return v[0] + v[1]
    if op == "Slice":
        x, starts, ends = v[0], v[1].tolist(), v[2].tolist()
        axes = v[3].tolist() if len(v) > 3 and v[3] is not None else list(range(len(starts)))
        steps = v[4].tolist() if len(v) > 4 and v[4] is not None else [1] * len(starts)
        idx = [slice(None)] * x.dim()
        for s, e, ax, st in zip(starts, ends, axes, steps):
            idx[ax] = slice(s, min(e, x.shape[ax]), st)
        return x[tuple(idx)]
    if op == "Pad":
        pads = v[1].tolist()
        n = len(pads) // 2
        torch_pads = []
        for d in reversed(range(n)):
            torch_pads += [pads[d], pads[n + d]]
        value = float(v[2]) if len(v) > 2 and v[2] is not None else 0.0
        return F.pad(v[0], torch_pads, mode="constant", value=value)
    if op == "GlobalAveragePool":
        return v[0].mean(dim=(2, 3), keepdim=True)
    if op == "Flatten":
        return torch.flatten(v[0], a.get("axis", 1))
    if op == "Reshape":
        return v[0].reshape([v[0].shape[0]] + v[1].tolist()[1:])
    if op == "Gemm":
        w = v[1] if a.get("transB", 0) else v[1].t()
        return F.linear(v[0], w, v[2] if len(v) > 2 else None)
    if op in ("MaxPool", "AveragePool"):
        f = F.max_pool2d if op == "MaxPool" else F.avg_pool2d
        return f(v[0], a["kernel_shape"], a.get("strides", a["kernel_shape"]),
                 symmetric_pads(a.get("pads", [0, 0, 0, 0]), op))
    raise SystemExit(f"ONNX op {op} is not supported by this script")


def cifar10(path, n, mean, std):
    raw = np.fromfile(path, dtype=np.uint8).reshape(-1, 3073)[:n]
    x = raw[:, 1:].reshape(-1, 3, 32, 32).astype(np.float32) / 255.0
    x = (x - np.array(mean, np.float32)[None, :, None, None]) / np.array(std, np.float32)[None, :, None, None]
    return torch.from_numpy(np.ascontiguousarray(x)), raw[:, 0].astype(np.int64)


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--model", required=True)
    p.add_argument("--data", required=True, help="CIFAR-10 binary batch (test_batch.bin)")
    p.add_argument("--reference", help="reference logits (.npy) to check the float path against")
    p.add_argument("--images", type=int, default=1000)
    p.add_argument("--batch", type=int, default=64)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--mean", default="0.485,0.456,0.406")
    p.add_argument("--std", default="0.229,0.224,0.225")
    p.add_argument("--channels-last", action="store_true", help="NHWC tensors (oneDNN's faster layout)")
    o = p.parse_args()
    torch.set_num_threads(o.threads)
    net = OnnxNet(o.model).eval()
    x, labels = cifar10(o.data, o.images, [float(s) for s in o.mean.split(",")],
                        [float(s) for s in o.std.split(",")])
    if o.channels_last:
        x = x.contiguous(memory_format=torch.channels_last)
        net.consts = {k: v.contiguous(memory_format=torch.channels_last) if v.dim() == 4 else v
                      for k, v in net.consts.items()}
    with torch.inference_mode():
        for i in range(0, min(len(x), 2 * o.batch), o.batch):  # warm-up (oneDNN primitive creation)
            net(x[i:i + o.batch])
        cpu, wall = time.process_time(), time.perf_counter()
        logits = torch.cat([net(x[i:i + o.batch]) for i in range(0, len(x), o.batch)])
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    result = {"images": len(x), "batch": o.batch, "threads": torch.get_num_threads(),
              "channelsLast": o.channels_last, "torch": torch.__version__,
              "wallSeconds": wall, "cpuSeconds": cpu, "imagesPerSecond": len(x) / wall,
              "top1": float((logits.argmax(1).numpy() == labels).mean())}
    if o.reference:
        ref = np.load(o.reference)[:len(x)]
        result["maxAbsDiffToReference"] = float(np.abs(logits.numpy() - ref).max())
    print(json.dumps(result))


if __name__ == "__main__":
    main()
