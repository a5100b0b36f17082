#pragma once

#include <QWidget>

class QLabel;
class QListWidget;
class QListWidgetItem;

namespace semiprune::ui {

class RecentProjects;

// The first page: the ways to start (new project from a folder, IDX import, open, the demo) and
// the recent projects, missing ones marked.
//
// Thread rules: GUI thread only.
class WelcomePage final : public QWidget {
    Q_OBJECT

public:
    explicit WelcomePage(RecentProjects *recent, QWidget *parent = nullptr);

    QListWidget *recentList() const { return m_list; }

Q_SIGNALS:
    void newProjectRequested();
    void importIdxRequested();
    void openProjectRequested();
    void demoRequested();
    void recentProjectActivated(const QString &projectFile);

protected:
    void showEvent(QShowEvent *event) override;

private:
    QWidget *makeHeader();
    QWidget *makeActions();
    QWidget *makeRecent();
    void refresh();
    void activate(QListWidgetItem *item);
    void showContextMenu(const QPoint &position);

    RecentProjects *m_recent;
    QListWidget *m_list = nullptr;
    QLabel *m_empty = nullptr;
};

} // namespace semiprune::ui
