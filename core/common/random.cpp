#include "common/random.h"

#include <cmath>

namespace semiprune {

double TrainingRng::normal()
{
    // 1 - uniform() is in (0, 1], so the log is finite.
    const double u1 = 1.0 - uniform();
    const double u2 = uniform();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
}

} // namespace semiprune
