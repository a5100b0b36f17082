#pragma once

#include <QObject>
#include <QStringList>

namespace semiprune::ui {

// The recently opened project files, newest first, kept in QSettings. Files that no longer exist
// stay listed (a network disk may be unmounted) and are shown as missing.
//
// Thread rules: GUI thread only.
class RecentProjects final : public QObject {
    Q_OBJECT

public:
    explicit RecentProjects(QObject *parent = nullptr);

    QStringList files() const { return m_files; }
    void add(const QString &projectFile);
    void remove(const QString &projectFile);
    void clear();

    static constexpr int kMaxCount = 12;

Q_SIGNALS:
    void changed();

private:
    void save();

    QStringList m_files;
};

} // namespace semiprune::ui
