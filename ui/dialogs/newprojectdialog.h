#pragma once

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QLabel;

namespace semiprune::ui {

class PathEdit;

// Asks for an image folder and the project file to create for it. The project file goes beside
// the folder by default, never inside it: the source folder is never written to.
//
// Thread rules: GUI thread only.
class NewProjectDialog final : public QDialog {
    Q_OBJECT

public:
    explicit NewProjectDialog(QWidget *parent = nullptr);

    QString imageFolder() const;
    QString projectFile() const;
    bool verifyPixels() const;

    void setImageFolder(const QString &folder);
    void setProjectFile(const QString &file);

    // The project file suggested for an image folder: <parent>/<folder name>.semiprune.
    static QString suggestedProjectFile(const QString &imageFolder);
    // Why these choices cannot be used, or an empty string when they can.
    static QString problemWith(const QString &imageFolder, const QString &projectFile);

public Q_SLOTS:
    void accept() override;

private:
    void onFolderChanged(const QString &folder);
    void updateButtons();

    PathEdit *m_folder;
    PathEdit *m_project;
    QCheckBox *m_verify;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
    QString m_suggested; // the last suggestion: replaced while the user has not typed their own
};

} // namespace semiprune::ui
