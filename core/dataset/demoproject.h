#pragma once

#include <QString>

#include <memory>

namespace semiprune {

class JobContext;
class Project;

// Where Debian's dataset-fashion-mnist package puts its files.
QString fashionMnistDirectory();
// The demo's default home: the user's application data folder.
QString defaultDemoDirectory();
// The project file of the demo inside `directory`.
QString demoProjectFile(const QString &directory);

// Opens the Fashion-MNIST demo project in `directory`, making it first if needed: the IDX files are
// converted to PNG class folders (train/ and test/ kept apart), imported with their labels hidden as
// reference labels, and the ten class names created so the user can start labeling a seed at once.
// Throws Error with the package to install when the data set is not there.
std::unique_ptr<Project> openOrCreateDemoProject(const QString &directory, JobContext &job);

} // namespace semiprune
