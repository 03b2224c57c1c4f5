#include "db/migrations.h"

// Every schema change, in order: what each version adds, for both databases.

namespace teehee {

// Whether a message row (new or old, in a SQLite trigger) belongs in the
// search index, and the text it is indexed with.
#define TEEHEE_SEARCHABLE(row) \
    row ".status <> 'streaming' AND json_valid(" row ".content) AND coalesce(json_extract(" row ".content, '$.deleted'), 0) = 0"
#define TEEHEE_SEARCH_TEXT(row) "coalesce(json_extract(" row ".content, '$.text'), '')"

// Version 1 is the schema of the original Teehee Chat Backend; later versions
// add what the product needs. Never edit a released step: add a new one.
const QList<Migration> &Migrator::all()
{
    static const QList<Migration> migrations{
        {1, QStringLiteral("original schema: users, provider keys, chats, messages, branches"),
         {
             QStringLiteral("CREATE TABLE users ("
                            " id {uuid} PRIMARY KEY,"
                            " email TEXT NOT NULL UNIQUE,"
                            " sso_id TEXT,"
                            " password_hash TEXT,"
                            " created_at {ts} NOT NULL)"),
             QStringLiteral("CREATE TABLE provider_keys ("
                            " id {uuid} PRIMARY KEY,"
                            " user_id {uuid} NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
                            " provider_name TEXT NOT NULL,"
                            " encrypted_api_key TEXT NOT NULL,"
                            " created_at {ts} NOT NULL)"),
             QStringLiteral("CREATE INDEX ix_provider_keys_user ON provider_keys(user_id)"),
             // root_message_id points into messages without a foreign key: the
             // cycle chats↔messages would make cascading deletes order-dependent.
             QStringLiteral("CREATE TABLE chat_sessions ("
                            " id {uuid} PRIMARY KEY,"
                            " user_id {uuid} NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
                            " root_message_id {uuid},"
                            " name TEXT NOT NULL,"
                            " created_at {ts} NOT NULL)"),
             QStringLiteral("CREATE INDEX ix_chat_sessions_user ON chat_sessions(user_id)"),
             QStringLiteral("CREATE TABLE messages ("
                            " id {uuid} PRIMARY KEY,"
                            " chat_session_id {uuid} NOT NULL REFERENCES chat_sessions(id) ON DELETE CASCADE,"
                            " parent_message_id {uuid} REFERENCES messages(id) ON DELETE CASCADE,"
                            " role TEXT NOT NULL,"
                            " content {json} NOT NULL,"
                            " timestamp {ts} NOT NULL,"
                            " is_partial {bool} NOT NULL DEFAULT {false},"
                            " model TEXT,"
                            " provider TEXT)"),
             QStringLiteral("CREATE INDEX ix_messages_chat ON messages(chat_session_id)"),
             QStringLiteral("CREATE INDEX ix_messages_parent ON messages(parent_message_id)"),
             QStringLiteral("CREATE TABLE branches ("
                            " id {uuid} PRIMARY KEY,"
                            " chat_session_id {uuid} NOT NULL REFERENCES chat_sessions(id) ON DELETE CASCADE,"
                            " base_message_id {uuid},"
                            " created_at {ts} NOT NULL)"),
         },
         {},
         {}},
        {2, QStringLiteral("activity order, system prompt, active leaf, message status and usage, token revocation, key hints"),
         {
             QStringLiteral("ALTER TABLE chat_sessions ADD COLUMN updated_at {ts}"),
             QStringLiteral("UPDATE chat_sessions SET updated_at = created_at"),
             QStringLiteral("ALTER TABLE chat_sessions ADD COLUMN system_prompt TEXT"),
             QStringLiteral("ALTER TABLE chat_sessions ADD COLUMN active_leaf_id {uuid}"),
             QStringLiteral("CREATE INDEX ix_chat_sessions_user_updated ON chat_sessions(user_id, updated_at)"),
             QStringLiteral("ALTER TABLE messages ADD COLUMN status TEXT NOT NULL DEFAULT 'complete'"),
             QStringLiteral("UPDATE messages SET status = 'aborted' WHERE is_partial = {true}"),
             QStringLiteral("ALTER TABLE messages ADD COLUMN seq BIGINT NOT NULL DEFAULT 0"),
             QStringLiteral("ALTER TABLE messages ADD COLUMN finish_reason TEXT"),
             QStringLiteral("ALTER TABLE messages ADD COLUMN tokens_in INTEGER"),
             QStringLiteral("ALTER TABLE messages ADD COLUMN tokens_out INTEGER"),
             QStringLiteral("ALTER TABLE messages ADD COLUMN updated_at {ts}"),
             QStringLiteral("UPDATE messages SET updated_at = timestamp"),
             // Tree walks: children of a parent in creation order, roots of a chat.
             QStringLiteral("CREATE INDEX ix_messages_parent_seq ON messages(parent_message_id, seq)"),
             QStringLiteral("CREATE INDEX ix_messages_chat_seq ON messages(chat_session_id, seq)"),
             QStringLiteral("CREATE INDEX ix_messages_status ON messages(status)"),
             QStringLiteral("ALTER TABLE provider_keys ADD COLUMN hint TEXT"),
             QStringLiteral("ALTER TABLE provider_keys ADD COLUMN base_url TEXT"),
             QStringLiteral("ALTER TABLE provider_keys ADD COLUMN label TEXT"),
             QStringLiteral("ALTER TABLE branches ADD COLUMN source_chat_id {uuid}"),
             QStringLiteral("CREATE TABLE revoked_tokens ("
                            " jti TEXT PRIMARY KEY,"
                            " expires_at {ts} NOT NULL)"),
             QStringLiteral("CREATE INDEX ix_revoked_tokens_expiry ON revoked_tokens(expires_at)"),
             QStringLiteral("CREATE INDEX ix_users_sso ON users(sso_id)"),
         },
         // Existing rows get an order from their timestamps (microseconds).
         {QStringLiteral("UPDATE messages SET seq = CAST((julianday(timestamp) - 2440587.5) * 86400000000 AS INTEGER)")},
         {QStringLiteral("UPDATE messages SET seq = CAST(EXTRACT(EPOCH FROM timestamp) * 1000000 AS BIGINT)")}},
        {3, QStringLiteral("chat list in index order"),
         {
             // The whole ORDER BY of a user's chat list, so listing walks the
             // index instead of sorting (the most frequent query of all).
             QStringLiteral("CREATE INDEX ix_chat_sessions_user_order ON chat_sessions(user_id, updated_at DESC, created_at DESC, id)"),
             QStringLiteral("DROP INDEX ix_chat_sessions_user_updated"),
         },
         {},
         {}},
        {4, QStringLiteral("stream owners: which server streams a reply, and which servers are alive"),
         {
             // Several servers may share one PostgreSQL database: a server
             // starting up, or sweeping, must end only the replies of servers
             // that are gone, never those another one is streaming.
             QStringLiteral("ALTER TABLE messages ADD COLUMN stream_owner TEXT"),
             QStringLiteral("CREATE TABLE stream_servers ("
                            " id TEXT PRIMARY KEY,"
                            " started_at {ts} NOT NULL,"
                            " heartbeat_at {ts} NOT NULL)"),
         },
         {},
         {}},
        {5, QStringLiteral("chat settings shared by every device: provider, model and model options"),
         {
             QStringLiteral("ALTER TABLE chat_sessions ADD COLUMN provider TEXT"),
             QStringLiteral("ALTER TABLE chat_sessions ADD COLUMN model TEXT"),
             QStringLiteral("ALTER TABLE chat_sessions ADD COLUMN options {json} NOT NULL DEFAULT '{}'"),
         },
         {},
         {}},
        {6, QStringLiteral("devices of an account, pairing invitations and requests"),
         {
             QStringLiteral("CREATE TABLE devices ("
                            " id {uuid} PRIMARY KEY,"
                            " user_id {uuid} NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
                            " name TEXT NOT NULL,"
                            " created_at {ts} NOT NULL,"
                            " last_seen_at {ts} NOT NULL,"
                            " revoked_at {ts})"),
             QStringLiteral("CREATE INDEX ix_devices_user ON devices(user_id, last_seen_at)"),
             // Servers sharing a database hear of each other's revocations by it.
             QStringLiteral("CREATE INDEX ix_devices_revoked ON devices(revoked_at)"),
             // Only the SHA-256 of a code is kept: a copy of the database pairs nothing.
             QStringLiteral("CREATE TABLE pair_invitations ("
                            " code_hash TEXT PRIMARY KEY,"
                            " user_id {uuid} NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
                            " created_at {ts} NOT NULL,"
                            " expires_at {ts} NOT NULL,"
                            " used_at {ts})"),
             QStringLiteral("CREATE INDEX ix_pair_invitations_expiry ON pair_invitations(expires_at)"),
             QStringLiteral("CREATE TABLE pair_requests ("
                            " id {uuid} PRIMARY KEY,"
                            " user_id {uuid} NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
                            " device_name TEXT NOT NULL,"
                            " verification TEXT NOT NULL,"
                            " status TEXT NOT NULL DEFAULT 'pending',"
                            " created_at {ts} NOT NULL,"
                            " expires_at {ts} NOT NULL,"
                            " device_id {uuid},"
                            " delivered_at {ts})"),
             QStringLiteral("CREATE INDEX ix_pair_requests_user ON pair_requests(user_id, status, created_at)"),
             QStringLiteral("CREATE INDEX ix_pair_requests_expiry ON pair_requests(expires_at)"),
         },
         {},
         {}},
        {7, QStringLiteral("the owner's provider keys that other accounts may use; accounts the owner made for other people"),
         {
             // A row per provider the owner shares; none means not shared (the
             // default). Kept apart from provider_keys so that replacing a key
             // keeps the choice.
             QStringLiteral("CREATE TABLE shared_provider_keys ("
                            " owner_id {uuid} NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
                            " provider_name TEXT NOT NULL,"
                            " created_at {ts} NOT NULL,"
                            " PRIMARY KEY (owner_id, provider_name))"),
             // The accounts a desktop's owner made for other people: a name to
             // show, and whose they are (removing the owner removes them too).
             QStringLiteral("CREATE TABLE owned_accounts ("
                            " user_id {uuid} PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,"
                            " owner_id {uuid} NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
                            " name TEXT NOT NULL,"
                            " created_at {ts} NOT NULL)"),
             QStringLiteral("CREATE INDEX ix_owned_accounts_owner ON owned_accounts(owner_id, created_at)"),
         },
         {},
         {}},
        {8, QStringLiteral("full-text search over message texts and chat names"),
         {},
         // SQLite: contentless FTS5 indexes through the "teehee" tokenizer
         // (db/searchtokenizer.h), kept by triggers. Each index row is keyed
         // by a row of *_search_rows, whose INTEGER PRIMARY KEY survives
         // VACUUM (the rowid of messages would not) and grows as messages are
         // added, so the index reads newest first and stops after a page.
         // The owner's and the chat's ids (hex, one token each) are indexed
         // beside the text: the index itself keeps a search to one account
         // or one chat. A contentless index forgets a row only when told what
         // it indexed: the text comes again from the old row, the ids from
         // *_search_rows. Streaming replies are indexed once they end (not at
         // every save); deleted messages never.
         {
             QStringLiteral("CREATE TABLE message_search_rows (rowid INTEGER PRIMARY KEY,"
                            " message_id TEXT NOT NULL UNIQUE, owner TEXT NOT NULL, chat TEXT NOT NULL)"),
             QStringLiteral("CREATE VIRTUAL TABLE message_search USING fts5(body, owner, chat,"
                            " content='', tokenize='teehee', prefix='2 3')"),
             QStringLiteral("CREATE TABLE chat_search_rows (rowid INTEGER PRIMARY KEY, chat_id TEXT NOT NULL UNIQUE, owner TEXT NOT NULL)"),
             QStringLiteral("CREATE VIRTUAL TABLE chat_search USING fts5(name, owner, content='', tokenize='teehee', prefix='2 3')"),
             QStringLiteral("CREATE TRIGGER messages_search_insert AFTER INSERT ON messages"
                            " WHEN " TEEHEE_SEARCHABLE("new") " BEGIN"
                            " INSERT INTO message_search_rows (message_id, owner, chat)"
                            "  SELECT new.id, replace(user_id, '-', ''), replace(id, '-', '') FROM chat_sessions WHERE id = new.chat_session_id;"
                            " INSERT INTO message_search (rowid, body, owner, chat)"
                            "  SELECT rowid, " TEEHEE_SEARCH_TEXT("new") ", owner, chat FROM message_search_rows WHERE message_id = new.id;"
                            " END"),
             QStringLiteral("CREATE TRIGGER messages_search_delete AFTER DELETE ON messages BEGIN"
                            " INSERT INTO message_search (message_search, rowid, body, owner, chat)"
                            "  SELECT 'delete', rowid, " TEEHEE_SEARCH_TEXT("old") ", owner, chat FROM message_search_rows WHERE message_id = old.id;"
                            " DELETE FROM message_search_rows WHERE message_id = old.id;"
                            " END"),
             // An edited message keeps its place (its row); one that is
             // deleted leaves the index, a reply that ended joins it.
             QStringLiteral("CREATE TRIGGER messages_search_update AFTER UPDATE OF content, status ON messages BEGIN"
                            " INSERT INTO message_search (message_search, rowid, body, owner, chat)"
                            "  SELECT 'delete', rowid, " TEEHEE_SEARCH_TEXT("old") ", owner, chat FROM message_search_rows WHERE message_id = old.id;"
                            " DELETE FROM message_search_rows WHERE message_id = old.id AND NOT (" TEEHEE_SEARCHABLE("new") ");"
                            " INSERT OR IGNORE INTO message_search_rows (message_id, owner, chat)"
                            "  SELECT new.id, replace(user_id, '-', ''), replace(id, '-', '') FROM chat_sessions"
                            "  WHERE id = new.chat_session_id AND " TEEHEE_SEARCHABLE("new") ";"
                            " INSERT INTO message_search (rowid, body, owner, chat)"
                            "  SELECT rowid, " TEEHEE_SEARCH_TEXT("new") ", owner, chat FROM message_search_rows WHERE message_id = new.id;"
                            " END"),
             QStringLiteral("CREATE TRIGGER chats_search_insert AFTER INSERT ON chat_sessions BEGIN"
                            " INSERT INTO chat_search_rows (chat_id, owner) VALUES (new.id, replace(new.user_id, '-', ''));"
                            " INSERT INTO chat_search (rowid, name, owner) SELECT rowid, new.name, owner FROM chat_search_rows WHERE chat_id = new.id;"
                            " END"),
             QStringLiteral("CREATE TRIGGER chats_search_delete AFTER DELETE ON chat_sessions BEGIN"
                            " INSERT INTO chat_search (chat_search, rowid, name, owner)"
                            "  SELECT 'delete', rowid, old.name, owner FROM chat_search_rows WHERE chat_id = old.id;"
                            " DELETE FROM chat_search_rows WHERE chat_id = old.id;"
                            " END"),
             QStringLiteral("CREATE TRIGGER chats_search_update AFTER UPDATE OF name ON chat_sessions"
                            " WHEN old.name IS NOT new.name BEGIN"
                            " INSERT INTO chat_search (chat_search, rowid, name, owner)"
                            "  SELECT 'delete', rowid, old.name, owner FROM chat_search_rows WHERE chat_id = old.id;"
                            " INSERT INTO chat_search (rowid, name, owner)"
                            "  SELECT rowid, new.name, owner FROM chat_search_rows WHERE chat_id = new.id;"
                            " END"),
             // Existing rows, oldest first so that their order is kept.
             QStringLiteral("INSERT INTO message_search_rows (message_id, owner, chat)"
                            " SELECT new.id, replace(c.user_id, '-', ''), replace(c.id, '-', '')"
                            " FROM messages AS new JOIN chat_sessions c ON c.id = new.chat_session_id"
                            " WHERE " TEEHEE_SEARCHABLE("new") " ORDER BY new.seq"),
             QStringLiteral("INSERT INTO message_search (rowid, body, owner, chat) SELECT r.rowid, " TEEHEE_SEARCH_TEXT("new") ", r.owner, r.chat"
                            " FROM message_search_rows r JOIN messages AS new ON new.id = r.message_id"),
             QStringLiteral("INSERT INTO chat_search_rows (chat_id, owner) SELECT id, replace(user_id, '-', '') FROM chat_sessions ORDER BY created_at"),
             QStringLiteral("INSERT INTO chat_search (rowid, name, owner)"
                            " SELECT r.rowid, c.name, r.owner FROM chat_search_rows r JOIN chat_sessions c ON c.id = r.chat_id"),
         },
         // PostgreSQL: stored tsvector columns with GIN indexes (built for the
         // existing rows by ADD COLUMN, kept by PostgreSQL itself). The text is
         // normalised first: lower case, Latin accents removed, and every CJK
         // character made a word of its own, so that a phrase of characters
         // finds them inside a sentence written without spaces.
         {
             QStringLiteral("CREATE FUNCTION teehee_search_text(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $f$"
                            " SELECT regexp_replace(translate(lower(coalesce(t, '')),"
                            " 'àáâãäåçèéêëìíîïñòóôõöùúûüýÿāăąćĉċčďēĕėęěĝğġģĥĩīĭįİĵķĺļľńņňōŏőŕŗřśŝşšţťũūŭůűųŵŷźżžơưǎǐǒǔǖǘǚǜǟǡǧǩǫǭǰǵǹǻȁȃȅȇȉȋȍȏȑȓȕȗșțȟȧȩȫȭȯȱȳḁḃḅḇḉḋḍḏḑḓḕḗḙḛḝḟḡḣḥḧḩḫḭḯḱḳḵḷḹḻḽḿṁṃṅṇṉṋṍṏṑṓṕṗṙṛṝṟṡṣṥṧṩṫṭṯṱṳṵṷṹṻṽṿẁẃẅẇẉẋẍẏẑẓẕẖẗẘẙạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹøđħłŧı',"
                            " 'aaaaaaceeeeiiiinooooouuuuyyaaaccccdeeeeegggghiiiiijklllnnnooorrrssssttuuuuuuwyzzzouaiouuuuuaagkoojgnaaaeeiioorruusthaeooooyabbbcdddddeeeeefghhhhhiikkkllllmmmnnnnoooopprrrrsssssttttuuuuuvvwwwwwxxyzzzhtwyaaaaaaaaaaaaeeeeeeeeiioooooooooooouuuuuuuyyyyodhlti'),"
                            " '([\\u3040-\\u30ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\uac00-\\ud7af\\uf900-\\ufaff\\uff66-\\uff9f\\U00020000-\\U0003ffff])',"
                            " ' \\1 ', 'g') $f$"),
             // Every word must match (each a phrase of its tokens); the last
             // one also as a prefix. With phrase = true: the words together,
             // in order, as one phrase (ranks a hit higher).
             QStringLiteral("CREATE FUNCTION teehee_search_query(q text, phrase boolean) RETURNS tsquery LANGUAGE plpgsql IMMUTABLE AS $f$"
                            " DECLARE words text[] := string_to_array(q, ' '); result tsquery; part tsquery;"
                            " n int := coalesce(array_length(words, 1), 0);"
                            " BEGIN"
                            "  IF phrase THEN words := ARRAY[q]; n := 1; END IF;"
                            "  FOR i IN 1..n LOOP"
                            "   part := phraseto_tsquery('simple', teehee_search_text(words[i]));"
                            "   CONTINUE WHEN numnode(part) = 0;"
                            "   IF i = n THEN part := (part::text || ':*')::tsquery; END IF;"
                            "   result := CASE WHEN result IS NULL THEN part ELSE result && part END;"
                            "  END LOOP;"
                            "  RETURN coalesce(result, ''::tsquery);"
                            " END $f$"),
             QStringLiteral("ALTER TABLE messages ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ("
                            " CASE WHEN status <> 'streaming' AND coalesce(content->>'deleted', 'false') <> 'true'"
                            " THEN to_tsvector('simple'::regconfig, teehee_search_text(content->>'text')) END) STORED"),
             QStringLiteral("CREATE INDEX ix_messages_search ON messages USING GIN (search_vector)"),
             // Hits newest first: a frequent word walks this and stops after a page.
             QStringLiteral("CREATE INDEX ix_messages_seq ON messages(seq)"),
             QStringLiteral("ALTER TABLE chat_sessions ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ("
                            " to_tsvector('simple'::regconfig, teehee_search_text(name))) STORED"),
             QStringLiteral("CREATE INDEX ix_chat_sessions_search ON chat_sessions USING GIN (search_vector)"),
         }},
        {9, QStringLiteral("imported chats: which source conversation each came from, so a re-import skips it"),
         {
             QStringLiteral("CREATE TABLE chat_imports ("
                            " user_id {uuid} NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
                            " import_key TEXT NOT NULL,"
                            " chat_id {uuid} NOT NULL REFERENCES chat_sessions(id) ON DELETE CASCADE,"
                            " created_at {ts} NOT NULL,"
                            " PRIMARY KEY (user_id, import_key))"),
             QStringLiteral("CREATE INDEX ix_chat_imports_chat ON chat_imports(chat_id)"),
         },
         {},
         {}},
        // Files kept in the database itself, so every server of a group serves them.
        {10, QStringLiteral("attachments: files a user uploads for their messages"),
         {},
         // The bytes' type differs (BLOB / BYTEA), so each database creates its own table.
         {QStringLiteral("CREATE TABLE attachments ("
                         " id TEXT PRIMARY KEY,"
                         " user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
                         " name TEXT NOT NULL,"
                         " mime_type TEXT NOT NULL,"
                         " size BIGINT NOT NULL,"
                         " sha256 TEXT NOT NULL,"
                         " bytes BLOB NOT NULL,"
                         " created_at TEXT NOT NULL)"),
          QStringLiteral("CREATE INDEX ix_attachments_user ON attachments(user_id, created_at)")},
         {QStringLiteral("CREATE TABLE attachments ("
                         " id UUID PRIMARY KEY,"
                         " user_id UUID NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
                         " name TEXT NOT NULL,"
                         " mime_type TEXT NOT NULL,"
                         " size BIGINT NOT NULL,"
                         " sha256 TEXT NOT NULL,"
                         " bytes BYTEA NOT NULL,"
                         " created_at TIMESTAMPTZ NOT NULL)"),
          QStringLiteral("CREATE INDEX ix_attachments_user ON attachments(user_id, created_at)")}},
        {11, QStringLiteral("what each reply cost, for usage totals"),
         {
             // content.usage.cost_usd, copied where totals can be summed.
             QStringLiteral("ALTER TABLE messages ADD COLUMN cost_usd DOUBLE PRECISION"),
         },
         {
             QStringLiteral("UPDATE messages SET cost_usd = json_extract(content, '$.usage.cost_usd')"
                            " WHERE json_valid(content) AND json_extract(content, '$.usage.cost_usd') IS NOT NULL"),
         },
         {
             QStringLiteral("UPDATE messages SET cost_usd = (content->'usage'->>'cost_usd')::double precision"
                            " WHERE content->'usage' ? 'cost_usd'"),
         }},
        // MCP servers a user configured, and the tools they always allow.
        {12, QStringLiteral("tool servers (MCP) and standing approvals of their tools"),
         {
             // `config` holds command, args and url; `secrets` the environment and
             // headers, sealed like provider keys (they often carry tokens).
             QStringLiteral("CREATE TABLE tool_servers ("
                            " id {uuid} PRIMARY KEY,"
                            " user_id {uuid} NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
                            " name TEXT NOT NULL,"
                            " transport TEXT NOT NULL CHECK (transport IN ('stdio', 'http')),"
                            " config {json} NOT NULL,"
                            " secrets TEXT,"
                            " enabled {bool} NOT NULL DEFAULT {true},"
                            " created_at {ts} NOT NULL,"
                            " updated_at {ts} NOT NULL,"
                            " UNIQUE (user_id, name))"),
             QStringLiteral("CREATE TABLE tool_approvals ("
                            " user_id {uuid} NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
                            " server_id {uuid} NOT NULL REFERENCES tool_servers(id) ON DELETE CASCADE,"
                            " tool TEXT NOT NULL,"
                            " created_at {ts} NOT NULL,"
                            " PRIMARY KEY (user_id, server_id, tool))"),
             QStringLiteral("CREATE INDEX ix_tool_approvals_server ON tool_approvals(server_id)"),
         },
         {},
         {}},
        // Servers sharing a database each kept "one reply at a time per chat"
        // in memory; the index makes it the database's rule. Older duplicates
        // (none should exist) end as aborted replies that can be continued.
        {13, QStringLiteral("one streaming reply per chat, across every server sharing the database"),
         {
             QStringLiteral("UPDATE messages SET status = 'aborted', is_partial = {true}, stream_owner = NULL"
                            " WHERE status = 'streaming' AND EXISTS (SELECT 1 FROM messages newer"
                            " WHERE newer.chat_session_id = messages.chat_session_id AND newer.status = 'streaming'"
                            " AND (newer.seq > messages.seq OR (newer.seq = messages.seq AND newer.id > messages.id)))"),
             QStringLiteral("CREATE UNIQUE INDEX ux_messages_one_stream_per_chat ON messages(chat_session_id)"
                            " WHERE status = 'streaming'"),
         },
         {},
         {}},
        // Sign-in and pairing attempts, counted together by every server of a
        // PostgreSQL database (AttemptRepository). SQLite has one server, which
        // counts in memory: the step only keeps both schema versions equal.
        {14, QStringLiteral("sign-in and pairing attempts shared by the servers of one PostgreSQL database"),
         {},
         {},
         {
             QStringLiteral("CREATE TABLE auth_attempts ("
                            " id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
                            " kind TEXT NOT NULL,"
                            " key_hash TEXT NOT NULL,"
                            " at_ms BIGINT NOT NULL)"),
             QStringLiteral("CREATE INDEX ix_auth_attempts_key ON auth_attempts(kind, key_hash, at_ms)"),
             QStringLiteral("CREATE INDEX ix_auth_attempts_at ON auth_attempts(kind, at_ms)"),
         }},
    };
    return migrations;
}

} // namespace teehee
