#pragma once

#include <QWidget>

class QLineEdit;
class QToolButton;

namespace semiprune::ui {

// A path field with a "Browse…" button that opens the right file dialog for what it asks for.
//
// Thread rules: GUI thread only.
class PathEdit final : public QWidget {
    Q_OBJECT

public:
    enum class Kind { ExistingFolder, NewFolder, OpenFile, SaveFile };

    PathEdit(Kind kind, const QString &dialogTitle, QWidget *parent = nullptr);

    QString path() const; // trimmed, cleaned, empty when empty
    void setPath(const QString &path);
    void setNameFilter(const QString &filter) { m_filter = filter; }
    void setDefaultSuffix(const QString &suffix) { m_suffix = suffix; }
    void setPlaceholderText(const QString &text);
    QLineEdit *lineEdit() const { return m_edit; }

Q_SIGNALS:
    void pathChanged(const QString &path);
    // The user picked a path with the Browse… button (not by typing).
    void pathChosen(const QString &path);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void browse();

    Kind m_kind;
    QString m_title;
    QString m_filter;
    QString m_suffix;
    QLineEdit *m_edit;
    QToolButton *m_button;
    QWidget *m_popup = nullptr; // the completer's list
};

} // namespace semiprune::ui
