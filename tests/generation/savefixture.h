#pragma once

// Replies as GenerationSaver and SaveBatcher meet them: assistant rows in a
// real database, savers that have begun, and a database that can be told to
// refuse a word.
#include "db/chatrepository.h"
#include "db/messagerepository.h"
#include "db/migrations.h"
#include "db/userrepository.h"
#include "generation/generationsaver.h"
#include "generation/savebatcher.h"
#include "support/testenv.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <memory>
#include <vector>

namespace teehee::testing {

struct SaveFixture {
    std::unique_ptr<TestDatabase> tdb;
    std::unique_ptr<Database> db;

    // A fresh, migrated database; an error message on failure.
    QString open()
    {
        tdb = std::make_unique<TestDatabase>();
        if (!tdb->isValid())
            return tdb->error();
        db = std::make_unique<Database>(tdb->url());
        if (auto st = db->open(); !st)
            return st.error().message;
        if (auto st = Migrator(*db).migrate(); !st)
            return st.error().message;
        return {};
    }
    void close()
    {
        db.reset();
        tdb.reset();
    }

    // Replies whose stored text is `text`.
    int savedWith(const QStringList &ids, const QString &text) const
    {
        int n = 0;
        for (const QString &id : ids)
            n += MessageRepository(*db).get(id)->text() == text;
        return n;
    }

    // An assistant row in a new chat, as a generation finds it.
    MessageRecord newReply(const QString &email, MessageRecord m = {}) const
    {
        const QString user = UserRepository(*db).create(UserRecord{{}, email, {}, {}, {}})->id;
        const QString chat = ChatRepository(*db).create(ChatRecord{{}, user, QStringLiteral("c"), {}, {}, {}, {}, {}})->id;
        m.chatId = chat;
        m.role = QStringLiteral("assistant");
        return MessageRepository(*db).insert(m).value();
    }

    // `count` assistant rows, each in a chat of its own (one reply streams per
    // chat), created in order, each with a saver that has begun.
    struct Replies {
        std::vector<std::unique_ptr<GenerationSaver>> savers;
        QStringList ids;
        bool begun = true; // every saver's first write went through
    };
    Replies startReplies(SaveBatcher &batcher, const QString &email, int count) const
    {
        Replies out;
        const QString user = UserRepository(*db).create(UserRecord{{}, email, {}, {}, {}})->id;
        for (int i = 0; i < count; ++i) {
            MessageRecord m;
            m.role = QStringLiteral("assistant");
            m.chatId = ChatRepository(*db).create(ChatRecord{{}, user, QStringLiteral("c%1").arg(i), {}, {}, {}, {}, {}})->id;
            const MessageRecord row = MessageRepository(*db).insert(m).value();
            out.ids << row.id;
            out.savers.push_back(std::make_unique<GenerationSaver>(*db, row, batcher));
            out.begun = out.savers.back()->begin() && out.begun;
        }
        return out;
    }

    // From now on the database refuses any content that holds `word`; an
    // error message on failure.
    QString refuseContentWith(const QString &word) const
    {
        QSqlQuery q(db->connection().value());
        if (db->dialect() == Dialect::Sqlite) {
            if (!q.exec(QStringLiteral("CREATE TRIGGER refuse_word BEFORE UPDATE OF content ON messages"
                                       " WHEN instr(NEW.content, '%1') > 0 BEGIN SELECT RAISE(ABORT, '%1 refused'); END").arg(word)))
                return q.lastError().text();
            return {};
        }
        if (!q.exec(QStringLiteral("CREATE FUNCTION refuse_word() RETURNS trigger AS $$ BEGIN"
                                   " IF position('%1' in NEW.content::text) > 0 THEN RAISE EXCEPTION '%1 refused'; END IF;"
                                   " RETURN NEW; END $$ LANGUAGE plpgsql").arg(word))
            || !q.exec(QStringLiteral("CREATE TRIGGER refuse_word BEFORE UPDATE ON messages FOR EACH ROW EXECUTE FUNCTION refuse_word()")))
            return q.lastError().text();
        return {};
    }
    bool acceptEveryContent() const
    {
        QSqlQuery q(db->connection().value());
        return q.exec(QStringLiteral("DROP TRIGGER refuse_word")
                      + (db->dialect() == Dialect::Sqlite ? QString() : QStringLiteral(" ON messages")));
    }
};

} // namespace teehee::testing
