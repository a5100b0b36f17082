// libFuzzer target: the label CSV parser must throw Error or return rows with a path and a line
// number inside the input, for any bytes.

#include "common/error.h"
#include "dataset/labeling.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray csv(reinterpret_cast<const char *>(data), qsizetype(size));
    try {
        const qsizetype lines = csv.count('\n') + csv.count('\r') + 1;
        for (const semiprune::LabelCsvRow &row : semiprune::parseLabelCsv(csv)) {
            if (row.path.isEmpty() || row.line < 1 || row.line > lines)
                std::abort();
        }
    } catch (const semiprune::Error &) {
    }
    return 0;
}
