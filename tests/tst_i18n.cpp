// The German translation, as a German user sees it: the real main window, welcome page and
// dialogs built after installTranslations(), Qt's own texts included, and menu accelerators
// that stay unique in German.

#include "common/translation.h"
#include "dialogs/importidxdialog.h"
#include "dialogs/newprojectdialog.h"
#include "mainwindow/mainwindow.h"
#include "mainwindow/welcomepage.h"
#include "runs/runsettingsdialog.h"

#include <QAction>
#include <QApplication>
#include <QCommandLinkButton>
#include <QDialogButtonBox>
#include <QFile>
#include <QGroupBox>
#include <QHash>
#include <QLabel>
#include <QLibraryInfo>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>

using namespace semiprune;
using namespace semiprune::ui;

namespace {

QStringList actionTexts(const QList<QAction *> &actions)
{
    QStringList texts;
    for (const QAction *action : actions) {
        if (!action->isSeparator())
            texts << action->text();
    }
    return texts;
}

// The accelerator letters (after '&') that appear more than once among `texts`.
QStringList clashingAccelerators(const QStringList &texts)
{
    QHash<QChar, QStringList> byKey;
    for (const QString &text : texts) {
        for (qsizetype i = text.indexOf(QLatin1Char('&')); i >= 0 && i + 1 < text.size();
             i = text.indexOf(QLatin1Char('&'), i + 2)) {
            if (text.at(i + 1) != QLatin1Char('&')) {
                byKey[text.at(i + 1).toLower()] << text;
                break;
            }
        }
    }
    QStringList clashes;
    for (auto it = byKey.cbegin(); it != byKey.cend(); ++it) {
        if (it.value().size() > 1)
            clashes << QStringLiteral("%1: %2").arg(it.key(), it.value().join(QStringLiteral(", ")));
    }
    return clashes;
}

} // namespace

