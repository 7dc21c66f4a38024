// lines.cpp: peers of "leaklaw assess --format csv" on a JSON Lines stream
// (bench/batch.sh), each doing only a part of what an assessment must do
// to every case, on one thread:
//   sha256  the SHA-256 of each line (the case_sha256 column every record
//           carries), with OpenSSL as leaklaw computes it;
//   parse   simdjson's DOM parse of each line (simdjson 3, Debian
//           libsimdjson-dev), the fastest JSON reader packaged in Debian;
//   both    the two, which no assessment can do without.
// Usage: lines sha256|parse|both < FILE.jsonl; prints the lines read.
// A bench peer only: leaklaw is C and does not link simdjson.
#include <openssl/evp.h>
#include <simdjson.h>

#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>

int main(int argc, char **argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: lines sha256|parse|both < FILE\n");
        return 2;
    }
    const std::string mode = argv[1];
    const bool hash = mode == "sha256" || mode == "both";
    const bool parse = mode == "parse" || mode == "both";
    if (!hash && !parse) {
        std::fprintf(stderr, "lines: unknown mode %s\n", argv[1]);
        return 2;
    }
    EVP_MD *md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    simdjson::dom::parser parser;
    std::string line;
    unsigned long n = 0, bad = 0;
    unsigned char digest[32];
    std::ios::sync_with_stdio(false);
    while (std::getline(std::cin, line)) {
        n++;
        if (hash &&
            EVP_Digest(line.data(), line.size(), digest, nullptr, md,
                       nullptr) != 1)
            bad++;
        if (parse) {
            // padded copy, as simdjson requires
            simdjson::dom::element doc;
            if (parser.parse(line.data(), line.size(), true).get(doc))
                bad++;
        }
    }
    EVP_MD_free(md);
    std::printf("%lu lines, %lu failed\n", n, bad);
    return bad ? 1 : 0;
}
