#pragma once

#include <opencv2/core/mat.hpp>

#include <array>
#include <cstdint>

namespace semiprune {

// Two fingerprints of one decoded image, for finding copies.
//
// pixels: 64 bits of a SHA-256 over the decoded pixels with their size and channel count, so two
// files with the same pixels match whatever their format, compression or metadata (a PNG and its
// lossless re-save; not a lossy JPEG re-save, whose pixels differ). A color image whose three
// channels are equal everywhere is hashed as the gray image it shows.
//
// thumbnail: the gray image shrunk to 8 x 8 by area averaging. Compared with its mean removed and
// scaled to unit length (thumbnailDistance), it is the average hash of OpenCV's img_hash module
// before binarization: re-encoding, resizing and brightness or contrast changes barely move it. It
// replaces the 64-bit hashes of img_hash here because they could not tell small images apart: on
// Fashion-MNIST a quarter of all images had an unrelated image within 4 bits of pHash, closer than
// many real copies (docs/data-health.md).
struct ImageHash {
    static constexpr int kThumbnailSide = 8;
    std::uint64_t pixels = 0;
    std::array<std::uint8_t, kThumbnailSide * kThumbnailSide> thumbnail {};

    // False for an image without structure (its thumbnail's standard deviation under one gray
    // level: blank, one color, one pixel): such images are never near copies of anything, since all
    // of them look alike once brightness is taken out.
    bool hasStructure() const;
    // The thumbnail with its mean removed, unit length; zeros without structure.
    std::array<float, kThumbnailSide * kThumbnailSide> shape() const;
};

// `image`: 8-bit, 1 or 3 channels (BGR), as decodeImage gives it. Thread-safe.
ImageHash hashImage(const cv::Mat &image);

// Euclidean distance between the two shapes: 0 for the same picture at any brightness or contrast,
// about 1 for unrelated images, 2 for a negative. Images without structure are 2 from everything.
float thumbnailDistance(const ImageHash &a, const ImageHash &b);

} // namespace semiprune
