#include "welcomepage.h"

#include "common/appicon.h"
#include "recentprojectdelegate.h"
#include "recentprojects.h"

#include <QCommandLinkButton>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QVBoxLayout>

#include <algorithm>

namespace semiprune::ui {

WelcomePage::WelcomePage(RecentProjects *recent, QWidget *parent) : QWidget(parent), m_recent(recent)
{
    setObjectName(QStringLiteral("welcomePage"));
    auto *content = new QWidget(this);
    content->setMaximumWidth(980);
    auto *columns = new QHBoxLayout;
    columns->setSpacing(36);
    columns->addWidget(makeActions(), 5);
    columns->addWidget(makeRecent(), 6);

    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->setSpacing(28);
    contentLayout->addWidget(makeHeader());
    contentLayout->addLayout(columns);

    // Centered both ways, with room around it: on a large window the page neither stretches into
    // thin lines nor leaves one corner crowded and the rest empty.
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(content, 30);
    row->addStretch(1);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(40, 32, 40, 32);
    outer->addStretch(2);
    outer->addLayout(row);
    outer->addStretch(3);

    connect(m_recent, &RecentProjects::changed, this, &WelcomePage::refresh);
    refresh();
}

QWidget *WelcomePage::makeHeader()
{
    auto *header = new QWidget(this);
    auto *layout = new QHBoxLayout(header);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(16);
    auto *icon = new QLabel(header);
    icon->setPixmap(applicationIcon().pixmap(QSize(64, 64)));
    auto *title = new QLabel(tr("SemiPrune Studio"), header);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.9);
    titleFont.setBold(true);
    title->setFont(titleFont);
    auto *tagline = new QLabel(tr("Curate large image datasets with almost no labels: label a small seed, "
                                  "and let training dynamics pick the images worth keeping."),
        header);
    tagline->setWordWrap(true);
    QPalette quiet = tagline->palette();
    quiet.setColor(QPalette::WindowText, quiet.color(QPalette::PlaceholderText));
    tagline->setPalette(quiet);
    auto *text = new QVBoxLayout;
    text->setSpacing(2);
    text->addWidget(title);
    text->addWidget(tagline);
    layout->addWidget(icon, 0, Qt::AlignTop);
    layout->addLayout(text, 1);
    return header;
}

QWidget *WelcomePage::makeActions()
{
    auto *box = new QWidget(this);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    auto *heading = new QLabel(tr("Start"), box);
    QFont bold = heading->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.15);
    heading->setFont(bold);
    layout->addWidget(heading);
    layout->addSpacing(4);

    const auto add
        = [&](const QString &name, const QString &text, const QString &description, void (WelcomePage::*signal)()) {
              auto *button = new QCommandLinkButton(text, description, box);
              button->setObjectName(name);
              connect(button, &QCommandLinkButton::clicked, this, signal);
              layout->addWidget(button);
          };
    add(QStringLiteral("newProjectButton"), tr("New Project from Folder…"),
        tr("A folder of images, flat or in class sub-folders"), &WelcomePage::newProjectRequested);
    add(QStringLiteral("importIdxButton"), tr("Import IDX Files…"), tr("MNIST-style files, converted to a PNG folder"),
        &WelcomePage::importIdxRequested);
    add(QStringLiteral("openProjectButton"), tr("Open Project…"), tr("A .semiprune project file"),
        &WelcomePage::openProjectRequested);
    add(QStringLiteral("openDemoButton"), tr("Open the Demo"), tr("Fashion-MNIST, 70,000 images; made on first use"),
        &WelcomePage::demoRequested);
    layout->addStretch(1);
    return box;
}

QWidget *WelcomePage::makeRecent()
{
    auto *box = new QWidget(this);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);
    auto *heading = new QLabel(tr("Recent Projects"), box);
    QFont bold = heading->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.15);
    heading->setFont(bold);

    m_list = new QListWidget(box);
    m_list->setObjectName(QStringLiteral("recentProjects"));
    m_list->setItemDelegate(new RecentProjectDelegate(m_list));
    m_list->setContextMenuPolicy(Qt::CustomContextMenu);
    m_list->setUniformItemSizes(true);
    m_list->setToolTip(tr("Double-click or press Enter to open; right-click to remove from the list"));
    m_empty = new QLabel(tr("Projects you open will be listed here."), box);
    m_empty->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_empty->setEnabled(false);

    layout->addWidget(heading);
    layout->addWidget(m_list);
    layout->addWidget(m_empty);
    layout->addStretch(1);
    connect(m_list, &QListWidget::itemActivated, this, &WelcomePage::activate);
    connect(m_list, &QListWidget::customContextMenuRequested, this, &WelcomePage::showContextMenu);
    return box;
}

void WelcomePage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh(); // files come and go while a project is open
}

void WelcomePage::refresh()
{
    m_list->clear();
    for (const QString &file : m_recent->files()) {
        const QFileInfo info(file);
        auto *item = new QListWidgetItem(info.completeBaseName(), m_list);
        item->setData(RecentProjectDelegate::PathRole, file);
        item->setData(RecentProjectDelegate::MissingRole, !info.isFile());
        item->setToolTip(info.isFile() ? QDir::toNativeSeparators(file)
                                       : tr("%1 no longer exists").arg(QDir::toNativeSeparators(file)));
    }
    const bool empty = m_list->count() == 0;
    m_list->setVisible(!empty);
    m_empty->setVisible(empty);
    // As tall as its entries (a few rows at least, a scroll bar past eight): no big empty box.
    QStyleOptionViewItem option;
    option.initFrom(m_list);
    const int rowHeight = m_list->itemDelegate()->sizeHint(option, QModelIndex()).height();
    const int rows = std::clamp(m_list->count(), 4, 8);
    m_list->setFixedHeight(rows * rowHeight + 2 * m_list->frameWidth() + 2);
}

void WelcomePage::activate(QListWidgetItem *item)
{
    if (item)
        Q_EMIT recentProjectActivated(item->data(RecentProjectDelegate::PathRole).toString());
}

void WelcomePage::showContextMenu(const QPoint &position)
{
    QListWidgetItem *item = m_list->itemAt(position);
    if (!item)
        return;
    const QString file = item->data(RecentProjectDelegate::PathRole).toString();
    QMenu menu(this);
    QAction *open = menu.addAction(tr("Open"));
    QAction *remove = menu.addAction(tr("Remove from List"));
    QAction *chosen = menu.exec(m_list->viewport()->mapToGlobal(position));
    if (chosen == open)
        Q_EMIT recentProjectActivated(file);
    else if (chosen == remove)
        m_recent->remove(file);
}

} // namespace semiprune::ui
