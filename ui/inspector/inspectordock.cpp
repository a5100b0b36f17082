#include "inspectordock.h"

#include "health/healthcheck.h"

#include "grid/imagegridmodel.h"
#include "imagepreview.h"
#include "labeling/labeleditor.h"
#include "storage/project.h"

#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QScrollArea>
#include <QSplitter>
#include <QVBoxLayout>

#include <cmath>

namespace semiprune::ui {

namespace {

QString percent(double share)
{
    return QLocale().toString(share * 100, 'f', share >= 0.995 || share < 0.1 ? 1 : 0) + QStringLiteral(" %");
}

} // namespace

InspectorDock::InspectorDock(QWidget *parent) : QDockWidget(tr("Inspector"), parent), m_preview(new ImagePreview(this))
{
    setObjectName(QStringLiteral("inspectorDock"));
    m_preview->setObjectName(QStringLiteral("inspectorPreview"));
    m_preview->setMinimumHeight(140);

    auto *info = new QWidget(this);
    auto *infoLayout = new QVBoxLayout(info);
    infoLayout->setContentsMargins(8, 6, 8, 6);
    m_problem = new QLabel(info);
    m_problem->setObjectName(QStringLiteral("inspectorProblem"));
    m_problem->setWordWrap(true);
    m_problem->setContentsMargins(8, 6, 8, 6);
    m_problem->setStyleSheet(QStringLiteral("QLabel#inspectorProblem { background: #fde8e6; color: #8a1c12;"
                                            " border: 1px solid #f2b8b1; border-radius: 4px; }"));
    m_problem->hide();
    infoLayout->addWidget(m_problem);
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    // In a narrow dock the captions go above their values instead of squeezing them.
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    form->setLabelAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_path = addRow(form, tr("File"), QStringLiteral("inspectorPath"));
    m_path->setTextFormat(Qt::RichText);
    connect(m_path, &QLabel::linkActivated, this, [this] {
        if (m_details.image) {
            m_revealed = m_details.image->id;
            showDetails();
        }
    });
    m_size = addRow(form, tr("Size"), QStringLiteral("inspectorSize"));
    m_label = addRow(form, tr("Label"), QStringLiteral("inspectorLabel"));
    m_pseudo = addRow(form, tr("Pseudo-label"), QStringLiteral("inspectorPseudo"));
    m_top = addRow(form, tr("Likely classes"), QStringLiteral("inspectorTopClasses"));
    m_scores = addRow(form, tr("Scores"), QStringLiteral("inspectorScores"));
    m_selection = addRow(form, tr("Selection"), QStringLiteral("inspectorSelection"));
    m_audit = addRow(form, tr("Image check"), QStringLiteral("inspectorAudit"));
    infoLayout->addLayout(form);
    infoLayout->addStretch(1);

    auto *scroll = new QScrollArea(this);
    scroll->setWidget(info);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    // The preview and the facts share the height; the user drags the line between them.
    auto *split = new QSplitter(Qt::Vertical, this);
    split->setObjectName(QStringLiteral("inspectorSplit"));
    split->addWidget(m_preview);
    split->addWidget(scroll);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setChildrenCollapsible(false);
    setWidget(split);

    connect(this, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible && m_stale)
            refresh();
    });
    connect(m_preview, &ImagePreview::loaded, this, [this](bool ok) {
        if (!ok)
            showDecodeProblem();
    });
    showNothing(tr("Open a project and pick an image in the grid."));
}

QLabel *InspectorDock::addRow(QFormLayout *form, const QString &title, const QString &objectName)
{
    auto *value = new QLabel(this);
    value->setObjectName(objectName);
    value->setWordWrap(true);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // Long paths and class lists wrap inside a narrow dock instead of widening the window.
    value->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    value->setMinimumWidth(100);
    auto *caption = new QLabel(title, this);
    caption->setBuddy(value);
    QFont bold = caption->font();
    bold.setBold(true);
    caption->setFont(bold);
    form->addRow(caption, value);
    return value;
}

