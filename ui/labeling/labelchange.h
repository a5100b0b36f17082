#pragma once

#include "common/ids.h"
#include "storage/records.h"

namespace semiprune::ui {

// One image's human label before and after an edit; an invalid class id means "no label".
// A command keeps a vector of these, so undo and redo are the same write in opposite directions.
struct LabelChange {
    ImageId image;
    ClassId before;
    LabelSource beforeSource = LabelSource::Manual;
    ClassId after;
    LabelSource afterSource = LabelSource::Manual;
};

} // namespace semiprune::ui
