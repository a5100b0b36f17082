#include "projectstatuswidget.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>

namespace semiprune::ui {

ProjectStatusWidget::ProjectStatusWidget(QWidget *parent)
    : QWidget(parent), m_images(addCount(QStringLiteral("statusImages"))),
      m_unreadable(addCount(QStringLiteral("statusUnreadable"))), m_missing(addCount(QStringLiteral("statusMissing"))),
      m_labeled(addCount(QStringLiteral("statusLabeled"))), m_seed(addCount(QStringLiteral("statusSeed"))),
      m_selection(addCount(QStringLiteral("statusSelection")))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 4, 0);
    layout->setSpacing(10);
    bool first = true;
    for (QLabel *label : { m_images, m_unreadable, m_missing, m_labeled, m_seed, m_selection }) {
        if (!first) {
            auto *separator = new QFrame(this);
            separator->setFrameShape(QFrame::VLine);
            separator->setFrameShadow(QFrame::Sunken);
            layout->addWidget(separator);
            if (label == m_selection)
                m_selectionSeparator = separator;
        }
        first = false;
        layout->addWidget(label);
    }
    m_images->setToolTip(tr("Images in the project"));
    m_unreadable->setToolTip(tr("Images that cannot be decoded: found at import, or while making thumbnails"));
    m_missing->setToolTip(tr("Images whose file is gone since the import (their labels are kept)"));
    m_labeled->setToolTip(tr("Images with a human label"));
    m_seed->setToolTip(tr("Seed images labeled, of those drawn"));
    m_selection->setToolTip(tr("Images the newest selection keeps"));
    clear();
}

QLabel *ProjectStatusWidget::addCount(const QString &name)
{
    auto *label = new QLabel(this);
    label->setObjectName(name);
    return label;
}

void ProjectStatusWidget::setSummary(const ProjectSummary &summary)
{
    m_summary = summary;
    m_empty = false;
    refresh();
}

void ProjectStatusWidget::setFoundLater(int unreadable, int missing)
{
    m_unreadableLater = unreadable;
    m_missingLater = missing;
    refresh();
}

void ProjectStatusWidget::clear()
{
    m_summary = ProjectSummary();
    m_kept = -1;
    m_unreadableLater = 0;
    m_missingLater = 0;
    m_empty = true;
    refresh();
}

void ProjectStatusWidget::setSelection(qint64 kept, qint64 total)
{
    m_kept = kept;
    m_total = total;
    refresh();
}

void ProjectStatusWidget::adjustLabeled(qint64 labeledDelta, qint64 seedLabeledDelta)
{
    m_summary.labeled += labeledDelta;
    m_summary.seedLabeled += seedLabeledDelta;
    refresh();
}

void ProjectStatusWidget::refresh()
{
    setVisible(!m_empty);
    // Both forms go through tr() with %n: right in English with no translation loaded, and each
    // still offers translators every plural form of their language.
    const int images = int(m_summary.images);
    m_images->setText(images == 1 ? tr("%Ln image", nullptr, images) : tr("%Ln images", nullptr, images));
    m_unreadable->setText(tr("%Ln unreadable", nullptr, int(unreadableCount())));
    m_missing->setText(tr("%Ln missing", nullptr, int(missingCount())));
    m_labeled->setText(tr("%Ln labeled", nullptr, int(m_summary.labeled)));
    m_selection->setVisible(m_kept >= 0);
    m_selectionSeparator->setVisible(m_kept >= 0);
    m_selection->setText(tr("Kept %1 of %2").arg(QLocale().toString(m_kept), QLocale().toString(m_total)));
    m_seed->setText(
        tr("Seed %1/%2").arg(QLocale().toString(m_summary.seedLabeled), QLocale().toString(m_summary.seedToLabel())));
    // Problems stand out; zero problems stay quiet.
    const QString alert = QStringLiteral("color: #c62828;");
    m_unreadable->setStyleSheet(unreadableCount() > 0 ? alert : QString());
    m_missing->setStyleSheet(missingCount() > 0 ? alert : QString());
}

} // namespace semiprune::ui
