#pragma once

#include "api/apirequest.h"
#include "api/responder.h"

#include <functional>
#include <vector>

namespace teehee {

// Handlers answer through the Responder, at once or later.
using Handler = std::function<void(const ApiRequest &, Responder)>;

// (method, path pattern) → handler. Patterns are literal segments and
// parameters: "/chats/{chat_id:uuid}/messages", "/providers/{name}".
// `{x}` matches one segment; `{x:uuid}` only a UUID (handed over lower-case;
// anything else does not match, hence 404); `{x:path}`, last in a pattern,
// one or more segments (handed over joined by "/"). Every path also matches with a
// trailing slash. A path known under other methods answers 405 with Allow.
class Router {
public:
    void add(const QByteArray &method, const QString &pattern, Handler handler);
    void get(const QString &p, Handler h) { add("GET", p, std::move(h)); }
    void post(const QString &p, Handler h) { add("POST", p, std::move(h)); }
    void put(const QString &p, Handler h) { add("PUT", p, std::move(h)); }
    void patch(const QString &p, Handler h) { add("PATCH", p, std::move(h)); }
    void del(const QString &p, Handler h) { add("DELETE", p, std::move(h)); }

    struct Match {
        const Handler *handler = nullptr;          // null: no route for this method
        QHash<QString, QString> params;
        QByteArrayList allowed;                    // methods of the path when handler is null
    };
    Match match(const QByteArray &method, const QString &path) const;
    // Every (method, pattern) registered, for documentation and tests.
    QList<QPair<QByteArray, QString>> routes() const;

private:
    struct Segment {
        QString literal;    // matched as is, when param is empty
        QString param;      // a parameter's name
        bool uuid = false;  // the parameter must be a UUID
        bool rest = false;  // the parameter takes every remaining segment
    };
    struct Route {
        QByteArray method;
        QString pattern;
        std::vector<Segment> segments;
        Handler handler;
    };
    // Segment by segment, not by regular expression: every request tries every route.
    static bool matches(const Route &route, const QList<QStringView> &parts);
    std::vector<Route> m_routes;
};

} // namespace teehee
