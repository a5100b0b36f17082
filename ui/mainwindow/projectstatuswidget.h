#pragma once

#include "storage/projectsummary.h"

#include <QWidget>

class QLabel;

namespace semiprune::ui {

// The counts of an open project for the status bar: images, unreadable, missing, labeled, seed.
// Unreadable counts what the import recorded plus what making thumbnails found since.
//
// Thread rules: GUI thread only.
class ProjectStatusWidget final : public QWidget {
    Q_OBJECT

public:
    explicit ProjectStatusWidget(QWidget *parent = nullptr);

    void setSummary(const ProjectSummary &summary);
    // Problems found after the import (while making thumbnails), added to the project's counts.
    void setFoundLater(int unreadable, int missing);
    void clear();
    // Human labels added or removed since setSummary (label edits), overall and among seed images.
    // The newest selection's kept count ("Kept 300 of 1,000"); empty hides it.
    void setSelection(qint64 kept, qint64 total);
    void adjustLabeled(qint64 labeledDelta, qint64 seedLabeledDelta);

    const ProjectSummary &summary() const { return m_summary; }
    qint64 unreadableCount() const { return m_summary.unreadable + m_unreadableLater; }
    qint64 missingCount() const { return m_summary.missing + m_missingLater; }

private:
    QLabel *addCount(const QString &name);
    void refresh();

    ProjectSummary m_summary;
    int m_unreadableLater = 0;
    int m_missingLater = 0;
    bool m_empty = true;
    QLabel *m_images;
    QLabel *m_unreadable;
    QLabel *m_missing;
    QLabel *m_labeled;
    QLabel *m_seed;
    QLabel *m_selection;
    QWidget *m_selectionSeparator = nullptr;
    qint64 m_kept = -1;
    qint64 m_total = 0;
};

} // namespace semiprune::ui
