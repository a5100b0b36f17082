#pragma once

#include <opencv2/core.hpp>

namespace semiprune {

class TrainingRng;

// The training augmentations, on uint8 images (CV_8UC1 or CV_8UC3) with OpenCV only. Every random
// choice comes from the TrainingRng passed in, so a seeded generator gives the same result on every platform.
// The target must already have the source's size and type (it is usually a header over a slot of a
// batch buffer, written in place without a per-image allocation); it must not alias the source.
//
// Thread rules: the functions are reentrant; their scratch buffers are thread-local.

// The RandAugment operations FixMatch draws from (method.md, stage 2).
enum class RandAugmentOp {
    Identity,
    AutoContrast,
    Equalize,
    Rotate,
    Solarize,
    Posterize,
    Contrast,
    Brightness,
    Sharpness,
    ShearX,
    ShearY,
    TranslateX,
    TranslateY,
};
constexpr int RandAugmentOpCount = 13;

// Weak view: random crop of the image padded by reflection (12.5 % of each side), then a horizontal
// flip with probability 1/2 where allowed.
void weakAugment(const cv::Mat &source, cv::Mat &target, TrainingRng &rng, bool allowFlip);

// Strong view: the weak view, then RandAugment (two operations drawn uniformly with replacement, each
// with a uniform random magnitude in [0, 1] and a random direction), then Cutout.
void strongAugment(const cv::Mat &source, cv::Mat &target, TrainingRng &rng, bool allowFlip);

// One RandAugment operation in place. magnitude in [0, 1]; `negative` flips the direction of the
// signed operations (rotate, shear, translate, contrast, brightness, sharpness). Geometric operations
// fill uncovered pixels with gray 127.
void applyRandAugmentOp(cv::Mat &image, RandAugmentOp op, double magnitude, bool negative);

// Cutout: one square with a side of a quarter to a half of the shorter image side, centred anywhere
// in the image (so it may be clipped), filled with gray 127.
void cutout(cv::Mat &image, TrainingRng &rng);

} // namespace semiprune
