#include "imagepreview.h"

#include "grid/matimage.h"
#include "imaging/imagedecoder.h"

#include <QPainter>
#include <QtConcurrent/QtConcurrentRun>

#include <cmath>

namespace semiprune::ui {

namespace {

struct Decoded {
    QImage image;
    QString problem;
};

// Runs on the preview's pool: decode, then convert while still off the GUI thread.
Decoded decodeForPreview(const QString &path)
{
    DecodeOptions options;
    options.maxSide = ImagePreview::kMaxSide;
    const DecodedImage decoded = decodeImage(path, options);
    if (!decoded.ok())
        return { QImage(), decoded.problem };
    return { imageFromMat(decoded.pixels), QString() };
}

} // namespace

ImagePreview::ImagePreview(QWidget *parent) : QWidget(parent)
{
    m_pool.setObjectName(QStringLiteral("preview"));
    m_pool.setMaxThreadCount(1);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setAttribute(Qt::WA_OpaquePaintEvent, false);
}

ImagePreview::~ImagePreview()
{
    m_pool.clear();
    m_pool.waitForDone();
}

void ImagePreview::showFile(const QString &path)
{
    const quint64 generation = ++m_generation;
    m_path = path;
    m_message.clear();
    if (path.isEmpty()) {
        m_image = QImage();
        m_loading = false;
        update();
        return;
    }
    m_loading = true;
    // Only the newest request matters: drop decodes that have not started yet.
    m_pool.clear();
    QtConcurrent::run(&m_pool, decodeForPreview, path).then(this, [this, generation](const Decoded &decoded) {
        accept(generation, decoded.image, decoded.problem);
    });
}

void ImagePreview::showMessage(const QString &message)
{
    ++m_generation; // whatever is still decoding is no longer wanted
    m_path.clear();
    m_image = QImage();
    m_message = message;
    m_loading = false;
    update();
}

void ImagePreview::accept(quint64 generation, const QImage &image, const QString &problem)
{
    if (generation != m_generation)
        return;
    m_loading = false;
    m_image = image;
    m_message = image.isNull() ? problem : QString();
    update();
    Q_EMIT loaded(!image.isNull());
}

void ImagePreview::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const QRect area = rect().adjusted(4, 4, -4, -4);
    painter.fillRect(rect(),
        palette().color(QPalette::Base).value() > 128 ? QColor(0x2b, 0x2b, 0x2b) : palette().color(QPalette::Base));
    if (m_image.isNull()) {
        painter.setPen(QColor(0xdd, 0xdd, 0xdd));
        painter.drawText(area, Qt::AlignCenter | Qt::TextWordWrap, m_loading ? QString() : m_message);
        return;
    }
    const QSizeF source = m_image.size();
    double scale = std::min(area.width() / source.width(), area.height() / source.height());
    // Enlarge by whole steps: every source pixel becomes the same square, so small images stay crisp.
    const bool enlarge = scale >= 2.0;
    if (enlarge)
        scale = std::floor(scale);
    const QSizeF target = source * scale;
    const QRectF box(area.x() + (area.width() - target.width()) / 2, area.y() + (area.height() - target.height()) / 2,
        target.width(), target.height());
    painter.setRenderHint(QPainter::SmoothPixmapTransform, !enlarge);
    painter.drawImage(box, m_image);
}

} // namespace semiprune::ui