void InspectorDock::setProject(Project *project, LabelEditor *editor)
{
    m_project = project;
    m_editor = editor;
    m_image = ImageId();
    m_runs = ResultRuns();
    if (m_editor) {
        connect(m_editor, &LabelEditor::classesChanged, this, &InspectorDock::refresh, Qt::UniqueConnection);
        // A label edit (here, in the grid, in the review, or an undo) shows at once.
        connect(m_editor->model(), &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles) {
                // Thumbnails arriving change rows too; only label changes are news here.
                if (!roles.isEmpty() && !roles.contains(ImageGridModel::LabelClassIdRole))
                    return;
                const int row = m_editor ? m_editor->model()->rowOfImage(m_image) : -1;
                if (row >= topLeft.row() && row <= bottomRight.row())
                    refresh();
            });
    }
    reloadResults();
}

void InspectorDock::reloadResults()
{
    m_runs = m_project ? latestResultRuns(*m_project) : ResultRuns();
    refresh();
}

void InspectorDock::showImage(ImageId image)
{
    if (image == m_image && !m_stale)
        return;
    m_image = image;
    refresh();
}

void InspectorDock::refresh()
{
    if (!isVisible()) {
        m_stale = true;
        return;
    }
    m_stale = false;
    if (!m_project) {
        showNothing(tr("Open a project and pick an image in the grid."));
        return;
    }
    if (!m_image.isValid()) {
        showNothing(tr("Pick an image in the grid to see its details."));
        return;
    }
    m_details = loadImageDetails(*m_project, m_runs, m_image);
    showDetails();
}

void InspectorDock::showNothing(const QString &message)
{
    m_details = ImageDetails();
    m_preview->showMessage(message);
    for (QLabel *label : { m_path, m_size, m_label, m_pseudo, m_top, m_scores, m_selection, m_audit })
        label->setText(QStringLiteral("–"));
    setProblem(QString());
}

QString InspectorDock::className(ClassId id) const
{
    if (m_editor) {
        if (const auto record = m_editor->classById(id))
            return record->name;
    }
    return tr("class #%1").arg(id.value);
}

void InspectorDock::setProblem(const QString &text)
{
    m_problem->setText(text);
    m_problem->setVisible(!text.isEmpty());
}

void InspectorDock::showDetails()
{
    const ImageDetails &d = m_details;
    if (!d.image) {
        showNothing(tr("This image is no longer in the project."));
        setProblem(tr("This image is no longer in the project."));
        return;
    }
    const ImageRecord &image = *d.image;
    const QLocale locale;
    // With hidden reference labels the folders stay hidden until asked for: a class sub-folder would
    // give the answer away to the person labeling.
    const bool hideFolders = m_project && m_project->labelMode() == LabelMode::Hidden && m_revealed != image.id;
    if (hideFolders) {
        m_path->setText(QStringLiteral("%1 <a href=\"reveal\">%2</a>")
                            .arg(QFileInfo(image.path).fileName().toHtmlEscaped(), tr("show folder")));
        m_path->setToolTip(tr("The folders are hidden while the reference labels are: they may name the class."));
    } else {
        m_path->setText(QDir::toNativeSeparators(image.path).toHtmlEscaped());
        m_path->setToolTip(QDir::toNativeSeparators(d.absolutePath));
    }
    QStringList size;
    if (image.width > 0 && image.height > 0)
        size << tr("%1 × %2 px").arg(image.width).arg(image.height);
    size << locale.formattedDataSize(image.fileSize);
    if (!image.format.isEmpty())
        size << image.format.toUpper();
    if (image.channels > 0)
        size << (image.channels == 1 ? tr("gray") : tr("%n channels", nullptr, image.channels));
    m_size->setText(size.join(QStringLiteral(" · ")));

    if (d.label) {
        QString source;
        switch (d.label->source) {
        case LabelSource::Seed:
            source = tr("seed");
            break;
        case LabelSource::Manual:
            source = tr("manual");
            break;
        case LabelSource::Override:
            source = tr("override");
            break;
        case LabelSource::Import:
            source = tr("imported");
            break;
        }
        // An override (a human correcting the model) stands out: it changes what the next run learns.
        if (d.label->source == LabelSource::Override)
            m_label->setText(tr("<b>%1</b> <span style=\"color:#b4236b\">(override)</span>")
                                 .arg(className(d.label->classId).toHtmlEscaped()));
        else
            m_label->setText(tr("<b>%1</b> (%2)").arg(className(d.label->classId).toHtmlEscaped(), source));
    } else {
        m_label->setText(tr("none"));
    }

    if (d.prediction) {
        m_pseudo->setText(
            tr("%1 · %2 confident").arg(className(d.prediction->classId), percent(d.prediction->confidence)));
        QStringList top;
        for (const ClassProbability &entry : d.topClasses)
            top << tr("%1 %2").arg(className(entry.classId), percent(entry.probability));
        m_top->setText(top.isEmpty() ? tr("not stored") : top.join(QLatin1Char('\n')));
    } else {
        m_pseudo->setText(m_runs.pseudoLabelRun.isValid() ? tr("none for this image") : tr("no pseudo-labels yet"));
        m_top->setText(QStringLiteral("–"));
    }

    if (!m_runs.scoresRun.isValid()) {
        m_scores->setText(tr("not scored yet"));
    } else {
        QStringList lines;
        for (const ScoreLine &line : d.scores) {
            const QString value = line.present ? locale.toString(line.value, 'g', 4) : QStringLiteral("–");
            lines << tr("%1: %2 (%3)").arg(line.title, value, line.hardEnd);
        }
        m_scores->setText(lines.join(QLatin1Char('\n')));
    }
    m_selection->setText(selectionText());
    m_audit->setText(auditText());

    if (image.status == ImageStatus::Unreadable) {
        setProblem(tr("This image cannot be read: %1")
                       .arg(image.message.isEmpty() ? tr("no reason recorded") : image.message));
        m_preview->showMessage(tr("Unreadable"));
    } else if (image.status == ImageStatus::Missing || !d.fileExists) {
        setProblem(tr("The file is gone: %1 was moved or deleted since the import.")
                       .arg(QDir::toNativeSeparators(d.absolutePath)));
        m_preview->showMessage(tr("Missing"));
    } else {
        setProblem(QString());
        if (m_preview->path() != d.absolutePath)
            m_preview->showFile(d.absolutePath);
        else if (!m_preview->isLoading() && !m_preview->hasImage())
            showDecodeProblem(); // decoded before, and failed: still true
    }
}

