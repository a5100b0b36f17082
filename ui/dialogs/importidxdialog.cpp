#include "importidxdialog.h"

#include "common/pathedit.h"
#include "dataset/classnames.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace semiprune::ui {

namespace {

PathEdit *idxFileEdit(const QString &title, QWidget *parent)
{
    auto *edit = new PathEdit(PathEdit::Kind::OpenFile, title, parent);
    edit->setNameFilter(
        QCoreApplication::translate("ImportIdxDialog", "IDX files (*-ubyte *-ubyte.gz *.idx *.idx.gz);;All files (*)"));
    return edit;
}

} // namespace

ImportIdxDialog::ImportIdxDialog(QWidget *parent)
    : QDialog(parent), m_trainImages(idxFileEdit(tr("Choose the training images (idx3)"), this)),
      m_trainLabels(idxFileEdit(tr("Choose the training labels (idx1)"), this)),
      m_testImages(idxFileEdit(tr("Choose the test images (idx3)"), this)),
      m_testLabels(idxFileEdit(tr("Choose the test labels (idx1)"), this)), m_classNames(new QComboBox(this)),
      m_known(new QRadioButton(tr("&Known labels"), this)),
      m_hidden(new QRadioButton(tr("&Hidden reference labels, for evaluation only"), this)),
      m_output(new PathEdit(PathEdit::Kind::NewFolder, tr("Choose where the images go"), this)),
      m_project(new PathEdit(PathEdit::Kind::SaveFile, tr("Save the project as"), this)), m_problem(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Import IDX Files"));
    setObjectName(QStringLiteral("importIdxDialog"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Import"));
    m_trainLabels->setPlaceholderText(tr("Optional"));
    m_testImages->setPlaceholderText(tr("Optional"));
    m_testLabels->setPlaceholderText(tr("Optional"));
    m_output->setPlaceholderText(tr("A new, empty folder for the PNG images"));
    m_project->setNameFilter(tr("SemiPrune projects (*.semiprune)"));
    m_project->setDefaultSuffix(QStringLiteral("semiprune"));

    m_classNames->addItem(tr("From the file names (Fashion-MNIST is recognized), else numbers"), QString());
    m_classNames->addItem(tr("Fashion-MNIST"), QStringLiteral("fashion-mnist"));
    m_classNames->addItem(tr("MNIST digits"), QStringLiteral("mnist"));

    auto *modeGroup = new QButtonGroup(this);
    modeGroup->addButton(m_known);
    modeGroup->addButton(m_hidden);
    m_hidden->setChecked(true);
    auto *modeBox = new QWidget(this);
    auto *modeLayout = new QVBoxLayout(modeBox);
    modeLayout->setContentsMargins(0, 0, 0, 0);
    modeLayout->addWidget(m_known);
    modeLayout->addWidget(m_hidden);

    auto *files = new QGroupBox(tr("IDX files"), this);
    auto *filesForm = new QFormLayout(files);
    filesForm->addRow(tr("Training &images:"), m_trainImages);
    filesForm->addRow(tr("Training &labels:"), m_trainLabels);
    filesForm->addRow(tr("&Test images:"), m_testImages);
    filesForm->addRow(tr("Test la&bels:"), m_testLabels);

    auto *result = new QGroupBox(tr("Project"), this);
    auto *resultForm = new QFormLayout(result);
    resultForm->addRow(tr("&Class names:"), m_classNames);
    resultForm->addRow(tr("Labels are:"), modeBox);
    resultForm->addRow(tr("Image &folder:"), m_output);
    resultForm->addRow(tr("&Project file:"), m_project);

    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_problem->hide();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(files);
    layout->addWidget(result);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    setMinimumWidth(640);

    connect(m_trainImages, &PathEdit::pathChanged, this, &ImportIdxDialog::onTrainingImagesChosen);
    for (PathEdit *edit : { m_trainLabels, m_testImages, m_testLabels, m_output, m_project })
        connect(edit, &PathEdit::pathChanged, this, &ImportIdxDialog::updateState);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ImportIdxDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ImportIdxDialog::reject);
    updateState();
}

QString ImportIdxDialog::siblingWith(const QString &path, const QString &from, const QString &to)
{
    const QFileInfo info(path);
    if (!info.fileName().contains(from))
        return {};
    const QString candidate = info.absolutePath() + QLatin1Char('/') + QString(info.fileName()).replace(from, to);
    return QFileInfo::exists(candidate) ? candidate : QString();
}

void ImportIdxDialog::setTrainingImages(const QString &path)
{
    m_trainImages->setPath(path);
}

void ImportIdxDialog::onTrainingImagesChosen(const QString &path)
{
    // Fill in the usual companions of train-images-idx3-ubyte(.gz) when they sit beside it.
    if (m_trainLabels->path().isEmpty())
        m_trainLabels->setPath(siblingWith(path, QStringLiteral("images-idx3"), QStringLiteral("labels-idx1")));
    if (m_testImages->path().isEmpty()) {
        const QString test = siblingWith(path, QStringLiteral("train-images"), QStringLiteral("t10k-images"));
        m_testImages->setPath(test);
        if (!test.isEmpty() && m_testLabels->path().isEmpty())
            m_testLabels->setPath(siblingWith(test, QStringLiteral("images-idx3"), QStringLiteral("labels-idx1")));
    }
    if (m_output->path().isEmpty() && QFileInfo(path).isFile()) {
        const QString name = QFileInfo(path).absoluteDir().dirName();
        const QString output
            = QDir::homePath() + QLatin1Char('/') + (name.isEmpty() ? QStringLiteral("idx-images") : name);
        m_output->setPath(output);
        if (m_project->path().isEmpty())
            m_project->setPath(output + QStringLiteral(".semiprune"));
    }
    if (!presetClassNamesForPath(path).isEmpty() && m_classNames->currentIndex() == 0)
        m_classNames->setCurrentIndex(1);
    updateState();
}

std::vector<IdxPart> ImportIdxDialog::parts() const
{
    std::vector<IdxPart> parts { IdxPart { m_trainImages->path(), m_trainLabels->path(), Split::Train } };
    if (!m_testImages->path().isEmpty())
        parts.push_back(IdxPart { m_testImages->path(), m_testLabels->path(), Split::Test });
    return parts;
}

QStringList ImportIdxDialog::classNames() const
{
    const QString preset = m_classNames->currentData().toString();
    return preset.isEmpty() ? QStringList() : presetClassNames(preset);
}

LabelMode ImportIdxDialog::labelMode() const
{
    if (m_trainLabels->path().isEmpty() && m_testLabels->path().isEmpty())
        return LabelMode::None;
    return m_known->isChecked() ? LabelMode::Known : LabelMode::Hidden;
}

QString ImportIdxDialog::outputFolder() const
{
    return m_output->path();
}

QString ImportIdxDialog::projectFile() const
{
    QString file = m_project->path();
    if (!file.isEmpty() && QFileInfo(file).suffix().isEmpty())
        file += QStringLiteral(".semiprune");
    return file;
}

QString ImportIdxDialog::problem() const
{
    const auto native = [](const QString &path) { return QDir::toNativeSeparators(path); };
    for (const IdxPart &part : parts()) {
        for (const QString &file : { part.imagesPath, part.labelsPath }) {
            if (!file.isEmpty() && !QFileInfo(file).isFile())
                return tr("%1 does not exist.").arg(native(file));
        }
    }
    if (!m_testLabels->path().isEmpty() && m_testImages->path().isEmpty())
        return tr("Test labels need their test images.");
    const QFileInfo output(outputFolder());
    if (output.exists() && (!output.isDir() || !QDir(output.absoluteFilePath()).isEmpty()))
        return tr("%1 already exists and is not an empty folder: choose a new folder for the images.")
            .arg(native(outputFolder()));
    if (!QFileInfo(output.absolutePath()).isDir())
        return tr("The folder %1 does not exist.").arg(native(output.absolutePath()));
    const QFileInfo project(projectFile());
    if (project.exists())
        return tr("%1 already exists: choose another project file name.").arg(native(projectFile()));
    if (!QFileInfo(project.absolutePath()).isDir())
        return tr("The folder %1 does not exist.").arg(native(project.absolutePath()));
    if (QDir::cleanPath(project.absoluteFilePath())
            .startsWith(QDir::cleanPath(output.absoluteFilePath()) + QLatin1Char('/')))
        return tr("Put the project file outside the image folder.");
    return {};
}

void ImportIdxDialog::updateState()
{
    m_problem->hide();
    const bool labels = !m_trainLabels->path().isEmpty() || !m_testLabels->path().isEmpty();
    m_known->setEnabled(labels);
    m_hidden->setEnabled(labels);
    m_buttons->button(QDialogButtonBox::Ok)
        ->setEnabled(!m_trainImages->path().isEmpty() && !outputFolder().isEmpty() && !projectFile().isEmpty());
}

void ImportIdxDialog::accept()
{
    const QString why = problem();
    if (!why.isEmpty()) {
        m_problem->setText(why);
        m_problem->show();
        return;
    }
    QDialog::accept();
}

} // namespace semiprune::ui
