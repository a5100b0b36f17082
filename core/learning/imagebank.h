#pragma once

#include <opencv2/core.hpp>

#include <cstddef>
#include <cstdint>
#include <vector>

namespace semiprune {

// Decoded images kept in memory for training: N images of one size, stored contiguously as
// N x H x W x C uint8 (C = 1 for gray, 3 for colour in OpenCV's BGR order). 60k images of 28x28 are
// ~47 MB, so the whole pool is held here rather than decoded again every epoch.
//
// Thread rules: adding is for one thread; once filled, any number of threads may read a bank that
// nobody modifies any more (the trainers read it from their worker and prefetch threads).
class ImageBank final
{
public:
    // Throws semiprune::Error for a size below 8 px or a channel count other than 1 or 3.
    ImageBank(int width, int height, int channels);

    int width() const { return m_width; }
    int height() const { return m_height; }
    int channels() const { return m_channels; }
    int count() const { return int(m_pixels.size() / imageBytes()); }
    bool isEmpty() const { return m_pixels.empty(); }
    std::size_t imageBytes() const { return std::size_t(m_width) * m_height * m_channels; }

    void reserve(int images);
    void clear() { m_pixels.clear(); }

    // Adds one image: 8- or 16-bit, 1, 3 or 4 channels (BGR/BGRA as OpenCV decodes). Converted to
    // the bank's channel count and resized (INTER_AREA, aspect not kept) to the bank's size.
    // Returns the new image's index. Throws semiprune::Error for an empty or unsupported image.
    int add(const cv::Mat &image);
    // Adds one image already in the bank's format: imageBytes() bytes, H x W x C.
    int addRaw(const std::uint8_t *pixels);

    const std::uint8_t *data() const { return m_pixels.data(); }
    const std::uint8_t *image(int index) const { return m_pixels.data() + std::size_t(index) * imageBytes(); }
    // A read-only header over one stored image (no copy); valid while the bank is not modified.
    cv::Mat view(int index) const;

    // Per-channel mean and the pooled standard deviation of all pixels, on the 0..255 scale; the
    // networks normalise their input with these.
    void statistics(std::vector<double> &mean, double &stddev) const;

private:
    int m_width;
    int m_height;
    int m_channels;
    std::vector<std::uint8_t> m_pixels;
};

} // namespace semiprune
