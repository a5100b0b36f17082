#include "recentprojects.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>

namespace semiprune::ui {

namespace {

const QString kKey = QStringLiteral("recentProjects");

QString normalized(const QString &file)
{
    return QDir::cleanPath(QFileInfo(file).absoluteFilePath());
}

} // namespace

RecentProjects::RecentProjects(QObject *parent) : QObject(parent)
{
    for (const QString &file : QSettings().value(kKey).toStringList()) {
        const QString clean = normalized(file);
        if (!file.isEmpty() && !m_files.contains(clean))
            m_files << clean;
    }
    while (m_files.size() > kMaxCount)
        m_files.removeLast();
}

void RecentProjects::add(const QString &projectFile)
{
    const QString clean = normalized(projectFile);
    m_files.removeAll(clean);
    m_files.prepend(clean);
    while (m_files.size() > kMaxCount)
        m_files.removeLast();
    save();
}

void RecentProjects::remove(const QString &projectFile)
{
    if (m_files.removeAll(normalized(projectFile)) > 0)
        save();
}

void RecentProjects::clear()
{
    m_files.clear();
    save();
}

void RecentProjects::save()
{
    QSettings().setValue(kKey, m_files);
    Q_EMIT changed();
}

} // namespace semiprune::ui
