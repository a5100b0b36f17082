#pragma once

// For the widget tests: the application window, shown and exposed, with a project open.

#include "mainwindow/mainwindow.h"

#include <QSize>
#include <QString>
#include <QTest>

#include <memory>

namespace testsupport {

// nullptr when the window could not be exposed; a project that fails to open is reported as a
// warning and the window returned as it is, so the test's own checks say what is missing.
inline std::unique_ptr<semiprune::ui::MainWindow> openMainWindow(const QString &projectFile, QSize size = {})
{
    auto window = std::make_unique<semiprune::ui::MainWindow>();
    if (size.isValid())
        window->resize(size);
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        return nullptr;
    QString error;
    if (!window->openProject(projectFile, &error))
        qWarning("%s", qPrintable(error));
    return window;
}

} // namespace testsupport
