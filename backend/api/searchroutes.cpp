// Search of spec/api.md: GET /search over the user's chat names and messages.
// The route only reads the query string and writes JSON; ChatSearch decides.
#include "api/apicontext.h"
#include "api/routes.h"
#include "backend.h"
#include "chat/chatsearch.h"
#include "db/sqlquery.h"

#include <QJsonArray>

namespace teehee {
namespace {

QJsonValue nullable(const QString &s)
{
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}

QJsonObject resultJson(const SearchResult &r)
{
    return {{QStringLiteral("chat_id"), r.chatId},
            {QStringLiteral("chat_name"), r.chatName},
            {QStringLiteral("message_id"), nullable(r.messageId)},
            {QStringLiteral("role"), nullable(r.role)},
            {QStringLiteral("snippet"), r.snippet},
            {QStringLiteral("timestamp"), sqlvalue::isoTime(r.timestamp)}};
}

// limit: absent → 20; anything but an integer → 422 naming it.
Result<SearchRequest> requestFrom(const QUrlQuery &query)
{
    SearchRequest request;
    request.query = query.queryItemValue(QStringLiteral("q"), QUrl::FullyDecoded);
    request.cursor = query.queryItemValue(QStringLiteral("cursor"), QUrl::FullyDecoded);
    if (query.hasQueryItem(QStringLiteral("limit"))) {
        bool ok = false;
        request.limit = query.queryItemValue(QStringLiteral("limit")).toInt(&ok);
        if (!ok)
            return Error::invalid(QStringLiteral("limit: must be an integer"));
    }
    const QString chatId = query.queryItemValue(QStringLiteral("chat_id"), QUrl::FullyDecoded);
    if (!chatId.isEmpty() && !isUuid(chatId))
        return Error::invalid(QStringLiteral("chat_id: must be a UUID"));
    request.chatId = chatId.toLower();
    return request;
}

} // namespace

void registerSearchRoutes(ApiContext &ctx)
{
    Router &r = ctx.router();
    Backend &backend = ctx.backend();

    r.get(QStringLiteral("/search"), ctx.authed([&backend](const ApiRequest &req, const AuthUser &user, Responder res) {
        auto request = requestFrom(req.query);
        if (!request)
            return res.send(request.error());
        auto page = ChatSearch(backend.database()).search(user.id, request.value());
        if (!page)
            return res.send(page.error());
        QJsonArray results;
        for (const SearchResult &hit : page->results)
            results.append(resultJson(hit));
        res.send(jsonResponse(QJsonObject{{QStringLiteral("results"), results},
                                          {QStringLiteral("next_cursor"), nullable(page->nextCursor)}}));
    }));
}

} // namespace teehee
