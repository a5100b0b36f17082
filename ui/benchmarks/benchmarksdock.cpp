#include "benchmarksdock.h"

#include "storage/project.h"
#include "storage/runtable.h"

#include <QComboBox>
#include <QDateTime>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace semiprune::ui {

BenchmarksDock::BenchmarksDock(QWidget *parent)
    : QDockWidget(tr("Benchmarks"), parent), m_choice(new QComboBox(this)), m_message(new QLabel(this)),
      m_table(new QTableWidget(this)), m_details(new QTextBrowser(this))
{
    setObjectName(QStringLiteral("benchmarksDock"));
    m_choice->setObjectName(QStringLiteral("benchmarkChoice"));
    m_choice->setAccessibleName(tr("Benchmark run"));
    m_message->setWordWrap(true);
    m_message->setObjectName(QStringLiteral("benchmarkMessage"));
    m_table->setObjectName(QStringLiteral("benchmarkTable"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->verticalHeader()->setVisible(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_details->setObjectName(QStringLiteral("benchmarkDetails"));
    m_details->setOpenLinks(false);

    auto *body = new QWidget(this);
    auto *layout = new QVBoxLayout(body);
    layout->addWidget(m_choice);
    layout->addWidget(m_message);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_details, 2);
    setWidget(body);
    connect(m_choice, &QComboBox::currentIndexChanged, this, &BenchmarksDock::showRun);
    showMessage(tr("No project is open."));
}

void BenchmarksDock::setProject(Project *project)
{
    m_reports.clear();
    const QSignalBlocker blocker(m_choice);
    m_choice->clear();
    if (!project) {
        showMessage(tr("No project is open."));
        return;
    }
    std::vector<RunRecord> runs = RunTable(project->db()).all();
    std::reverse(runs.begin(), runs.end()); // newest first
    for (const RunRecord &run : runs) {
        if (run.kind != QLatin1String("benchmark"))
            continue;
        const QString when = QLocale().toString(QDateTime::fromMSecsSinceEpoch(run.startedAtMs), QLocale::ShortFormat);
        m_reports.emplace_back(tr("Benchmark #%1, %2 (%3)").arg(run.id.value).arg(when, runStateName(run.state)),
            run.metrics.contains(QStringLiteral("table")) ? run.metrics : QJsonObject());
        m_choice->addItem(m_reports.back().first);
    }
    m_choice->setVisible(!m_reports.empty());
    if (m_reports.empty()) {
        showMessage(tr("This project holds no benchmark. `semiprune benchmark` stores its report in the "
                       "benchmark.semiprune project of its output folder: open that one to see it here."));
        return;
    }
    showRun(0);
}

void BenchmarksDock::showRun(int index)
{
    if (index < 0 || index >= int(m_reports.size()))
        return;
    const QJsonObject &json = m_reports[std::size_t(index)].second;
    if (json.isEmpty()) {
        showMessage(tr("This benchmark stopped before its end and has no report yet. Its figures so far are in "
                       "results.md of its output folder; the same command with --resume finishes it."));
        return;
    }
    showReport(BenchmarkReport::fromJson(json));
}

void BenchmarksDock::showMessage(const QString &text)
{
    m_message->setText(text);
    m_message->show();
    m_table->clear();
    m_table->setRowCount(0);
    m_table->setColumnCount(0);
    m_table->hide();
    m_markdown.clear();
    m_details->clear();
    m_details->hide();
}

void BenchmarksDock::showReport(const BenchmarkReport &report)
{
    m_message->setText(tr("%1 · %Ln seed(s) · %2 seed labels and %3 validation labels per seed · pool of %4 images",
        nullptr, report.completedRepetitions)
                           .arg(report.trainSource)
                           .arg(report.seedLabelsPerRepetition)
                           .arg(report.validationImages)
                           .arg(report.poolImages));
    m_message->show();
    const QStringList methods = report.methods();
    const std::vector<double> &rates = report.settings.pruningRates;
    m_table->clear();
    m_table->setRowCount(int(methods.size()) + 1);
    m_table->setColumnCount(int(rates.size()));
    for (std::size_t column = 0; column < rates.size(); ++column)
        m_table->setHorizontalHeaderItem(
            int(column), new QTableWidgetItem(tr("%1 % pruned").arg(std::lround(rates[column] * 100.0))));
    const auto cell = [](const std::vector<double> &values) {
        return values.empty() ? QStringLiteral("–")
                              : QStringLiteral("%1 ± %2").arg(QLocale().toString(100.0 * meanOf(values), 'f', 1),
                                  QLocale().toString(100.0 * stdOf(values), 'f', 1));
    };
    for (int row = 0; row < methods.size(); ++row) {
        m_table->setVerticalHeaderItem(row, new QTableWidgetItem(benchmarkMethodTitle(methods[row])));
        for (std::size_t column = 0; column < rates.size(); ++column) {
            const BenchmarkEntry *entry = report.find(methods[row], rates[column]);
            auto *item = new QTableWidgetItem(entry ? cell(entry->accuracies) : QStringLiteral("–"));
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_table->setItem(row, int(column), item);
        }
    }
    // The best mean per rate among the selectors (the references excluded) in bold.
    for (std::size_t column = 0; column < rates.size(); ++column) {
        int best = -1;
        double bestMean = -1;
        for (int row = 0; row < methods.size(); ++row) {
            const QString &method = methods[row];
            if (method.startsWith(QLatin1String("true-label")) || method == benchmarkmethod::betaZero())
                continue;
            const BenchmarkEntry *entry = report.find(method, rates[column]);
            if (entry && !entry->accuracies.empty() && meanOf(entry->accuracies) > bestMean) {
                bestMean = meanOf(entry->accuracies);
                best = row;
            }
        }
        if (best >= 0) {
            QFont bold = m_table->item(best, int(column))->font();
            bold.setBold(true);
            m_table->item(best, int(column))->setFont(bold);
        }
    }
    const int fullRow = int(methods.size());
    m_table->setVerticalHeaderItem(fullRow, new QTableWidgetItem(tr("Full pool (no pruning)")));
    for (std::size_t column = 0; column < rates.size(); ++column) {
        auto *item = new QTableWidgetItem(cell(report.fullDataAccuracies));
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_table->setItem(fullRow, int(column), item);
    }
    // As tall as its rows: the report below gets the rest of the dock.
    m_table->setFixedHeight(m_table->horizontalHeader()->sizeHint().height() + m_table->verticalHeader()->length()
        + 2 * m_table->frameWidth());
    m_table->show();
    m_markdown = report.markdown();
    m_details->setMarkdown(m_markdown);
    m_details->show();
}

QString BenchmarksDock::detailsMarkdown() const
{
    return m_markdown;
}

QString BenchmarksDock::messageText() const
{
    return m_message->text();
}

} // namespace semiprune::ui
