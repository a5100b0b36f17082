#include "projectworkflows.h"

#include "dataset/demoproject.h"
#include "dataset/folderimporter.h"
#include "dataset/folderscan.h"
#include "dataset/idxconverter.h"
#include "dialogs/importidxdialog.h"
#include "dialogs/labelmodequestion.h"
#include "dialogs/newprojectdialog.h"
#include "jobs/jobcontext.h"
#include "jobs/jobrunner.h"
#include "storage/project.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QMessageBox>
#include <QSettings>

namespace semiprune::ui {

namespace {

const QString kLastFolderSetting = QStringLiteral("paths/lastProjectFolder");

QString describe(const ImportReport &report)
{
    const QLocale locale;
    QString text = QCoreApplication::translate("ProjectWorkflows", "Imported %1 images in %2 s")
                       .arg(locale.toString(report.added), locale.toString(report.seconds, 'f', 1));
    if (report.unreadable > 0)
        text += QCoreApplication::translate("ProjectWorkflows", ", %1 unreadable")
                    .arg(locale.toString(report.unreadable));
    if (report.vanished > 0)
        text += QCoreApplication::translate("ProjectWorkflows", ", %1 vanished during the import")
                    .arg(locale.toString(report.vanished));
    if (report.labelsImported > 0)
        text += QCoreApplication::translate("ProjectWorkflows", ", %1 labels")
                    .arg(locale.toString(report.labelsImported));
    return text;
}

} // namespace

ProjectWorkflows::ProjectWorkflows(QWidget *window, QObject *parent)
    : QObject(parent), m_window(window), m_runner(new JobRunner(window, this))
{
}

ProjectWorkflows::~ProjectWorkflows() = default;

bool ProjectWorkflows::isBusy() const
{
    return m_runner->isBusy();
}

void ProjectWorkflows::removeProjectFiles(const QString &projectFile)
{
    for (const QString &suffix : { QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral(".thumbs"),
             QStringLiteral(".thumbs-wal"), QStringLiteral(".thumbs-shm") })
        QFile::remove(projectFile + suffix);
}

void ProjectWorkflows::showFailure(const QString &title, const QString &message) const
{
    QMessageBox::warning(m_window, title, message);
}

std::optional<QString> ProjectWorkflows::newProjectFromFolder()
{
    if (isBusy())
        return std::nullopt;
    NewProjectDialog dialog(m_window);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    const QString folder = dialog.imageFolder();
    const QString file = dialog.projectFile();

    // Scan first: class sub-folders need the user's word on how their labels are used.
    FolderScan scan;
    JobOutcome outcome
        = m_runner->run(tr("Scanning the Folder"), [&](JobContext &job) { scan = scanFolder(folder, job); });
    if (outcome.status == JobOutcome::Status::Failed)
        showFailure(tr("Cannot Read the Folder"), outcome.message);
    if (!outcome.finished())
        return std::nullopt;
    if (scan.files.empty()) {
        showFailure(tr("No Images Found"),
            tr("There are no images in %1 (looked for jpg, jpeg, png, bmp, webp, tif, tiff, pgm, ppm, pbm, pnm).")
                .arg(QDir::toNativeSeparators(folder)));
        return std::nullopt;
    }
    ImportOptions options;
    options.verifyPixels = dialog.verifyPixels();
    if (scan.hasClassFolders) {
        options.labelMode = askLabelMode(m_window, folder);
        if (!options.labelMode)
            return std::nullopt;
    }
    scan = FolderScan(); // the import scans again; do not hold 100k paths meanwhile

    ImportReport report;
    outcome = m_runner->run(tr("Creating the Project"), [&](JobContext &job) {
        std::unique_ptr<Project> project = Project::create(file, folder);
        report = importFolder(*project, options, job);
    });
    if (!outcome.finished()) {
        // The user asked for a new project and did not get one: leave nothing half made behind.
        removeProjectFiles(file);
        if (outcome.status == JobOutcome::Status::Failed)
            showFailure(tr("Cannot Create the Project"), outcome.message);
        return std::nullopt;
    }
    m_lastReport = describe(report);
    QSettings().setValue(kLastFolderSetting, QFileInfo(file).absolutePath());
    return file;
}

std::optional<QString> ProjectWorkflows::importIdx()
{
    if (isBusy())
        return std::nullopt;
    ImportIdxDialog dialog(m_window);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    const std::vector<IdxPart> parts = dialog.parts();
    const QStringList classNames = dialog.classNames();
    const LabelMode mode = dialog.labelMode();
    const QString output = dialog.outputFolder();
    const QString file = dialog.projectFile();
    const bool outputExisted = QFileInfo::exists(output);

    ImportReport report;
    const JobOutcome outcome = m_runner->run(tr("Importing IDX Files"), [&](JobContext &job) {
        convertIdxToFolder(parts, output, classNames, job);
        std::unique_ptr<Project> project = Project::create(file, output);
        ImportOptions options;
        if (mode != LabelMode::None)
            options.labelMode = mode;
        report = importFolder(*project, options, job);
    });
    if (!outcome.finished()) {
        removeProjectFiles(file);
        if (!outputExisted) // only a folder this job made; the dialog refused any other
            QDir(output).removeRecursively();
        if (outcome.status == JobOutcome::Status::Failed)
            showFailure(tr("Cannot Import the IDX Files"), outcome.message);
        return std::nullopt;
    }
    m_lastReport = describe(report);
    QSettings().setValue(kLastFolderSetting, QFileInfo(file).absolutePath());
    return file;
}

std::optional<QString> ProjectWorkflows::prepareDemo()
{
    if (isBusy())
        return std::nullopt;
    QString file;
    const JobOutcome outcome = m_runner->run(tr("Preparing the Fashion-MNIST Demo"), [&](JobContext &job) {
        // Opened (and made, the first time) here; closed again so the GUI thread opens its own.
        file = openOrCreateDemoProject(defaultDemoDirectory(), job)->filePath();
    });
    if (outcome.status == JobOutcome::Status::Failed)
        showFailure(tr("Cannot Open the Demo"), outcome.message);
    if (!outcome.finished())
        return std::nullopt;
    return file;
}

std::optional<QString> ProjectWorkflows::chooseProjectFile()
{
    const QString start = QSettings().value(kLastFolderSetting, QDir::homePath()).toString();
    const QString file = QFileDialog::getOpenFileName(
        m_window, tr("Open Project"), start, tr("SemiPrune projects (*.semiprune);;All files (*)"));
    if (file.isEmpty())
        return std::nullopt;
    QSettings().setValue(kLastFolderSetting, QFileInfo(file).absolutePath());
    return file;
}

} // namespace semiprune::ui
