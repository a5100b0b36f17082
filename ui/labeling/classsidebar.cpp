#include "classsidebar.h"

#include "classswatch.h"
#include "grid/imagegridmodel.h"
#include "gridlabeling.h"
#include "labeleditor.h"
#include "storage/project.h"

#include <QBrush>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLocale>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace semiprune::ui {

namespace {

enum Column { NameColumn, KeyColumn, HumanColumn, PseudoColumn, KeptColumn, ColumnCount };

} // namespace

ClassSidebar::ClassSidebar(QWidget *parent)
    : QDockWidget(tr("Classes"), parent), m_list(new QTreeWidget), m_add(new QPushButton(tr("Add…"))),
      m_rename(new QPushButton(tr("Rename…"))), m_hotkey(new QPushButton(tr("Hotkey…")))
{
    setObjectName(QStringLiteral("classSidebar"));
    m_list->setObjectName(QStringLiteral("classList"));
    m_list->setColumnCount(ColumnCount);
    m_list->setHeaderLabels({ tr("Class"), tr("Key"), tr("Labels"), tr("Pseudo"), tr("Kept") });
    m_list->headerItem()->setToolTip(HumanColumn, tr("Images labeled by a person (seed, grid, review)"));
    m_list->headerItem()->setToolTip(
        PseudoColumn, tr("Images without a human label that the newest run pseudo-labeled as this class"));
    m_list->headerItem()->setToolTip(KeptColumn, tr("Images of this class the newest selection keeps"));
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(KeyColumn, QHeaderView::ResizeToContents);
    for (int column : { HumanColumn, PseudoColumn, KeptColumn })
        m_list->header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    m_list->setToolTip(tr("Click a class to label the selected images with it, or press its key in the grid."));
    m_add->setObjectName(QStringLiteral("addClassButton"));
    m_rename->setObjectName(QStringLiteral("renameClassButton"));
    m_hotkey->setObjectName(QStringLiteral("hotkeyButton"));

    auto *panel = new QWidget(this);
    auto *layout = new QVBoxLayout(panel);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_list, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_rename);
    buttons->addWidget(m_hotkey);
    layout->addLayout(buttons);
    setWidget(panel);

    connect(m_add, &QPushButton::clicked, this, &ClassSidebar::addClass);
    connect(m_rename, &QPushButton::clicked, this, &ClassSidebar::renameCurrent);
    connect(m_hotkey, &QPushButton::clicked, this, &ClassSidebar::setHotkeyOfCurrent);
    connect(m_list, &QTreeWidget::itemClicked, this, &ClassSidebar::onItemClicked);
    setLabeling(nullptr);
}

void ClassSidebar::setLabeling(GridLabeling *labeling)
{
    if (m_labeling) {
        disconnect(m_labeling->editor(), nullptr, this, nullptr);
        disconnect(m_labeling->editor()->model(), nullptr, this, nullptr);
    }
    m_labeling = labeling;
    if (m_labeling) {
        LabelEditor *editor = m_labeling->editor();
        connect(editor, &LabelEditor::classesChanged, this, &ClassSidebar::rebuild);
        connect(editor, &LabelEditor::labelCountsChanged, this, &ClassSidebar::refreshCounts);
        // Relabeling changes per-class counts without changing the total.
        // Thumbnails arriving change rows too: only label changes matter here.
        connect(editor->model(), &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &, const QModelIndex &, const QList<int> &roles) {
                if (roles.contains(ImageGridModel::LabelClassIdRole))
                    refreshCounts();
            });
        connect(editor->model(), &QAbstractItemModel::modelReset, this, &ClassSidebar::refreshCounts);
        connect(editor->model(), &ImageGridModel::resultsChanged, this, &ClassSidebar::refreshCounts);
    }
    // A read-only project can be browsed, not edited: no button that can only end in a refusal.
    const bool readOnly = m_labeling && m_labeling->editor()->project().isReadOnly();
    for (QPushButton *button : { m_add, m_rename, m_hotkey }) {
        button->setEnabled(m_labeling && !readOnly);
        button->setToolTip(readOnly ? tr("The project file is read-only.") : QString());
    }
    rebuild();
}

