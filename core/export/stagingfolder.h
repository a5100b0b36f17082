#pragma once

#include <QString>
#include <QStringList>

namespace semiprune {

// The folder an export is written into before it takes the target's place. It sits beside the
// target, so the final rename never crosses a file system and is atomic, and it is named
// ".<name>.partial-XXXXXX", so a half-written export never looks like a finished one. Unless
// commit() succeeds, the destructor removes it with everything in it (a failed or cancelled export
// leaves nothing; a killed one leaves only the hidden partial folder). Not thread-safe.
class StagingFolder final {
public:
    // Checks the target and creates the staging folder (and the target's parent folders). Refuses a
    // target that is a file or a link, one inside `protectedPaths` (the image folder, the project
    // file: never written to) or holding one of them, and a non-empty one unless `overwrite` is set
    // and it is an earlier export (it has manifest.csv and summary.json): --overwrite must not be a
    // way to wipe a folder by a typo. Throws Error with the reason.
    StagingFolder(const QString &target, bool overwrite, const QStringList &protectedPaths);
    ~StagingFolder();
    StagingFolder(const StagingFolder &) = delete;
    StagingFolder &operator=(const StagingFolder &) = delete;

    const QString &path() const { return m_path; }
    const QString &target() const { return m_target; }

    // Moves the finished export to the target. An earlier export there is swapped out atomically
    // where the file system allows it (else renamed aside first, and put back if the move fails),
    // and removed only afterwards. Throws Error when the move fails; the staging folder then goes.
    void commit();

    bool replacedOld() const { return m_replacedOld; }
    // An old export that could not be removed after it was replaced (empty: none).
    const QString &leftover() const { return m_leftover; }

private:
    void checkTarget(bool overwrite, const QStringList &protectedPaths) const;
    QString makeSibling(const QString &infix) const;
    // Removes working folders beside the target that a killed export left behind.
    void removeAbandonedSiblings() const;
    void removeOld(const QString &path);

    QString m_target;
    QString m_path;
    bool m_committed = false;
    bool m_replacedOld = false;
    QString m_leftover;
};

} // namespace semiprune
