#include "chat/chatsearch.h"

#include "chat/searchtext.h"
#include "db/chatrepository.h"
#include "db/searchrepository.h"
#include "db/sqlquery.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace teehee {

namespace {

// A cursor is the position of the last hit of a page, as base64url JSON.
// Clients treat it as opaque; anything that does not decode is refused.
QString encodeCursor(const SearchHit &last)
{
    const QJsonObject o{{QStringLiteral("r"), last.rank},
                        {QStringLiteral("t"), sqlvalue::isoTime(last.timestamp)},
                        {QStringLiteral("k"), last.key()},
                        {QStringLiteral("n"), QString::number(last.row)}};
    return QString::fromLatin1(QJsonDocument(o).toJson(QJsonDocument::Compact)
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

Result<SearchPosition> decodeCursor(const QString &cursor)
{
    const Error bad = Error::invalid(QStringLiteral("cursor: not a cursor of this search"));
    if (cursor.size() > 512)
        return bad;
    auto decoded = QByteArray::fromBase64Encoding(cursor.toLatin1(),
                                                  QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return bad;
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(*decoded, &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        return bad;
    const QJsonObject o = doc.object();
    SearchPosition pos;
    const QJsonValue rank = o.value(QStringLiteral("r"));
    pos.rank = rank.toInt(-1);
    pos.timestamp = sqlvalue::parseUtc(o.value(QStringLiteral("t")).toString().toUtf8());
    pos.key = o.value(QStringLiteral("k")).toString();
    bool rowOk = false;
    pos.row = o.value(QStringLiteral("n")).toString().toLongLong(&rowOk);
    if (!rank.isDouble() || pos.rank < 0 || pos.rank > 2 || !pos.timestamp.isValid() || !isUuid(pos.key) || !rowOk
        || pos.row < 0)
        return bad;
    pos.key = pos.key.toLower();
    return pos;
}

} // namespace

Result<SearchPage> ChatSearch::search(const QString &userId, const SearchRequest &request) const
{
    if (request.query.trimmed().isEmpty())
        return Error::invalid(QStringLiteral("q: must not be empty"));
    if (request.query.size() > kMaxQueryChars)
        return Error::invalid(QStringLiteral("q: at most %1 characters").arg(kMaxQueryChars));
    const QStringList words = searchtext::words(request.query);
    if (words.isEmpty())
        return Error::invalid(QStringLiteral("q: must hold a letter or a digit"));
    if (request.limit < 1 || request.limit > kMaxLimit)
        return Error::invalid(QStringLiteral("limit: must be between 1 and %1").arg(kMaxLimit));
    std::optional<SearchPosition> after;
    if (!request.cursor.isEmpty()) {
        auto pos = decodeCursor(request.cursor);
        if (!pos)
            return pos.error();
        after = pos.value();
    }
    if (!request.chatId.isEmpty()) {
        if (auto chat = ChatRepository(m_db).get(userId, request.chatId); !chat)
            return chat.error();
    }
    // One more than asked tells whether another page follows.
    auto hits = SearchRepository(m_db).search(userId, words, request.chatId, after, request.limit + 1);
    if (!hits)
        return hits.error();
    SearchPage page;
    const bool more = hits->size() > request.limit;
    if (more)
        hits->resize(request.limit);
    for (const SearchHit &hit : hits.value()) {
        page.results.append({hit.chatId, hit.chatName, hit.messageId, hit.role,
                             searchtext::snippet(hit.messageId.isEmpty() ? hit.chatName : hit.text, words),
                             hit.timestamp});
    }
    if (more)
        page.nextCursor = encodeCursor(hits->constLast());
    return page;
}

} // namespace teehee
