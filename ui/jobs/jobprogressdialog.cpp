#include "jobprogressdialog.h"

#include "jobs/jobcontext.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

#include <cmath>

namespace semiprune::ui {

JobProgressDialog::JobProgressDialog(const QString &title, QWidget *parent)
    : QDialog(parent), m_phase(new QLabel(this)), m_detail(new QLabel(this)), m_bar(new QProgressBar(this)),
      m_cancel(new QPushButton(tr("Cancel"), this))
{
    setWindowTitle(title);
    setWindowModality(Qt::ApplicationModal);
    setObjectName(QStringLiteral("jobProgressDialog"));
    setMinimumWidth(440);

    QFont bold = m_phase->font();
    bold.setBold(true);
    m_phase->setFont(bold);
    m_phase->setText(tr("Starting…"));
    m_phase->setWordWrap(true);
    m_detail->setText(QStringLiteral(" "));
    m_detail->setObjectName(QStringLiteral("jobProgressDetail"));
    m_bar->setRange(0, 0);
    m_bar->setTextVisible(true);

    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_cancel, QDialogButtonBox::RejectRole);
    connect(m_cancel, &QPushButton::clicked, this, &JobProgressDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(18, 16, 18, 12);
    layout->setSpacing(8);
    layout->addWidget(m_phase);
    layout->addWidget(m_bar);
    layout->addWidget(m_detail);
    layout->addSpacing(4);
    layout->addWidget(buttons);
}

QString JobProgressDialog::formatDuration(double seconds)
{
    if (seconds < 0)
        return {};
    const qint64 whole = qint64(std::ceil(seconds));
    if (whole < 60)
        return tr("%n s", nullptr, int(whole));
    if (whole < 3600)
        return tr("%1 min %2 s").arg(whole / 60).arg(whole % 60, 2, 10, QLatin1Char('0'));
    return tr("%1 h %2 min").arg(whole / 3600).arg((whole % 3600) / 60, 2, 10, QLatin1Char('0'));
}

void JobProgressDialog::setProgress(const JobProgress &progress)
{
    if (m_finished)
        return;
    if (!m_cancelling)
        m_phase->setText(progress.phase.isEmpty() ? tr("Working…") : progress.phase);
    const QLocale locale;
    QStringList parts;
    if (progress.total > 0) {
        // QProgressBar counts in int: scale large totals down.
        const int scale = progress.total > 1'000'000'000 ? 1000 : 1;
        m_bar->setRange(0, int(progress.total / scale));
        m_bar->setValue(int(std::min(progress.done, progress.total) / scale));
        parts << tr("%1 of %2").arg(locale.toString(progress.done), locale.toString(progress.total));
    } else {
        m_bar->setRange(0, 0);
        if (progress.done > 0)
            parts << locale.toString(progress.done);
    }
    parts << tr("%1 elapsed").arg(formatDuration(progress.elapsedSeconds));
    if (progress.etaSeconds > 0.5)
        parts << tr("about %1 left").arg(formatDuration(progress.etaSeconds));
    m_detail->setText(parts.join(QStringLiteral(" · ")));
}

void JobProgressDialog::reject()
{
    if (m_finished) {
        QDialog::reject();
        return;
    }
    if (m_cancelling)
        return;
    m_cancelling = true;
    m_cancel->setEnabled(false);
    m_phase->setText(tr("Cancelling…"));
    Q_EMIT cancelRequested();
}

void JobProgressDialog::finish()
{
    m_finished = true;
    done(m_cancelling ? QDialog::Rejected : QDialog::Accepted);
}

} // namespace semiprune::ui
