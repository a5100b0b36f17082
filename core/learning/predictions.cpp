#include "learning/predictions.h"

#include <algorithm>

namespace semiprune {

Predictions::Predictions(std::vector<float> probabilities, int classes)
    : m_probabilities(std::move(probabilities)), m_classes(classes)
{
}

int Predictions::argmax(int image) const
{
    const float *p = row(image);
    return int(std::max_element(p, p + m_classes) - p);
}

float Predictions::confidence(int image) const
{
    const float *p = row(image);
    return *std::max_element(p, p + m_classes);
}

std::vector<int> Predictions::labels() const
{
    std::vector<int> result(static_cast<std::size_t>(count()));
    for (int i = 0; i < count(); ++i)
        result[std::size_t(i)] = argmax(i);
    return result;
}

double Predictions::accuracy(const std::vector<int> &reference) const
{
    std::int64_t counted = 0, right = 0;
    const int n = std::min(count(), int(reference.size()));
    for (int i = 0; i < n; ++i) {
        if (reference[std::size_t(i)] < 0)
            continue;
        ++counted;
        right += argmax(i) == reference[std::size_t(i)] ? 1 : 0;
    }
    return counted > 0 ? double(right) / double(counted) : -1.0;
}

} // namespace semiprune
