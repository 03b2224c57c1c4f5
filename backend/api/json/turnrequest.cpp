#include "api/json/turnrequest.h"

#include "db/sqlquery.h"
#include "generation/generationmanager.h"

#include <QUrlQuery>

namespace teehee {
namespace {

using Reason = TurnRequestError::Reason;

DecodedTurn refuse(Reason reason, const QString &field, QString message)
{
    return {std::nullopt, TurnRequestError{reason, field, std::move(message)}};
}

// An optional string: empty when absent or null.
std::optional<QString> optionalString(const QJsonObject &body, const QString &field)
{
    const QJsonValue v = body.value(field);
    if (v.isUndefined() || v.isNull())
        return QString();
    if (!v.isString())
        return std::nullopt;
    return v.toString();
}

// parent_message_id: absent → the active branch, null → a new root, else a message id.
std::optional<MessageParent> parentOf(const QJsonObject &body)
{
    const QJsonValue v = body.value(QStringLiteral("parent_message_id"));
    if (v.isUndefined())
        return MessageParent::activeLeaf();
    if (v.isNull())
        return MessageParent::newRoot();
    if (!v.isString() || !isUuid(v.toString()))
        return std::nullopt;
    return MessageParent::message(v.toString().toLower());
}

} // namespace

GenerationOptions TurnRequest::generationOptions() const
{
    GenerationOptions out;
    out.provider = provider;
    out.model = model;
    out.keyId = keyId;
    out.options = options;
    out.tools = tools;
    return out;
}

// "attachments": ["<id>", …] beside the content, or inside a content object
// (where a saved message keeps them, as objects with an id).
static Result<QStringList> attachmentIdsOf(const QJsonObject &body)
{
    QJsonValue v = body.value(QStringLiteral("attachments"));
    if (v.isUndefined() || v.isNull())
        v = body.value(QStringLiteral("content")).toObject().value(QStringLiteral("attachments"));
    if (v.isUndefined() || v.isNull())
        return QStringList{};
    if (!v.isArray())
        return Error::invalid(QStringLiteral("attachments: must be a list of attachment ids"));
    QStringList ids;
    for (const QJsonValue &item : v.toArray()) {
        const QString id = item.isObject() ? item.toObject().value(QStringLiteral("id")).toString() : item.toString();
        if (!isUuid(id))
            return Error::invalid(QStringLiteral("attachments: every item must be an attachment id (a UUID)"));
        ids << id.toLower();
    }
    return ids;
}

Result<QString> decodeContent(const QJsonValue &content)
{
    if (content.isString())
        return content.toString();
    if (content.isObject()) {
        const QJsonValue text = content.toObject().value(QStringLiteral("text"));
        if (text.isString())
            return text.toString();
        return Error::invalid(QStringLiteral("content.text must be a string"));
    }
    if (content.isUndefined())
        return Error::invalid(QStringLiteral("content is required"));
    return Error::invalid(QStringLiteral("content must be a string or an object with a string \"text\""));
}

DecodedTurn decodeTurn(TurnKind kind, const QJsonObject &body, const QString &messageId)
{
    TurnRequest t;
    t.kind = kind;

    if (kind == TurnKind::AddMessage) {
        const QJsonValue role = body.value(QStringLiteral("role"));
        if (role.isUndefined() || role.isNull())
            return refuse(Reason::Missing, QStringLiteral("role"), QStringLiteral("role: field required"));
        if (!role.isString())
            return refuse(Reason::WrongType, QStringLiteral("role"), QStringLiteral("role: must be a string"));
        t.role = role.toString();
    }

    if (kind == TurnKind::AddMessage || kind == TurnKind::Send) {
        const QJsonValue content = body.value(QStringLiteral("content"));
        auto text = decodeContent(content);
        if (!text)
            return refuse(content.isUndefined() ? Reason::Missing : Reason::WrongType, QStringLiteral("content"),
                          text.error().message);
        auto attachments = attachmentIdsOf(body);
        if (!attachments)
            return refuse(Reason::WrongType, QStringLiteral("attachments"), attachments.error().message);
        t.attachments = attachments.value();
        // A stored message may be empty (an assistant reply still to come); a question may not,
        // unless it carries files.
        if (kind == TurnKind::Send && text->trimmed().isEmpty() && t.attachments.isEmpty())
            return refuse(Reason::Empty, QStringLiteral("content"), QStringLiteral("content: must not be empty"));
        t.text = text.value();
        const auto parent = parentOf(body);
        if (!parent)
            return refuse(Reason::NotUuid, QStringLiteral("parent_message_id"),
                          QStringLiteral("parent_message_id: must be a UUID or null"));
        t.parent = *parent;
    } else {
        QString id = messageId;
        if (id.isEmpty()) {
            const QJsonValue v = body.value(QStringLiteral("message_id"));
            if (v.isUndefined() || v.isNull())
                return refuse(Reason::Missing, QStringLiteral("message_id"), QStringLiteral("message_id: field required"));
            id = v.toString();
        }
        if (!isUuid(id))
            return refuse(Reason::NotUuid, QStringLiteral("message_id"), QStringLiteral("message_id: must be a UUID"));
        t.messageId = id.toLower();
    }

    for (auto [field, target] : {std::pair{"provider", &t.provider}, std::pair{"model", &t.model},
                                 std::pair{"key_id", &t.keyId}}) {
        const QString name = QLatin1String(field);
        const auto value = optionalString(body, name);
        if (!value)
            return refuse(Reason::WrongType, name, QStringLiteral("%1: must be a string").arg(name));
        *target = *value;
    }

    // A stored message records nothing about model options.
    if (kind != TurnKind::AddMessage) {
        const auto options = ChatOptions::fromJson(body.value(QStringLiteral("options")));
        if (!options)
            return refuse(Reason::BadOption, options.error.field, options.error.message);
        t.options = options.value();
        // "tools": true (every enabled tool), false, or ["server/tool", …].
        const QJsonValue tools = body.value(QStringLiteral("tools"));
        if (tools.isBool()) {
            if (tools.toBool())
                t.tools = QStringList{};
        } else if (tools.isArray()) {
            QStringList names;
            for (const QJsonValue &name : tools.toArray()) {
                if (!name.isString() || !name.toString().contains(u'/') || name.toString().size() > 200)
                    return refuse(Reason::WrongType, QStringLiteral("tools"),
                                  QStringLiteral("tools: must be true, false or a list of \"server/tool\" names"));
                names << name.toString();
            }
            t.tools = names;
        } else if (!tools.isUndefined() && !tools.isNull()) {
            return refuse(Reason::WrongType, QStringLiteral("tools"),
                          QStringLiteral("tools: must be true, false or a list of \"server/tool\" names"));
        }
    }
    return {t, {}};
}

bool wantsCompactTokens(const QUrlQuery &query)
{
    const QString v = query.queryItemValue(QStringLiteral("compact"));
    return v == u"1" || v == u"true";
}

} // namespace teehee
