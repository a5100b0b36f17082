#include "selection/budget.h"

#include "common/error.h"

#include <QCoreApplication>
#include <QString>

#include <algorithm>
#include <cmath>
#include <iterator>

namespace semiprune {

namespace {

void requireKeepRatio(double keepRatio)
{
    if (!(keepRatio > 0.0 && keepRatio < 1.0))
        throw Error(QCoreApplication::translate("Selection",
            "The keep ratio r = %1 must lie strictly between 0 and 1: r = 1 keeps the "
            "whole pool and r = 0 keeps nothing.")
                        .arg(keepRatio));
}

} // namespace

Budget Budget::of(int imageCount, double keepRatio, double beta)
{
    requireKeepRatio(keepRatio);
    if (!(beta >= 0.0 && beta < 1.0 - keepRatio))
        throw Error(QCoreApplication::translate("Selection",
            "The hard-cutoff rate beta = %1 must satisfy 0 <= beta < 1 - r = %2 for the "
            "keep ratio r = %3: the images dropped as too hard and the images kept "
            "cannot together exceed the pool. Choose a beta below %2.")
                        .arg(beta)
                        .arg(1.0 - keepRatio)
                        .arg(keepRatio));
    if (imageCount < 0)
        throw Error(QCoreApplication::translate("Selection", "Cannot select from %1 images.").arg(imageCount));
    return { floorCount(keepRatio, imageCount), floorCount(beta, imageCount) };
}

Budget Budget::of(int imageCount, double keepRatio)
{
    return of(imageCount, keepRatio, 0.0);
}

int floorCount(double fraction, int count)
{
    // The relative slack of 1e-12 is far above double rounding error (about 1e-16); it changes the
    // result only for ratios given to 12 significant digits.
    const double exact = fraction * double(count);
    return std::min(count, int(std::floor(exact * (1.0 + 1e-12))));
}

double defaultBetaFor(double keepRatio)
{
    requireKeepRatio(keepRatio);
    struct Point {
        double keepRatio;
        double beta;
    };
    static constexpr Point kPaper[] = { { 0.1, 0.6 }, { 0.2, 0.5 }, { 0.3, 0.4 }, { 0.5, 0.2 }, { 0.7, 0.1 } };

    const Point &last = *std::prev(std::end(kPaper));
    if (keepRatio >= last.keepRatio)
        return std::min(last.beta, (1.0 - keepRatio) / 2.0);
    if (keepRatio <= kPaper[0].keepRatio)
        return kPaper[0].beta;
    const Point *upper = std::begin(kPaper);
    while (upper->keepRatio < keepRatio)
        ++upper;
    // At a paper point take its value as written, not as interpolation rounds it.
    if (upper->keepRatio == keepRatio)
        return upper->beta;
    const Point *lower = upper - 1;
    const double t = (keepRatio - lower->keepRatio) / (upper->keepRatio - lower->keepRatio);
    return lower->beta + t * (upper->beta - lower->beta);
}

} // namespace semiprune
