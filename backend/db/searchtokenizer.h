#pragma once

struct sqlite3;

namespace teehee {

// Registers the FTS5 tokenizer "teehee" on a SQLite connection: unicode61
// (case folded, diacritics removed) whose words in scripts written without
// spaces (Chinese, Japanese, Korean) are cut into one token per character, so
// a phrase query of characters finds them anywhere inside a sentence.
// Every connection that writes messages needs it: the search triggers index
// through it. Returns false when FTS5 is missing from the library.
bool registerSearchTokenizer(sqlite3 *db);

} // namespace teehee
