#include "newprojectdialog.h"

#include "common/pathedit.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace semiprune::ui {

NewProjectDialog::NewProjectDialog(QWidget *parent)
    : QDialog(parent), m_folder(new PathEdit(PathEdit::Kind::ExistingFolder, tr("Choose the image folder"), this)),
      m_project(new PathEdit(PathEdit::Kind::SaveFile, tr("Save the project as"), this)),
      m_verify(new QCheckBox(tr("Decode every image fully to find corrupt files now (slower)"), this)),
      m_problem(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("New Project from Folder"));
    setObjectName(QStringLiteral("newProjectDialog"));
    m_folder->setObjectName(QStringLiteral("imageFolder"));
    m_project->setObjectName(QStringLiteral("projectFile"));
    m_project->setNameFilter(tr("SemiPrune projects (*.semiprune)"));
    m_project->setDefaultSuffix(QStringLiteral("semiprune"));
    m_folder->setPlaceholderText(tr("A folder of images, or of class sub-folders"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Create"));

    auto *intro = new QLabel(tr("SemiPrune reads the images where they are and never writes into their folder. "
                                "Class sub-folders (ImageFolder layout) and train/val/test folders are recognized."),
        this);
    intro->setWordWrap(true);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_problem->hide();

    auto *form = new QFormLayout;
    form->addRow(tr("&Image folder:"), m_folder);
    form->addRow(tr("&Project file:"), m_project);
    form->addRow(QString(), m_verify);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addSpacing(6);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addStretch(1);
    layout->addWidget(m_buttons);
    setMinimumWidth(560);

    connect(m_folder, &PathEdit::pathChanged, this, &NewProjectDialog::onFolderChanged);
    connect(m_project, &PathEdit::pathChanged, this, &NewProjectDialog::updateButtons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &NewProjectDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &NewProjectDialog::reject);
    updateButtons();
}

QString NewProjectDialog::imageFolder() const
{
    return m_folder->path();
}

QString NewProjectDialog::projectFile() const
{
    QString file = m_project->path();
    if (!file.isEmpty() && QFileInfo(file).suffix().isEmpty())
        file += QStringLiteral(".semiprune");
    return file;
}

bool NewProjectDialog::verifyPixels() const
{
    return m_verify->isChecked();
}

void NewProjectDialog::setImageFolder(const QString &folder)
{
    m_folder->setPath(folder);
}

void NewProjectDialog::setProjectFile(const QString &file)
{
    m_project->setPath(file);
}

QString NewProjectDialog::suggestedProjectFile(const QString &imageFolder)
{
    // Clean, so that a path typed by hand ("/", "/data/") gives what the field will show.
    const QFileInfo folder(QDir::cleanPath(QDir(imageFolder).absolutePath()));
    if (folder.fileName().isEmpty())
        return {}; // the file system's root: no folder name to follow
    return QDir::cleanPath(folder.absolutePath() + QLatin1Char('/') + folder.fileName() + QStringLiteral(".semiprune"));
}

QString NewProjectDialog::problemWith(const QString &imageFolder, const QString &projectFile)
{
    const QFileInfo folder(imageFolder);
    if (!folder.isDir())
        return tr("The image folder %1 does not exist.").arg(QDir::toNativeSeparators(imageFolder));
    const QFileInfo file(projectFile);
    if (file.exists())
        return tr("%1 already exists: choose another project file name, or open it with Open Project.")
            .arg(QDir::toNativeSeparators(projectFile));
    if (!QFileInfo(file.absolutePath()).isDir())
        return tr("The folder %1 does not exist.").arg(QDir::toNativeSeparators(file.absolutePath()));
    if (!QFileInfo(file.absolutePath()).isWritable())
        return tr("The folder %1 is not writable: choose another place for the project file.")
            .arg(QDir::toNativeSeparators(file.absolutePath()));
    const QString root = QDir::cleanPath(folder.absoluteFilePath()) + QLatin1Char('/');
    if (QDir::cleanPath(file.absoluteFilePath()).startsWith(root))
        return tr("Put the project file outside the image folder: SemiPrune never writes into it.");
    return {};
}

void NewProjectDialog::onFolderChanged(const QString &folder)
{
    // Follow the folder with the suggestion until the user writes a project file name of their own.
    if (m_project->path().isEmpty() || m_project->path() == m_suggested) {
        m_suggested = folder.isEmpty() ? QString() : suggestedProjectFile(folder);
        m_project->setPath(m_suggested);
    }
    updateButtons();
}

void NewProjectDialog::updateButtons()
{
    m_problem->hide();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!imageFolder().isEmpty() && !projectFile().isEmpty());
}

void NewProjectDialog::accept()
{
    const QString problem = problemWith(imageFolder(), projectFile());
    if (!problem.isEmpty()) {
        m_problem->setText(problem);
        m_problem->show();
        return;
    }
    QDialog::accept();
}

} // namespace semiprune::ui
