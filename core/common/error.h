#pragma once

#include <QString>

#include <stdexcept>

namespace semiprune {

// The one exception type the core throws for conditions a user can act on (a bad file, a wrong
// parameter, a project that cannot be opened). The message is complete and names the culprit.
class Error : public std::runtime_error {
public:
    explicit Error(const QString &message) : std::runtime_error(message.toStdString()), m_message(message) { }

    const QString &message() const noexcept { return m_message; }

private:
    QString m_message;
};

} // namespace semiprune
