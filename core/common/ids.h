#pragma once

#include <QHashFunctions>
#include <QtGlobal>

#include <functional>

namespace semiprune {

// A typed row id: an ImageId cannot be passed where a ClassId is expected.
template<typename Tag> struct Id {
    qint64 value = 0;

    constexpr Id() = default;
    constexpr explicit Id(qint64 v) : value(v) { }
    constexpr bool isValid() const { return value > 0; }
    friend constexpr bool operator==(Id a, Id b) { return a.value == b.value; }
    friend constexpr bool operator!=(Id a, Id b) { return a.value != b.value; }
    friend constexpr bool operator<(Id a, Id b) { return a.value < b.value; }
};

template<typename Tag> inline size_t qHash(Id<Tag> id, size_t seed = 0) noexcept
{
    return ::qHash(id.value, seed);
}

using ImageId = Id<struct ImageTag>;
using ClassId = Id<struct ClassTag>;
using ReferenceClassId = Id<struct ReferenceClassTag>;
using SeedDrawId = Id<struct SeedDrawTag>;
using RunId = Id<struct RunTag>;

} // namespace semiprune

template<typename Tag> struct std::hash<semiprune::Id<Tag>> {
    size_t operator()(semiprune::Id<Tag> id) const noexcept { return std::hash<qint64>()(id.value); }
};
