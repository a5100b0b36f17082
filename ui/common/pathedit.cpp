#include "pathedit.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QCompleter>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFileSystemModel>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QMouseEvent>
#include <QToolButton>

namespace semiprune::ui {

PathEdit::PathEdit(Kind kind, const QString &dialogTitle, QWidget *parent)
    : QWidget(parent), m_kind(kind), m_title(dialogTitle), m_edit(new QLineEdit(this)), m_button(new QToolButton(this))
{
    m_button->setText(tr("Browse…"));
    m_button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_edit->setClearButtonEnabled(true);
    m_edit->setMinimumWidth(320);

    auto *completionModel = new QFileSystemModel(this);
    completionModel->setRootPath(QString());
    completionModel->setFilter(kind == Kind::ExistingFolder || kind == Kind::NewFolder
            ? QDir::AllDirs | QDir::NoDotAndDotDot
            : QDir::AllEntries | QDir::NoDotAndDotDot);
    auto *completer = new QCompleter(completionModel, this);
    m_edit->setCompleter(completer);
    // A click outside the open completion list closes the list and is lost (QCompleter eats it), so
    // the first click on a dialog's OK button after typing a path did nothing. Pass it on.
    completer->popup()->installEventFilter(this);
    m_popup = completer->popup();

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_button);
    setFocusProxy(m_edit);

    connect(m_edit, &QLineEdit::textChanged, this, [this] { Q_EMIT pathChanged(path()); });
    connect(m_button, &QToolButton::clicked, this, &PathEdit::browse);
}

bool PathEdit::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_popup && event->type() == QEvent::MouseButtonPress) {
        const auto *press = static_cast<QMouseEvent *>(event);
        const QPoint global = press->globalPosition().toPoint();
        if (!m_popup->rect().contains(m_popup->mapFromGlobal(global))) {
            m_popup->hide();
            // A whole click, posted so that it arrives once the list is closed: Qt drops the release
            // that follows a press which closed a popup, so the press alone would leave a button
            // held down.
            if (QWidget *target = QApplication::widgetAt(global); target && target->window() != m_popup) {
                const QPoint local = target->mapFromGlobal(global);
                QCoreApplication::postEvent(target,
                    new QMouseEvent(QEvent::MouseButtonPress, local, local, global, press->button(), press->buttons(),
                        press->modifiers()));
                QCoreApplication::postEvent(target,
                    new QMouseEvent(QEvent::MouseButtonRelease, local, local, global, press->button(),
                        press->buttons() & ~press->button(), press->modifiers()));
            }
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

QString PathEdit::path() const
{
    const QString text = m_edit->text().trimmed();
    if (text.isEmpty())
        return {};
    return QDir::cleanPath(
        QDir::fromNativeSeparators(text.startsWith(QLatin1Char('~')) ? QDir::homePath() + text.mid(1) : text));
}

void PathEdit::setPath(const QString &path)
{
    m_edit->setText(QDir::toNativeSeparators(path));
}

void PathEdit::setPlaceholderText(const QString &text)
{
    m_edit->setPlaceholderText(text);
}

void PathEdit::browse()
{
    QString start = path();
    if (start.isEmpty())
        start = QDir::homePath();
    else if (m_kind != Kind::SaveFile && !QFileInfo::exists(start))
        start = QFileInfo(start).absolutePath();

    QString chosen;
    switch (m_kind) {
    case Kind::ExistingFolder:
    case Kind::NewFolder:
        chosen = QFileDialog::getExistingDirectory(this, m_title, start);
        break;
    case Kind::OpenFile:
        chosen = QFileDialog::getOpenFileName(this, m_title, start, m_filter);
        break;
    case Kind::SaveFile: {
        QFileDialog dialog(this, m_title, start, m_filter);
        dialog.setAcceptMode(QFileDialog::AcceptSave);
        dialog.setDefaultSuffix(m_suffix);
        if (dialog.exec() == QDialog::Accepted && !dialog.selectedFiles().isEmpty())
            chosen = dialog.selectedFiles().constFirst();
        break;
    }
    }
    if (chosen.isEmpty())
        return;
    setPath(chosen);
    Q_EMIT pathChosen(path());
}

} // namespace semiprune::ui
