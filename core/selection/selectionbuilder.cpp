#include "selection/selectionbuilder.h"

#include "common/error.h"

#include <QCoreApplication>
#include <QString>

#include <utility>

namespace semiprune {

SelectionBuilder::SelectionBuilder(int imageCount, const std::vector<bool> &forced, SelectionReason unchosenReason)
    : m_forced(forced)
{
    if (!forced.empty() && forced.size() != std::size_t(imageCount))
        throw Error(QCoreApplication::translate(
            "Selection", "The list of images forced into the coreset has %1 entries for %2 images.")
                        .arg(qulonglong(forced.size()))
                        .arg(imageCount));
    m_selection.reasons.assign(std::size_t(imageCount), unchosenReason);
    for (int image = 0; image < imageCount; ++image)
        if (isForced(image)) {
            m_selection.kept.push_back(image);
            m_selection.reasons[std::size_t(image)] = SelectionReason::Kept;
        }
}

void SelectionBuilder::drop(int image, SelectionReason reason)
{
    Q_ASSERT(!isForced(image) && reason != SelectionReason::Kept);
    m_selection.reasons[std::size_t(image)] = reason;
}

Selection SelectionBuilder::finish(const std::vector<int> &chosen)
{
    for (int image : chosen) {
        Q_ASSERT(!isForced(image) && m_selection.reasons[std::size_t(image)] != SelectionReason::Kept);
        m_selection.kept.push_back(image);
        m_selection.reasons[std::size_t(image)] = SelectionReason::Kept;
    }
    return std::move(m_selection);
}

} // namespace semiprune
