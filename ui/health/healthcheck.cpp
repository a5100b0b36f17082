#include "healthcheck.h"

#include "jobs/jobcontext.h"
#include "jobs/jobrunner.h"
#include "storage/project.h"

#include <QCoreApplication>
#include <QLocale>
#include <QMessageBox>

namespace semiprune::ui {

namespace {

struct HealthText {
    Q_DECLARE_TR_FUNCTIONS(HealthText)
};

} // namespace

QString qualityIssueTitle(QualityIssue issue)
{
    switch (issue) {
    case QualityIssue::Dark:
        return HealthText::tr("dark");
    case QualityIssue::Overexposed:
        return HealthText::tr("overexposed");
    case QualityIssue::Blurry:
        return HealthText::tr("blurry");
    case QualityIssue::LowInformation:
        return HealthText::tr("little information");
    case QualityIssue::Noise:
        return HealthText::tr("looks like noise");
    case QualityIssue::OddSize:
        return HealthText::tr("odd size");
    case QualityIssue::OddAspect:
        return HealthText::tr("odd aspect ratio");
    case QualityIssue::GrayInColor:
        return HealthText::tr("gray among color images");
    }
    return {};
}

namespace {

qint64 membersOf(const std::vector<DuplicateGroup> &groups)
{
    qint64 count = 0;
    for (const DuplicateGroup &group : groups)
        count += qint64(group.members.size());
    return count;
}

} // namespace

QString healthSummary(const FingerprintReport &health, const DuplicateReport &copies)
{
    const QLocale locale;
    QStringList lines;
    lines << HealthText::tr("%1 images checked.").arg(locale.toString(qint64(health.images.size())));
    if (health.undecodable > 0)
        lines << HealthText::tr("%1 images could not be decoded.").arg(locale.toString(health.undecodable));
    lines << HealthText::tr("Exact copies: %1 groups of %2 images.")
                 .arg(locale.toString(qint64(copies.exactGroups.size())),
                     locale.toString(membersOf(copies.exactGroups)));
    lines << HealthText::tr("Near copies: %1 groups of %2 images.")
                 .arg(locale.toString(qint64(copies.nearGroups.size())), locale.toString(membersOf(copies.nearGroups)));
    lines << HealthText::tr("Test or validation images with a copy in training: %1.")
                 .arg(locale.toString(qint64(copies.leaks.size())));
    const AuditResult audit = auditImages(health);
    if (audit.counts.empty()) {
        lines << HealthText::tr("No image is dark, overexposed, blurry, empty, noisy or oddly sized.");
    } else {
        QStringList kinds;
        for (const auto &[issue, count] : audit.counts)
            kinds << HealthText::tr("%1 %2").arg(locale.toString(count), qualityIssueTitle(issue));
        lines << HealthText::tr("Images with an issue: %1 (%2).")
                     .arg(locale.toString(audit.flagged), kinds.join(QStringLiteral(", ")));
    }
    lines << QString()
          << HealthText::tr("The inspector shows each image's issues. semiprune duplicates and semiprune audit list "
                            "every group, leak and flagged image.");
    return lines.join(QLatin1Char('\n'));
}

bool runHealthCheck(QWidget *window, Project &project)
{
    FingerprintReport health;
    DuplicateReport copies;
    JobRunner runner(window);
    const JobOutcome outcome = runner.run(HealthText::tr("Checking the images"), [&](JobContext &job) {
        health = fingerprintImages(project, job);
        copies = findDuplicates(health.hashed());
    });
    if (outcome.status == JobOutcome::Status::Failed)
        QMessageBox::warning(window, HealthText::tr("The Image Check Failed"), outcome.message);
    if (!outcome.finished())
        return false;
    QMessageBox box(QMessageBox::Information, HealthText::tr("Image Check"), healthSummary(health, copies),
        QMessageBox::Ok, window);
    box.setObjectName(QStringLiteral("healthSummary"));
    box.exec();
    return true;
}

} // namespace semiprune::ui
