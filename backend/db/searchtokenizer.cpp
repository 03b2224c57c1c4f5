#include "db/searchtokenizer.h"

#include <sqlite3.h>

#include <cstring>
#include <new>

namespace teehee {

namespace {

bool isCjk(char32_t c)
{
    return (c >= 0x3040 && c <= 0x30FF)      // hiragana, katakana
        || (c >= 0x3400 && c <= 0x4DBF)      // CJK extension A
        || (c >= 0x4E00 && c <= 0x9FFF)      // CJK unified ideographs
        || (c >= 0xAC00 && c <= 0xD7AF)      // hangul syllables
        || (c >= 0xF900 && c <= 0xFAFF)      // CJK compatibility ideographs
        || (c >= 0xFF66 && c <= 0xFF9F)      // half-width katakana
        || (c >= 0x20000 && c <= 0x3FFFF);   // CJK extensions B and later
}

// Length of the UTF-8 sequence at p (1 for a stray byte), and its code point.
int decode(const unsigned char *p, int left, char32_t *out)
{
    const unsigned char b = p[0];
    int n = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 1;
    if (n > left)
        n = 1;
    char32_t c = n == 1 ? b : n == 2 ? (b & 0x1F) : n == 3 ? (b & 0x0F) : (b & 0x07);
    for (int i = 1; i < n; ++i)
        c = (c << 6) | (p[i] & 0x3F);
    *out = c;
    return n;
}

struct Tokenizer {
    fts5_tokenizer inner{};
    Fts5Tokenizer *innerInstance = nullptr;
};

struct Forward {
    void *ctx;
    int (*emit)(void *, int, const char *, int, int, int);
};

// Passes a word on, cut into characters where it is CJK. The offsets stay
// those of the whole word: the index is contentless, nothing reads them.
int splitWord(void *pCtx, int flags, const char *token, int nToken, int start, int end)
{
    auto *fw = static_cast<Forward *>(pCtx);
    const auto *p = reinterpret_cast<const unsigned char *>(token);
    int runStart = 0; // start of the pending non-CJK run
    int i = 0;
    while (i < nToken) {
        char32_t c;
        const int n = decode(p + i, nToken - i, &c);
        if (isCjk(c)) {
            if (i > runStart) {
                if (int rc = fw->emit(fw->ctx, flags, token + runStart, i - runStart, start, end); rc != SQLITE_OK)
                    return rc;
            }
            if (int rc = fw->emit(fw->ctx, flags, token + i, n, start, end); rc != SQLITE_OK)
                return rc;
            runStart = i + n;
        }
        i += n;
    }
    if (runStart == 0)
        return fw->emit(fw->ctx, flags, token, nToken, start, end);
    if (nToken > runStart)
        return fw->emit(fw->ctx, flags, token + runStart, nToken - runStart, start, end);
    return SQLITE_OK;
}

int create(void *userData, const char **, int, Fts5Tokenizer **out)
{
    auto *api = static_cast<fts5_api *>(userData);
    auto *t = new (std::nothrow) Tokenizer;
    if (!t)
        return SQLITE_NOMEM;
    void *innerData = nullptr;
    int rc = api->xFindTokenizer(api, "unicode61", &innerData, &t->inner);
    static const char *args[] = {"remove_diacritics", "2"};
    if (rc == SQLITE_OK)
        rc = t->inner.xCreate(innerData, args, 2, &t->innerInstance);
    if (rc != SQLITE_OK) {
        delete t;
        return rc;
    }
    *out = reinterpret_cast<Fts5Tokenizer *>(t);
    return SQLITE_OK;
}

void destroy(Fts5Tokenizer *instance)
{
    auto *t = reinterpret_cast<Tokenizer *>(instance);
    if (t->innerInstance)
        t->inner.xDelete(t->innerInstance);
    delete t;
}

int tokenize(Fts5Tokenizer *instance, void *ctx, int flags, const char *text, int nText,
             int (*emit)(void *, int, const char *, int, int, int))
{
    auto *t = reinterpret_cast<Tokenizer *>(instance);
    Forward fw{ctx, emit};
    return t->inner.xTokenize(t->innerInstance, &fw, flags, text, nText, splitWord);
}

fts5_api *fts5Api(sqlite3 *db)
{
    fts5_api *api = nullptr;
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, nullptr) != SQLITE_OK)
        return nullptr;
    sqlite3_bind_pointer(stmt, 1, static_cast<void *>(&api), "fts5_api_ptr", nullptr);
    sqlite3_step(stmt);
    sqlite3_finalize(stmt);
    return api;
}

} // namespace

bool registerSearchTokenizer(sqlite3 *db)
{
    fts5_api *api = fts5Api(db);
    if (!api || api->iVersion < 2)
        return false;
    fts5_tokenizer methods{create, destroy, tokenize};
    return api->xCreateTokenizer(api, "teehee", api, &methods, nullptr) == SQLITE_OK;
}

} // namespace teehee
