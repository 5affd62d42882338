#pragma once
/// A throw-away self-signed certificate for TLS tests, generated with the OpenSSL API into a
/// temporary directory (removed again by the destructor).
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>

namespace golive::testing {

/// cert.pem + key.pem for CN=localhost, SAN DNS:localhost and IP:127.0.0.1, EC P-256, valid from
/// one minute ago for `valid_days`.
class SelfSignedCert {
 public:
  explicit SelfSignedCert(int valid_days = 1) {
    char tmpl[] = "/tmp/golive-tls-XXXXXX";
    if (::mkdtemp(tmpl) == nullptr) throw std::runtime_error("mkdtemp failed");
    dir_ = tmpl;
    cert_path_ = (dir_ / "cert.pem").string();
    key_path_ = (dir_ / "key.pem").string();

    std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(EVP_EC_gen("P-256"), EVP_PKEY_free);
    std::unique_ptr<X509, decltype(&X509_free)> cert(X509_new(), X509_free);
    if (!key || !cert) throw std::runtime_error("openssl allocation failed");
    X509_set_version(cert.get(), 2);
    ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), 4242);
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), -60);
    not_after_ = std::time(nullptr) + 86400L * valid_days;
    X509_time_adj_ex(X509_getm_notAfter(cert.get()), 0, 0, &not_after_);
    X509_set_pubkey(cert.get(), key.get());
    X509_NAME* name = X509_get_subject_name(cert.get());
    X509_NAME_add_entry_by_txt(name, "O", MBSTRING_ASC,
                               reinterpret_cast<const unsigned char*>("golive tests"), -1, -1, 0);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                               reinterpret_cast<const unsigned char*>("localhost"), -1, -1, 0);
    X509_set_issuer_name(cert.get(), name);
    add_ext(cert.get(), NID_subject_alt_name, "DNS:localhost,IP:127.0.0.1");
    add_ext(cert.get(), NID_basic_constraints, "critical,CA:TRUE");
    if (X509_sign(cert.get(), key.get(), EVP_sha256()) == 0)
      throw std::runtime_error("sign failed");

    write(cert_path_, [&](FILE* f) { return PEM_write_X509(f, cert.get()); });
    write(key_path_, [&](FILE* f) {
      return PEM_write_PrivateKey(f, key.get(), nullptr, nullptr, 0, nullptr, nullptr);
    });
  }
  ~SelfSignedCert() {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  SelfSignedCert(const SelfSignedCert&) = delete;
  SelfSignedCert& operator=(const SelfSignedCert&) = delete;

  const std::string& cert_path() const { return cert_path_; }
  const std::string& key_path() const { return key_path_; }
  /// notAfter as written into the certificate (whole seconds).
  std::time_t not_after() const { return not_after_; }

 private:
  static void add_ext(X509* cert, int nid, const char* value) {
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, cert, cert, nullptr, nullptr, 0);
    X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
    if (ext == nullptr) throw std::runtime_error("bad extension");
    X509_add_ext(cert, ext, -1);
    X509_EXTENSION_free(ext);
  }
  template <class Fn>
  static void write(const std::string& path, Fn fn) {
    std::unique_ptr<FILE, decltype(&std::fclose)> f(std::fopen(path.c_str(), "w"), std::fclose);
    if (!f || fn(f.get()) != 1) throw std::runtime_error("cannot write " + path);
  }

  std::filesystem::path dir_;
  std::string cert_path_;
  std::string key_path_;
  std::time_t not_after_ = 0;
};

}  // namespace golive::testing
