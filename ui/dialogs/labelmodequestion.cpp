#include "labelmodequestion.h"

#include <QCoreApplication>
#include <QDir>
#include <QMessageBox>
#include <QPushButton>

namespace semiprune::ui {

std::optional<LabelMode> askLabelMode(QWidget *parent, const QString &source)
{
    QMessageBox box(parent);
    box.setObjectName(QStringLiteral("labelModeQuestion"));
    box.setIcon(QMessageBox::Question);
    // QMessageBox wraps long text into a tall, narrow column; this reads better.
    box.setStyleSheet(QStringLiteral("QLabel#qt_msgbox_informativelabel { min-width: 440px; }"));
    box.setWindowTitle(QCoreApplication::translate("LabelModeQuestion", "How should the labels be used?"));
    box.setText(QCoreApplication::translate("LabelModeQuestion", "<b>%1 comes with class labels.</b>")
                    .arg(QDir::toNativeSeparators(source).toHtmlEscaped()));
    box.setInformativeText(QCoreApplication::translate("LabelModeQuestion",
        "<p><b>Known labels</b>: the labels are right and become the project's labels.</p>"
        "<p><b>Hidden reference labels</b>: the labels are kept out of sight and used only to evaluate "
        "the selection afterwards. You label a small seed yourself, as you would with unlabeled data. "
        "Choose this to benchmark how well SemiPrune works with almost no labels.</p>"));
    QPushButton *known
        = box.addButton(QCoreApplication::translate("LabelModeQuestion", "Known Labels"), QMessageBox::AcceptRole);
    QPushButton *hidden = box.addButton(
        QCoreApplication::translate("LabelModeQuestion", "Hidden Reference Labels"), QMessageBox::AcceptRole);
    known->setObjectName(QStringLiteral("knownLabelsButton"));
    hidden->setObjectName(QStringLiteral("hiddenLabelsButton"));
    box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(known);
    box.exec();
    if (box.clickedButton() == known)
        return LabelMode::Known;
    if (box.clickedButton() == hidden)
        return LabelMode::Hidden;
    return std::nullopt;
}

} // namespace semiprune::ui
