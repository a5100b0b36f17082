// Writes a starting corpus for each fuzz target into the folder given: small valid files of every
// kind the parsers accept, so fuzzing starts from deep inside the formats instead of from nothing.

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

namespace {

void writeBytes(const std::string &path, const std::vector<unsigned char> &bytes)
{
    std::ofstream(path, std::ios::binary)
        .write(reinterpret_cast<const char *>(bytes.data()), std::streamsize(bytes.size()));
}

std::vector<unsigned char> idx(const std::vector<int> &dims, unsigned char fill)
{
    std::vector<unsigned char> bytes { 0, 0, 0x08, static_cast<unsigned char>(dims.size()) };
    size_t count = 1;
    for (int d : dims) {
        for (int shift : { 24, 16, 8, 0 })
            bytes.push_back(static_cast<unsigned char>((unsigned(d) >> shift) & 0xff));
        count *= size_t(d);
    }
    bytes.insert(bytes.end(), count, fill);
    return bytes;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc != 2) {
        std::fprintf(
            stderr, "usage: %s CORPUS_ROOT (creates fuzz_imageheader/, fuzz_idx/, fuzz_labelcsv/ in it)\n", argv[0]);
        return 2;
    }
    const std::string root = argv[1];
    const std::string images = root + "/fuzz_imageheader/";
    cv::Mat color(7, 5, CV_8UC3, cv::Scalar(10, 200, 30));
    cv::Mat alpha(3, 9, CV_8UC4, cv::Scalar(1, 2, 3, 128));
    cv::Mat deep(4, 4, CV_16UC1, cv::Scalar(60000));
    cv::Mat gray(6, 6, CV_8UC1, cv::Scalar(77));
    bool ok = cv::imwrite(images + "color.png", color) && cv::imwrite(images + "alpha.png", alpha)
        && cv::imwrite(images + "deep.png", deep) && cv::imwrite(images + "gray.png", gray)
        && cv::imwrite(images + "color.jpg", color)
        && cv::imwrite(images + "progressive.jpg", color, { cv::IMWRITE_JPEG_PROGRESSIVE, 1 })
        && cv::imwrite(images + "gray.jpg", gray) && cv::imwrite(images + "color.bmp", color)
        && cv::imwrite(images + "gray.bmp", gray) && cv::imwrite(images + "color.webp", color)
        && cv::imwrite(images + "color.tif", color) && cv::imwrite(images + "deep.tif", deep)
        && cv::imwrite(images + "gray.pgm", gray) && cv::imwrite(images + "color.ppm", color);
    if (!ok) {
        std::fprintf(stderr, "could not write the image seeds into %s (does the folder exist?)\n", images.c_str());
        return 1;
    }
    const std::string idxFolder = root + "/fuzz_idx/";
    writeBytes(idxFolder + "images.idx3", idx({ 3, 4, 4 }, 9));
    writeBytes(idxFolder + "labels.idx1", idx({ 5 }, 2));
    writeBytes(idxFolder + "one.idx2", idx({ 1, 1 }, 0));
    const std::string csv = root + "/fuzz_labelcsv/";
    std::ofstream(csv + "plain.csv") << "path,class\ncat/1.png,cat\ndog/2.png,dog\n";
    std::ofstream(csv + "quoted.csv") << "\"a, b/c.png\",\"big \"\"cat\"\"\"\r\nx.png,\n\n";
    std::ofstream(csv + "noheader.csv") << "d/\xc3\xa9t\xc3\xa9.png,\xe7\x8c\xab\n";
    return 0;
}
