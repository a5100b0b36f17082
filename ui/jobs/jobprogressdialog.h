#pragma once

#include <QDialog>

class QLabel;
class QProgressBar;
class QPushButton;

namespace semiprune {
struct JobProgress;
}

namespace semiprune::ui {

// The modal window of a long job: phase, count, elapsed time, ETA and a Cancel that works (the job
// stops at its next check, within a batch). Closing the window or pressing Escape asks to cancel;
// only the job's end closes it.
//
// Thread rules: GUI thread only; JobRunner queues the worker's progress to it.
class JobProgressDialog final : public QDialog {
    Q_OBJECT

public:
    explicit JobProgressDialog(const QString &title, QWidget *parent = nullptr);

    void setProgress(const JobProgress &progress);
    // The job ended: the dialog closes for good.
    void finish();
    bool isCancelling() const { return m_cancelling; }

    static QString formatDuration(double seconds);

Q_SIGNALS:
    void cancelRequested();

public Q_SLOTS:
    void reject() override;

private:
    QLabel *m_phase;
    QLabel *m_detail;
    QProgressBar *m_bar;
    QPushButton *m_cancel;
    bool m_cancelling = false;
    bool m_finished = false;
};

} // namespace semiprune::ui
