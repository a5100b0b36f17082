#pragma once

#include "health/duplicates.h"
#include "health/fingerprinting.h"

#include <QString>

class QWidget;

namespace semiprune {
class Project;
}

namespace semiprune::ui {

// An audit issue as the window names it ("dark", "little information", ...), translated.
QString qualityIssueTitle(QualityIssue issue);

// What the image check found, as the window says it: copies, split leaks and the audit's issues by
// kind, each a line, with where to see them in detail.
QString healthSummary(const FingerprintReport &health, const DuplicateReport &copies);

// Measures every image of the project (fingerprints and audit, stored unless the project is
// read-only) and searches it for copies, with the progress dialog and Cancel, then shows the summary.
// Returns whether it finished; a failure is shown to the person before returning.
bool runHealthCheck(QWidget *window, Project &project);

} // namespace semiprune::ui
