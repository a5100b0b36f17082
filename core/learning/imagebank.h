#pragma once

#include <opencv2/core.hpp>

#include <QString>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

class QFile;

namespace semiprune {

// Decoded images for training: N images of one size, stored contiguously as N x H x W x C uint8
// (C = 1 for gray, 3 for colour in OpenCV's BGR order). 60k images of 28x28 are ~47 MB, so the whole
// pool is normally held in memory rather than decoded again every epoch.
//
// A bank too large for memory is backed by a file instead (see the spill-file constructor): images
// are appended to it as they are decoded, and finishAdding() maps it, so readers see the same
// contiguous pixels while the operating system pages them in on demand and drops them under memory
// pressure. Pixels are decoded once either way, never per epoch.
//
// Thread rules: adding is for one thread; once filled (and, for a file-backed bank, finished), any
// number of threads may read a bank that nobody modifies any more (the trainers read it from their
// worker and prefetch threads).
class ImageBank final {
public:
    // Throws semiprune::Error for a size below 8 px or a channel count other than 1 or 3.
    ImageBank(int width, int height, int channels);
    // A file-backed bank: images are written to `spillFile` (created or truncated, removed again
    // when the bank is destroyed). Throws semiprune::Error when the file cannot be written.
    ImageBank(int width, int height, int channels, const QString &spillFile);
    ~ImageBank();
    ImageBank(ImageBank &&) noexcept = default;
    ImageBank(const ImageBank &) = delete;
    ImageBank &operator=(const ImageBank &) = delete;

    int width() const { return m_width; }
    int height() const { return m_height; }
    int channels() const { return m_channels; }
    int count() const { return m_count; }
    bool isEmpty() const { return m_count == 0; }
    bool isFileBacked() const { return m_file != nullptr; }
    std::size_t imageBytes() const { return std::size_t(m_width) * m_height * m_channels; }

    void reserve(int images);

    // Adds one image: 8- or 16-bit, 1, 3 or 4 channels (BGR/BGRA as OpenCV decodes). Converted to
    // the bank's channel count and resized (INTER_AREA, aspect not kept) to the bank's size.
    // Returns the new image's index. Throws semiprune::Error for an empty or unsupported image.
    int add(const cv::Mat &image);
    // Converts one image to the bank's format (what add() does) into `target`, imageBytes() bytes.
    // Thread-safe: decoding threads convert in parallel, then one thread adds the results raw.
    void convert(const cv::Mat &image, std::uint8_t *target) const;
    // Adds one image already in the bank's format: imageBytes() bytes, H x W x C.
    int addRaw(const std::uint8_t *pixels);
    // Ends adding: a file-backed bank is flushed and mapped for reading (throws semiprune::Error
    // when that fails); nothing happens for a bank in memory. Reading a file-backed bank before
    // this is not allowed.
    void finishAdding();

    const std::uint8_t *data() const { return m_mapped ? m_mapped : m_pixels.data(); }
    const std::uint8_t *image(int index) const { return data() + std::size_t(index) * imageBytes(); }
    // A read-only header over one stored image (no copy); valid while the bank is not modified.
    cv::Mat view(int index) const;

    // Per-channel mean and the pooled standard deviation of all pixels, on the 0..255 scale; the
    // networks normalise their input with these.
    void statistics(std::vector<double> &mean, double &stddev) const;

private:
    std::uint8_t *slotForNewImage();
    int commitNewImage();

    int m_width;
    int m_height;
    int m_channels;
    int m_count = 0;
    std::vector<std::uint8_t> m_pixels; // in memory: every image; file-backed: one image being added
    std::unique_ptr<QFile> m_file;
    const std::uint8_t *m_mapped = nullptr;
};

} // namespace semiprune