void InspectorDock::showDecodeProblem()
{
    setProblem(tr("This image cannot be decoded: %1").arg(m_preview->message()));
}

QString InspectorDock::auditText() const
{
    if (!m_details.auditMeasured)
        return m_runs.healthMeasured ? tr("not measured since the file changed (Run, Check Images)")
                                     : tr("not measured yet (Run, Check Images)");
    if (m_details.auditIssues.isEmpty())
        return tr("no issue found");
    QStringList issues;
    for (QualityIssue issue : m_details.auditIssues)
        issues << qualityIssueTitle(issue);
    return QStringLiteral("<span style=\"color:#b4236b\">%1</span>")
        .arg(issues.join(QStringLiteral(", ")).toHtmlEscaped());
}

QString InspectorDock::selectionText() const
{
    if (!m_runs.selection)
        return tr("no selection yet");
    const SelectionRecord &selection = *m_runs.selection;
    const std::optional<SelectionItem> &item = m_details.selectionItem;
    if (!item) {
        // Runs train and select over the readable training images only.
        if (m_details.image && m_details.image->split != Split::Train)
            return tr("not selected from: a %1 image (selections take training images only)")
                .arg(splitName(m_details.image->split));
        if (m_details.image && m_details.image->status != ImageStatus::Ok)
            return tr("not in \"%1\": the image could not be read").arg(selection.name);
        return tr("not in \"%1\" (imported after it was made)").arg(selection.name);
    }
    if (item->kept) {
        if (item->rank >= 0)
            return tr("kept in \"%1\": chosen %2 of %3").arg(selection.name).arg(item->rank + 1).arg(selection.kept);
        return tr("kept in \"%1\"").arg(selection.name);
    }
    QString why;
    if (item->reason == QLatin1String("dropped-hard"))
        why = tr("among the hardest, beyond the hard cutoff: likely ambiguous or mislabeled");
    else if (item->reason == QLatin1String("dropped-easy"))
        why = tr("easier than every kept image: outside the budget");
    else if (item->reason == QLatin1String("not-sampled"))
        why = tr("the sampling selector did not draw it");
    else if (item->reason == QLatin1String("covered"))
        why = tr("a similar kept image stands for it");
    else
        why = item->reason;
    return tr("pruned from \"%1\": %2").arg(selection.name, why);
}

} // namespace semiprune::ui