void ClassSidebar::rebuild()
{
    const ClassId current = currentClass();
    m_list->clear();
    if (!m_labeling)
        return;
    for (const ClassRecord &record : m_labeling->editor()->classes()) {
        auto *item = new QTreeWidgetItem(m_list);
        item->setText(NameColumn, record.name);
        item->setToolTip(NameColumn, record.name); // whole where a narrow dock elides it
        item->setIcon(NameColumn, classSwatch(QColor(record.color)));
        item->setText(KeyColumn, record.hotkey);
        item->setTextAlignment(KeyColumn, Qt::AlignCenter);
        for (int column : { HumanColumn, PseudoColumn, KeptColumn })
            item->setTextAlignment(column, Qt::AlignRight | Qt::AlignVCenter);
        item->setData(NameColumn, Qt::UserRole, record.id.value);
        if (record.id == current)
            m_list->setCurrentItem(item);
    }
    refreshCounts();
}

void ClassSidebar::refreshCounts()
{
    if (!m_labeling)
        return;
    const ImageGridModel *model = m_labeling->editor()->model();
    const std::vector<ImageGridModel::ClassCounts> counts = model->classCounts();
    const QLocale locale;
    // A count that is zero for every class (no run, no selection yet) is left blank, not "0".
    bool anyPseudo = false, anyKept = false;
    for (const auto &c : counts) {
        anyPseudo = anyPseudo || c.pseudo > 0;
        anyKept = anyKept || c.kept > 0;
    }
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_list->topLevelItem(i);
        const int index = model->classIndexOf(ClassId(item->data(NameColumn, Qt::UserRole).toLongLong()));
        const ImageGridModel::ClassCounts c = index >= 0 ? counts[size_t(index)] : ImageGridModel::ClassCounts {};
        item->setText(HumanColumn, locale.toString(c.human));
        item->setToolTip(HumanColumn,
            tr("%1 labeled by a person, %2 of them in the seed")
                .arg(locale.toString(c.human), locale.toString(c.seed)));
        item->setText(PseudoColumn, anyPseudo ? locale.toString(c.pseudo) : QString());
        item->setText(KeptColumn, anyKept ? locale.toString(c.kept) : QString());
        // A class the selection keeps nothing of is gone from an export: it must stand out.
        const bool dropped = anyKept && c.kept == 0;
        item->setForeground(KeptColumn, dropped ? QBrush(QColor(0xc6, 0x28, 0x28)) : QBrush());
        item->setToolTip(KeptColumn, dropped ? tr("The newest selection keeps no image of this class") : QString());
    }
}

ClassId ClassSidebar::currentClass() const
{
    const QTreeWidgetItem *item = m_list->currentItem();
    return item ? ClassId(item->data(NameColumn, Qt::UserRole).toLongLong()) : ClassId();
}

void ClassSidebar::onItemClicked(QTreeWidgetItem *item, int column)
{
    if (m_labeling && item)
        m_labeling->assignToSelection(ClassId(item->data(NameColumn, Qt::UserRole).toLongLong()));
}

void ClassSidebar::addClass()
{
    if (!m_labeling)
        return;
    bool ok = false;
    const QString name = QInputDialog::getText(
        this, tr("Add a Class"), tr("Name of the new class:"), QLineEdit::Normal, QString(), &ok);
    if (ok && !name.trimmed().isEmpty())
        m_labeling->editor()->addClass(name);
}

void ClassSidebar::renameCurrent()
{
    const ClassId id = currentClass();
    if (!m_labeling || !id.isValid())
        return;
    const auto record = m_labeling->editor()->classById(id);
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Rename the Class"),
        tr("New name of \"%1\":").arg(record->name), QLineEdit::Normal, record->name, &ok);
    if (ok && !name.trimmed().isEmpty() && name != record->name)
        m_labeling->editor()->renameClass(id, name);
}

void ClassSidebar::setHotkeyOfCurrent()
{
    const ClassId id = currentClass();
    if (!m_labeling || !id.isValid())
        return;
    const auto record = m_labeling->editor()->classById(id);
    bool ok = false;
    const QString key = QInputDialog::getText(this, tr("Set the Hotkey"),
        tr("One key for \"%1\" (a letter or a digit; empty for none):").arg(record->name), QLineEdit::Normal,
        record->hotkey, &ok)
                            .trimmed();
    if (!ok)
        return;
    if (key.size() > 1) {
        Q_EMIT m_labeling->editor()->problem(
            tr("Cannot Set the Hotkey"), tr("A hotkey is a single key, such as 1 or C."));
        return;
    }
    m_labeling->editor()->setHotkey(id, key);
}

} // namespace semiprune::ui
