#!/usr/bin/env python3
"""Writes benchmark data sets of another character than the clean, balanced Fashion-MNIST, as IDX
files that `semiprune benchmark --train-images ... --test-images ...` reads. Only the training split
changes; the test split stays the clean, balanced original, as in the papers' settings (method.md).

    docs/benchmarks/make_variants.py /usr/share/datasets/fashion-mnist /tmp/variants

makes, in /tmp/variants/<name>/, train-images.idx3, train-labels.idx1, test-images.idx3 and
test-labels.idx1 for:

  longtail   class counts decaying exponentially from 6,000 to 600 (imbalance factor 0.1)
  noisy      20 % of the training labels replaced by another class, uniformly
  corrupted  30 % of the training images corrupted, 6 % each: Gaussian noise, box blur, down-and-up
             sampling, a black rectangle, low contrast (the paper's fog stands in as the last)

Pure Python (no numpy), deterministic for a given --seed.
"""

import argparse
import gzip
import os
import random
import struct


def read_idx(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        data = f.read()
    magic, = struct.unpack(">I", data[:4])
    dims = data[3]
    shape = struct.unpack(">" + "I" * dims, data[4:4 + 4 * dims])
    body = data[4 + 4 * dims:]
    if magic >> 8 != 0x08:
        raise SystemExit(f"{path}: not an unsigned-byte IDX file")
    return shape, body


def write_idx(path, shape, body):
    with open(path, "wb") as f:
        f.write(struct.pack(">I", 0x0800 | len(shape)))
        f.write(struct.pack(">" + "I" * len(shape), *shape))
        f.write(body)


def split_images(shape, body):
    size = shape[1] * shape[2]
    return [bytearray(body[i * size:(i + 1) * size]) for i in range(shape[0])]


def longtail(images, labels, rng, factor=0.1):
    classes = sorted(set(labels))
    by_class = {c: [i for i, l in enumerate(labels) if l == c] for c in classes}
    biggest = max(len(v) for v in by_class.values())
    keep = []
    for rank, c in enumerate(classes):
        count = int(round(biggest * factor ** (rank / (len(classes) - 1))))
        members = by_class[c][:]
        rng.shuffle(members)
        keep.extend(members[:count])
    keep.sort()
    return [images[i] for i in keep], [labels[i] for i in keep]


def noisy(images, labels, rng, share=0.2):
    classes = sorted(set(labels))
    labels = labels[:]
    for i in rng.sample(range(len(labels)), int(share * len(labels))):
        labels[i] = rng.choice([c for c in classes if c != labels[i]])
    return images, labels


def corrupt(image, kind, side, rng):
    pixels = list(image)
    if kind == 0:  # Gaussian noise, sigma 40
        pixels = [min(255, max(0, int(round(p + rng.gauss(0, 40))))) for p in pixels]
    elif kind == 1:  # 5x5 box blur
        out = []
        for y in range(side):
            for x in range(side):
                total = count = 0
                for dy in range(-2, 3):
                    for dx in range(-2, 3):
                        yy, xx = y + dy, x + dx
                        if 0 <= yy < side and 0 <= xx < side:
                            total += pixels[yy * side + xx]
                            count += 1
                out.append(total // count)
        pixels = out
    elif kind == 2:  # down to a quarter of the side, then nearest-neighbour back up
        small = side // 4
        pixels = [pixels[(y * small // side * 4) * side + (x * small // side * 4)]
                  for y in range(side) for x in range(side)]
    elif kind == 3:  # a black rectangle over a third of the side
        w = side // 3
        x0, y0 = rng.randrange(side - w), rng.randrange(side - w)
        for y in range(y0, y0 + w):
            for x in range(x0, x0 + w):
                pixels[y * side + x] = 0
    else:  # fog: low contrast towards a light gray
        pixels = [int(p * 0.35 + 150 * 0.65) for p in pixels]
    return bytearray(pixels)


def corrupted(images, labels, rng, side, share=0.3):
    images = images[:]
    chosen = rng.sample(range(len(images)), int(share * len(images)))
    per_kind = len(chosen) // 5
    for k, i in enumerate(chosen):
        images[i] = corrupt(images[i], min(4, k // per_kind), side, rng)
    return images, labels


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("source", help="folder with the Fashion-MNIST (or MNIST-style) .gz IDX files")
    parser.add_argument("output", help="folder to write one sub-folder per variant into")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--only", nargs="*", default=["longtail", "noisy", "corrupted"])
    args = parser.parse_args()

    def source(name):
        return os.path.join(args.source, name)

    shape, body = read_idx(source("train-images-idx3-ubyte.gz"))
    _, label_body = read_idx(source("train-labels-idx1-ubyte.gz"))
    test_shape, test_body = read_idx(source("t10k-images-idx3-ubyte.gz"))
    test_label_shape, test_label_body = read_idx(source("t10k-labels-idx1-ubyte.gz"))
    images, labels = split_images(shape, body), list(label_body)
    side = shape[1]
    makers = {
        "longtail": lambda rng: longtail(images, labels, rng),
        "noisy": lambda rng: noisy(images, labels, rng),
        "corrupted": lambda rng: corrupted(images, labels, rng, side),
    }
    for name in args.only:
        rng = random.Random(args.seed)
        out_images, out_labels = makers[name](rng)
        folder = os.path.join(args.output, name)
        os.makedirs(folder, exist_ok=True)
        write_idx(os.path.join(folder, "train-images.idx3"), (len(out_images), side, shape[2]),
                  b"".join(bytes(i) for i in out_images))
        write_idx(os.path.join(folder, "train-labels.idx1"), (len(out_labels),), bytes(out_labels))
        write_idx(os.path.join(folder, "test-images.idx3"), test_shape, test_body)
        write_idx(os.path.join(folder, "test-labels.idx1"), test_label_shape, test_label_body)
        counts = [out_labels.count(c) for c in sorted(set(out_labels))]
        print(f"{name}: {len(out_images)} training images, per class {counts}")


if __name__ == "__main__":
    main()
