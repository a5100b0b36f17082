#pragma once

#include <QImage>
#include <QThreadPool>
#include <QWidget>

namespace semiprune::ui {

// A large view of one image file, decoded on the preview's own one-thread pool so that walking the
// grid with the arrow keys never waits for a decode; a request that is overtaken by the next one is
// dropped when it arrives. Small images are enlarged with whole-pixel steps, so 28x28 digits stay
// sharp. A file that cannot be read shows the reason instead.
//
// Thread rules: GUI thread only; the decode runs on the pool and hands a QImage back through a
// continuation on this object. The destructor waits for a decode in flight.
class ImagePreview final : public QWidget {
    Q_OBJECT

public:
    explicit ImagePreview(QWidget *parent = nullptr);
    ~ImagePreview() override;

    // Starts decoding `path` (empty: shows nothing). The previous picture stays until it arrives.
    void showFile(const QString &path);
    // Shows a message instead of a picture (an image gone from the project, nothing selected).
    void showMessage(const QString &message);

    QString path() const { return m_path; }
    bool hasImage() const { return !m_image.isNull(); }
    QImage image() const { return m_image; }
    QString message() const { return m_message; }
    bool isLoading() const { return m_loading; }

    // The longest side decoded; larger images are reduced while decoding.
    static constexpr int kMaxSide = 1600;

    QSize sizeHint() const override { return { 320, 240 }; }
    QSize minimumSizeHint() const override { return { 120, 90 }; }

Q_SIGNALS:
    // A decode for the current path ended: ok, or the reason is in message().
    void loaded(bool ok);

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    void accept(quint64 generation, const QImage &image, const QString &problem);

    QThreadPool m_pool;
    QString m_path;
    QImage m_image;
    QString m_message;
    quint64 m_generation = 0;
    bool m_loading = false;
};

} // namespace semiprune::ui
