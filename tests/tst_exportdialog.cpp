// The export dialog on a tiny project (resultfixture.h): it exports the newest selection in copy
// mode as a background job, with a split, and reports the counts; it refuses a non-empty folder
// with a message unless "replace" is ticked; every source maps to the exporter's options. With
// SEMIPRUNE_SCREENSHOTS set to a folder, it also saves export.png there.

#include "resultfixture.h"

#include "common/pathedit.h"
#include "exporting/exportdialog.h"
#include "storage/database.h"
#include "storage/imagetable.h"
#include "storage/project.h"
#include "storage/resulttables.h"
#include "storage/selectionclasses.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDirIterator>
#include <QDoubleSpinBox>
#include <QFile>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QStorageInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace semiprune;
using namespace semiprune::ui;

class TestExportDialog final : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_projectFile;

    static int filesUnder(const QString &folder, const QString &pattern)
    {
        int count = 0;
        QDirIterator it(folder, { pattern }, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            it.next();
            ++count;
        }
        return count;
    }

    template<typename T> static T *child(ExportDialog &dialog, const char *name)
    {
        T *found = dialog.findChild<T *>(QLatin1String(name));
        if (!found)
            qFatal("no %s in the export dialog", name);
        return found;
    }

    static void choose(QComboBox *box, int data) { box->setCurrentIndex(box->findData(data)); }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        QVERIFY(m_dir.isValid());
        m_projectFile = m_dir.filePath(QStringLiteral("export.semiprune"));
        testsupport::writeResultFixture(m_projectFile, m_dir.filePath(QStringLiteral("images")));
    }

    void sourcesMapToTheExportersOptions()
    {
        std::unique_ptr<Project> project = Project::open(m_projectFile);
        ExportDialog dialog(*project);
        auto *source = child<QComboBox>(dialog, "exportSource");
        QCOMPARE(ExportDialog::Source(source->currentData().toInt()), ExportDialog::Source::NewestSelection);
        QCOMPARE(dialog.options().scope, ExportScope::Selection);
        QVERIFY(dialog.options().selectionName.isEmpty());
        choose(source, int(ExportDialog::Source::NamedSelection));
        QCOMPARE(dialog.options().selectionName, QStringLiteral("fixture"));
        choose(source, int(ExportDialog::Source::AllLabeled));
        QCOMPARE(dialog.options().scope, ExportScope::All);
        choose(source, int(ExportDialog::Source::HumanOnly));
        QCOMPARE(dialog.options().scope, ExportScope::AllLabeled);
        QVERIFY(dialog.options().humanOnly);
        choose(child<QComboBox>(dialog, "exportMode"), int(ExportMode::SymLink));
        QCOMPARE(dialog.options().mode, ExportMode::SymLink);
        QCOMPARE(dialog.options().valFraction, 0.0);
        child<QCheckBox>(dialog, "exportSplit")->setChecked(true);
        child<QDoubleSpinBox>(dialog, "exportValFraction")->setValue(0.25);
        QCOMPARE(dialog.options().valFraction, 0.25);
    }

    void exportsTheSelectionAsAJobAndRefusesAFullFolder()
    {
        std::unique_ptr<Project> project = Project::open(m_projectFile);
        const QString target = m_dir.filePath(QStringLiteral("out"));
        {
            ExportDialog dialog(*project);
            dialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dialog));
            child<PathEdit>(dialog, "exportTarget")->setPath(target);
            choose(child<QComboBox>(dialog, "exportMode"), int(ExportMode::Copy));
            child<QCheckBox>(dialog, "exportSplit")->setChecked(true);
            child<QDoubleSpinBox>(dialog, "exportValFraction")->setValue(0.5);
            const QString folder = qEnvironmentVariable("SEMIPRUNE_SCREENSHOTS");
            if (!folder.isEmpty())
                QVERIFY(dialog.grab().save(QDir(folder).filePath(QStringLiteral("export.png"))));

            QVERIFY2(dialog.startExport(), qPrintable(dialog.problem()));
            QVERIFY(dialog.report());
            // The six kept images (three classes), half of each class to val/.
            QCOMPARE(dialog.report()->exported, qint64(6));
            QCOMPARE(filesUnder(target, QStringLiteral("*.png")), 6);
            QCOMPARE(filesUnder(target + QStringLiteral("/val"), QStringLiteral("*.png")), 3);
            QVERIFY(QFile::exists(target + QStringLiteral("/manifest.csv")));
            const QString summary = ExportDialog::summaryText(*dialog.report());
            QVERIFY2(summary.startsWith(QStringLiteral("Exported 6 images in 3 classes (3 train, 3 val)")),
                qPrintable(summary));

            // The message at the end: the counts, the folder, and a button that opens it.
            QWidget parent;
            ExportDialog::showResult(&parent, *dialog.report());
            auto *box = parent.findChild<QMessageBox *>(QStringLiteral("exportResultBox"));
            QVERIFY(box);
            QCOMPARE(box->text(), summary);
            QCOMPARE(box->informativeText(), QDir::toNativeSeparators(dialog.report()->target));
            QVERIFY(box->findChild<QPushButton *>(QStringLiteral("exportOpenFolder")));
            box->close();
        }
        {
            // The same folder again: refused before any work, with the way out in the message.
            ExportDialog dialog(*project);
            child<PathEdit>(dialog, "exportTarget")->setPath(target);
            QVERIFY(!dialog.startExport());
            QVERIFY2(dialog.problem().contains(QStringLiteral("is not empty")), qPrintable(dialog.problem()));
            QVERIFY(!dialog.report());
            QCOMPARE(filesUnder(target + QStringLiteral("/val"), QStringLiteral("*.png")), 3);

            // Replacing it is allowed when asked for: every labeled image, no split this time.
            child<QCheckBox>(dialog, "exportOverwrite")->setChecked(true);
            child<QCheckBox>(dialog, "exportSplit")->setChecked(false);
            choose(child<QComboBox>(dialog, "exportSource"), int(ExportDialog::Source::AllLabeled));
            QVERIFY2(dialog.startExport(), qPrintable(dialog.problem()));
            QCOMPARE(dialog.report()->exported, qint64(testsupport::kFixtureImages));
            QVERIFY(dialog.report()->replacedOld);
            QVERIFY(!QDir(target + QStringLiteral("/val")).exists());
            QCOMPARE(filesUnder(target, QStringLiteral("*.png")), testsupport::kFixtureImages);
        }
        {
            // Only what a person labeled: the seed and the override.
            ExportDialog dialog(*project);
            child<PathEdit>(dialog, "exportTarget")->setPath(m_dir.filePath(QStringLiteral("human")));
            choose(child<QComboBox>(dialog, "exportSource"), int(ExportDialog::Source::HumanOnly));
            QVERIFY2(dialog.startExport(), qPrintable(dialog.problem()));
            QCOMPARE(dialog.report()->exported, qint64(3));
        }
    }

    // A selection that keeps no image of a class the project has: asked before anything is written.
    void aSelectionThatDropsAClassIsConfirmedFirst()
    {
        std::unique_ptr<Project> project = Project::open(m_projectFile);
        {
            // Only Coat's images kept (the fixture pseudo-labels image i as class i % 3).
            Database &db = project->db();
            const auto fixture = SelectionTable(db).findByName(QStringLiteral("fixture"));
            SelectionRecord narrow = *fixture;
            narrow.name = QStringLiteral("coats only");
            narrow.createdAtMs = fixture->createdAtMs - 1; // older: the other tests keep exporting "fixture"
            std::vector<SelectionItem> items;
            int rank = 0;
            for (const SelectionItem &item : SelectionTable(db).items(fixture->id)) {
                const bool kept = ImageTable(db).find(item.image)->path == testsupport::fixtureImageName(0)
                    || ImageTable(db).find(item.image)->path == testsupport::fixtureImageName(3);
                items.push_back(SelectionItem { item.image, kept, QStringLiteral("kept"), kept ? rank++ : -1 });
            }
            narrow.kept = rank;
            SelectionTable(db).save(narrow, items);
            // The per-class counts the Runs dock shows name the same dropped classes.
            const auto stored = SelectionTable(db).findByName(QStringLiteral("coats only"));
            QVERIFY(stored);
            const std::vector<SelectionClassCount> counts = selectionClassCounts(db, stored->id);
            qint64 images = 0, kept = 0;
            for (const SelectionClassCount &count : counts) {
                images += count.images;
                kept += count.kept;
            }
            QCOMPARE(kept, qint64(2));
            QVERIFY(images >= 2 && images <= qint64(items.size()));
            QCOMPARE(droppedClasses(counts), (QStringList { QStringLiteral("Shirt"), QStringLiteral("Bag") }));
        }
        // Answers the question once it shows (after the check's job), with the button of that name or
        // with Cancel.
        QString button;
        QString asked;
        QTimer answer;
        connect(&answer, &QTimer::timeout, [&] {
            for (QWidget *widget : QApplication::topLevelWidgets()) {
                auto *box = qobject_cast<QMessageBox *>(widget);
                if (!box || box->objectName() != QLatin1String("droppedClassesBox") || !box->isVisible())
                    continue;
                asked = box->text();
                if (auto *chosen = box->findChild<QPushButton *>(button))
                    chosen->click();
                else
                    box->reject();
            }
        });
        answer.start(20);
        ExportDialog dialog(*project);
        const QString target = m_dir.filePath(QStringLiteral("narrow"));
        child<PathEdit>(dialog, "exportTarget")->setPath(target);
        choose(child<QComboBox>(dialog, "exportSource"), int(ExportDialog::Source::NamedSelection));
        auto *selection = child<QComboBox>(dialog, "exportSelection");
        selection->setCurrentIndex(selection->findData(QStringLiteral("coats only")));
        QVERIFY(!dialog.startExport());
        QVERIFY2(asked.contains(QLatin1String("Shirt, Bag")), qPrintable(asked));
        QVERIFY2(dialog.problem().contains(QLatin1String("Shirt, Bag")), qPrintable(dialog.problem()));
        QVERIFY(!dialog.report());
        QCOMPARE(filesUnder(target, QStringLiteral("*.png")), 0);

        button = QStringLiteral("exportAnyway");
        asked.clear();
        QVERIFY2(dialog.startExport(), qPrintable(dialog.problem()));
        QVERIFY(!asked.isEmpty());
        QCOMPARE(dialog.report()->exported, qint64(2));
        QCOMPARE(
            dialog.report()->classesWithoutImages, (QStringList { QStringLiteral("Shirt"), QStringLiteral("Bag") }));
    }

    // A long problem grows the dialog: the form's rows keep their height.
    void aProblemGrowsTheDialogInsteadOfSquashingTheForm()
    {
        std::unique_ptr<Project> project = Project::open(m_projectFile);
        ExportDialog dialog(*project);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        const QString full = m_dir.filePath(QStringLiteral("full"));
        QDir().mkpath(full);
        QFile(full + QStringLiteral("/keep.txt")).open(QIODevice::WriteOnly);
        child<PathEdit>(dialog, "exportTarget")->setPath(full);
        QVERIFY(!dialog.startExport());
        QVERIFY(!dialog.problem().isEmpty());
        for (const char *name : { "exportSource", "exportSelection", "exportMode" }) {
            auto *box = child<QComboBox>(dialog, name);
            QTRY_VERIFY2(box->height() >= box->sizeHint().height(),
                qPrintable(QStringLiteral("%1: %2 < %3")
                               .arg(QLatin1String(name))
                               .arg(box->height())
                               .arg(box->sizeHint().height())));
        }
        const QString folder = qEnvironmentVariable("SEMIPRUNE_SCREENSHOTS");
        if (!folder.isEmpty())
            QVERIFY(dialog.grab().save(QDir(folder).filePath(QStringLiteral("export-problem.png"))));
    }

    void crossDeviceHardLinkSuggestsCopy()
    {
        QTemporaryDir other(QStringLiteral("/dev/shm/semiprune-export-XXXXXX"));
        if (!other.isValid() || QStorageInfo(other.path()).device() == QStorageInfo(m_dir.path()).device())
            QSKIP("no second file system to link across");
        std::unique_ptr<Project> project = Project::open(m_projectFile);
        ExportDialog dialog(*project);
        child<PathEdit>(dialog, "exportTarget")->setPath(other.filePath(QStringLiteral("out")));
        choose(child<QComboBox>(dialog, "exportSource"), int(ExportDialog::Source::AllLabeled));
        choose(child<QComboBox>(dialog, "exportMode"), int(ExportMode::HardLink));
        QVERIFY(!dialog.startExport());
        QVERIFY2(dialog.problem().contains(QStringLiteral("Use copy mode")), qPrintable(dialog.problem()));
        QVERIFY(!dialog.report());
        QVERIFY(!QFileInfo::exists(other.filePath(QStringLiteral("out")))); // nothing half-written
    }
};

QTEST_MAIN(TestExportDialog)
#include "tst_exportdialog.moc"
