#pragma once

#include "dataset/idxconverter.h"
#include "storage/project.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QRadioButton;

namespace semiprune::ui {

class PathEdit;

// Asks for MNIST-style IDX files (training images and labels, optionally a test pair), the class
// names, how the labels are used, the image folder to write the PNGs to, and the project file.
//
// Thread rules: GUI thread only.
class ImportIdxDialog final : public QDialog {
    Q_OBJECT

public:
    explicit ImportIdxDialog(QWidget *parent = nullptr);

    std::vector<IdxPart> parts() const;
    QStringList classNames() const; // empty: a preset found from the file names, else numbers
    LabelMode labelMode() const; // None when no labels file is given
    QString outputFolder() const;
    QString projectFile() const;

    void setTrainingImages(const QString &path);
    // Why the choices cannot be used, or an empty string.
    QString problem() const;

public Q_SLOTS:
    void accept() override;

private:
    void onTrainingImagesChosen(const QString &path);
    void updateState();
    static QString siblingWith(const QString &path, const QString &from, const QString &to);

    PathEdit *m_trainImages;
    PathEdit *m_trainLabels;
    PathEdit *m_testImages;
    PathEdit *m_testLabels;
    QComboBox *m_classNames;
    QRadioButton *m_known;
    QRadioButton *m_hidden;
    PathEdit *m_output;
    PathEdit *m_project;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};

} // namespace semiprune::ui
