// libFuzzer target: the IDX parser must throw Error or return an array whose data matches its
// dimensions, for any bytes.

#include "common/error.h"
#include "dataset/idxfile.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    try {
        const semiprune::IdxArray array = semiprune::parseIdx(bytes, QStringLiteral("fuzz.idx"));
        if (array.dims.empty() || array.dims.size() > 4)
            std::abort();
        if (array.itemCount() * array.itemSize() != array.data.size())
            std::abort();
    } catch (const semiprune::Error &) {
        // A clear refusal is the expected outcome for almost every input.
    }
    return 0;
}