class TestI18n final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        QVERIFY2(installTranslations(QLocale(QLocale::German, QLocale::Germany)),
            "the German translation is not compiled in (:/i18n/semiprune_de.qm)");
    }

    void theLanguageCanBeChosen()
    {
        qputenv("SEMIPRUNE_LANGUAGE", "de");
        QCOMPARE(interfaceLocale().language(), QLocale::German);
        qputenv("SEMIPRUNE_LANGUAGE", "en_GB");
        QCOMPARE(interfaceLocale().language(), QLocale::English);
        qunsetenv("SEMIPRUNE_LANGUAGE");
    }

    void qtsOwnTextsAreGerman()
    {
        const QString qtbase = QLibraryInfo::path(QLibraryInfo::TranslationsPath) + QStringLiteral("/qtbase_de.qm");
        if (!QFile::exists(qtbase))
            QFAIL(qPrintable(qtbase + QStringLiteral(" is missing: install qt6-translations-l10n")));
        QDialogButtonBox buttons(QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::Close);
        // A platform theme may add an accelerator; the offscreen one does not.
        QCOMPARE(
            buttons.button(QDialogButtonBox::Cancel)->text().remove(QLatin1Char('&')), QStringLiteral("Abbrechen"));
        QCOMPARE(buttons.button(QDialogButtonBox::Close)->text().remove(QLatin1Char('&')), QStringLiteral("Schließen"));
    }

    void mainWindowMenusAreGerman()
    {
        MainWindow window;
        const QStringList menus = actionTexts(window.menuBar()->actions());
        QCOMPARE(menus,
            (QStringList { QStringLiteral("&Datei"), QStringLiteral("&Bearbeiten"), QStringLiteral("&Ansicht"),
                QStringLiteral("Aus&führen"), QStringLiteral("&Hilfe") }));
        const QStringList file = actionTexts(window.menuBar()->actions().constFirst()->menu()->actions());
        QVERIFY2(file.contains(QStringLiteral("&Neues Projekt aus Ordner…")), qPrintable(file.join(QLatin1Char('|'))));
        QVERIFY2(file.contains(QStringLiteral("Projekt &schließen")), qPrintable(file.join(QLatin1Char('|'))));
        QVERIFY2(file.contains(QStringLiteral("&Beenden")), qPrintable(file.join(QLatin1Char('|'))));
    }

    void acceleratorsStayUniqueInEveryMenu()
    {
        MainWindow window;
        QStringList clashes = clashingAccelerators(actionTexts(window.menuBar()->actions()));
        for (const QAction *top : window.menuBar()->actions()) {
            if (!top->menu())
                continue;
            for (const QString &clash : clashingAccelerators(actionTexts(top->menu()->actions())))
                clashes << top->text() + QStringLiteral(" → ") + clash;
        }
        QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(QLatin1Char('\n'))));
    }

    void welcomePageIsGerman()
    {
        MainWindow window;
        WelcomePage *welcome = window.welcomePage();
        QVERIFY(welcome);
        auto *newProject = welcome->findChild<QCommandLinkButton *>(QStringLiteral("newProjectButton"));
        QVERIFY(newProject);
        QCOMPARE(newProject->text(), QStringLiteral("Neues Projekt aus Ordner…"));
        QCOMPARE(
            newProject->description(), QStringLiteral("Ein Ordner mit Bildern, flach oder in Klassen-Unterordnern"));
        QStringList labels;
        for (const QLabel *label : welcome->findChildren<QLabel *>())
            labels << label->text();
        QVERIFY2(
            labels.contains(QStringLiteral("Zuletzt geöffnete Projekte")), qPrintable(labels.join(QLatin1Char('|'))));
    }

    void dialogsAreGerman()
    {
        NewProjectDialog dialog;
        QCOMPARE(dialog.windowTitle(), QStringLiteral("Neues Projekt aus Ordner"));
        QStringList buttons;
        for (const QPushButton *button : dialog.findChildren<QPushButton *>())
            buttons << button->text().remove(QLatin1Char('&'));
        QVERIFY2(buttons.contains(QStringLiteral("Anlegen")), qPrintable(buttons.join(QLatin1Char('|'))));
        QVERIFY2(buttons.contains(QStringLiteral("Abbrechen")), qPrintable(buttons.join(QLatin1Char('|'))));

        ImportIdxDialog idx;
        QCOMPARE(idx.windowTitle(), QStringLiteral("IDX-Dateien importieren"));

        RunSettingsDialog run(6, 2, 30);
        QCOMPARE(run.windowTitle(), QStringLiteral("SemiPrune ausführen"));
        QStringList labels;
        for (const QLabel *label : run.findChildren<QLabel *>())
            labels << label->text();
        // The German plural of the class count: "in 2 Klassen".
        QVERIFY2(labels.contains(
                     QStringLiteral("Lernt aus <b>6</b> gelabelten Bildern in <b>2</b> Klassen und 24 ungelabelten.")),
            qPrintable(labels.join(QLatin1Char('|'))));
    }

    // Not a check: with SEMIPRUNE_SCREENSHOTS=<folder>, saves the German window and dialogs.
    void screenshots()
    {
        const QString folder = qEnvironmentVariable("SEMIPRUNE_SCREENSHOTS");
        if (folder.isEmpty())
            QSKIP("set SEMIPRUNE_SCREENSHOTS to a folder to save screenshots");
        MainWindow window;
        window.resize(1180, 740);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTest::qWait(100); // screenshots only
        QVERIFY(window.grab().save(folder + QStringLiteral("/welcome-de.png")));

        NewProjectDialog dialog;
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(dialog.grab().save(folder + QStringLiteral("/newproject-de.png")));

        ImportIdxDialog idx;
        idx.show();
        QVERIFY(QTest::qWaitForWindowExposed(&idx));
        QVERIFY(idx.grab().save(folder + QStringLiteral("/importidx-de.png")));

        RunSettingsDialog run(6, 2, 30);
        run.findChild<QGroupBox *>(QStringLiteral("advancedGroup"))->setChecked(true);
        run.show();
        QVERIFY(QTest::qWaitForWindowExposed(&run));
        QTest::qWait(50);
        QVERIFY(run.grab().save(folder + QStringLiteral("/rundialog-de.png")));
    }
};

QTEST_MAIN(TestI18n)
#include "tst_i18n.moc"
