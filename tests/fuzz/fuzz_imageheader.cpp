// libFuzzer target: the image header reader never throws, never reads past the bytes it is given,
// and either explains why a header is invalid or reports a plausible size.

#include "imaging/imageheader.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    // Copied so that AddressSanitizer sees the exact end of the buffer the reader is given.
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    for (const qint64 fileSize : { qint64(size), qint64(size) * 2 + 1 }) {
        const semiprune::ImageHeader header = semiprune::parseImageHeader(bytes, fileSize);
        if (header.valid && (header.width <= 0 || header.height <= 0 || header.channels <= 0 || header.bitDepth <= 0))
            std::abort();
        if (!header.valid && header.problem.isEmpty())
            std::abort();
    }
    return 0;
}
