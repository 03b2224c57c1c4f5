// ChatGPT's data export (conversations.json): an array of conversations, each
// a tree of nodes in `mapping` (id → {message, parent, children}) with
// `current_node` the leaf the person last saw. Only what ChatGPT shows is
// kept: user and assistant messages with text, addressed to everyone. Hidden
// nodes (the system prompt, tool calls and results, empty placeholders) are
// left out and their children hang from the nearest kept ancestor, so an
// edited question stays a second branch beside the first.
#include "chat/importdocument.h"

#include <QCryptographicHash>
#include <QHash>
#include <QJsonDocument>
#include <QTimeZone>

namespace teehee::importdocument {
namespace {

Error invalid(const QString &where, const QString &what)
{
    return Error::invalid(QStringLiteral("%1: %2").arg(where, what));
}

QDateTime fromEpoch(const QJsonValue &v)
{
    return v.isDouble() ? QDateTime::fromMSecsSinceEpoch(qint64(v.toDouble() * 1000.0), Qt::UTC) : QDateTime();
}

// The text of a shown message, or empty for one ChatGPT does not show.
QString shownText(const QJsonObject &message)
{
    const QString role = message.value(QStringLiteral("author")).toObject().value(QStringLiteral("role")).toString();
    if (role != QLatin1String("user") && role != QLatin1String("assistant"))
        return {};
    const QJsonObject metadata = message.value(QStringLiteral("metadata")).toObject();
    if (metadata.value(QStringLiteral("is_visually_hidden_from_conversation")).toBool())
        return {};
    const QJsonValue recipient = message.value(QStringLiteral("recipient"));
    if (recipient.isString() && recipient.toString() != QLatin1String("all"))
        return {};   // a call to a tool
    const QJsonObject content = message.value(QStringLiteral("content")).toObject();
    const QString type = content.value(QStringLiteral("content_type")).toString();
    if (type != QLatin1String("text") && type != QLatin1String("multimodal_text"))
        return {};
    QStringList parts;
    for (const QJsonValue &part : content.value(QStringLiteral("parts")).toArray())
        if (part.isString() && !part.toString().isEmpty())
            parts << part.toString();   // images and files are objects: not kept
    const QString text = parts.join(QLatin1Char('\n'));
    return text.trimmed().isEmpty() ? QString() : text;
}

Result<ImportedChat> conversation(const QJsonObject &conv, const QString &where)
{
    const QJsonValue mappingValue = conv.value(QStringLiteral("mapping"));
    if (!mappingValue.isObject())
        return invalid(where + QStringLiteral(".mapping"), QStringLiteral("must be an object"));
    const QJsonObject mapping = mappingValue.toObject();
    ImportedChat out;
    const QString sourceId = conv.value(QStringLiteral("conversation_id")).toString(conv.value(QStringLiteral("id")).toString());
    out.key = QStringLiteral("chatgpt:")
        + (sourceId.isEmpty() ? QString::fromLatin1(QCryptographicHash::hash(QJsonDocument(conv).toJson(QJsonDocument::Compact),
                                                                              QCryptographicHash::Sha256).toHex())
                              : sourceId);
    out.chat.name = conv.value(QStringLiteral("title")).toString().trimmed();
    if (out.chat.name.isEmpty())
        out.chat.name = QStringLiteral("ChatGPT conversation");
    out.chat.createdAt = fromEpoch(conv.value(QStringLiteral("create_time")));
    out.chat.updatedAt = fromEpoch(conv.value(QStringLiteral("update_time")));

    // Children in the order their parent lists them; roots: no parent, or one not in the mapping.
    QHash<QString, QStringList> children;
    QStringList roots;
    for (auto it = mapping.constBegin(); it != mapping.constEnd(); ++it) {
        if (!it.value().isObject())
            return invalid(where + QStringLiteral(".mapping.") + it.key(), QStringLiteral("must be an object"));
        const QJsonObject node = it.value().toObject();
        const QJsonValue message = node.value(QStringLiteral("message"));
        if (!message.isUndefined() && !message.isNull() && !message.isObject())
            return invalid(where + QStringLiteral(".mapping.") + it.key() + QStringLiteral(".message"),
                           QStringLiteral("must be an object or null"));
        const QJsonValue parent = node.value(QStringLiteral("parent"));
        if (!parent.isUndefined() && !parent.isNull() && !parent.isString())
            return invalid(where + QStringLiteral(".mapping.") + it.key() + QStringLiteral(".parent"),
                           QStringLiteral("must be a node id or null"));
        if (parent.isString() && mapping.contains(parent.toString()))
            children[parent.toString()] << it.key();
        else
            roots << it.key();
    }
    for (auto it = children.begin(); it != children.end(); ++it) {
        const QJsonArray listed = mapping.value(it.key()).toObject().value(QStringLiteral("children")).toArray();
        auto rank = [&listed](const QString &id) {
            for (qsizetype i = 0; i < listed.size(); ++i)
                if (listed.at(i).toString() == id)
                    return i;
            return listed.size();
        };
        std::stable_sort(it->begin(), it->end(), [&](const QString &a, const QString &b) { return rank(a) < rank(b); });
    }
    const QJsonValue current = conv.value(QStringLiteral("current_node"));
    if (!current.isUndefined() && !current.isNull() && (!current.isString() || !mapping.contains(current.toString())))
        return invalid(where + QStringLiteral(".current_node"), QStringLiteral("must name a node of the mapping"));

    // Depth first, iteratively (a long conversation is thousands of levels deep).
    QHash<QString, QString> keptAncestor;   // node → the nearest kept node at or above it
    QList<std::pair<QString, QString>> stack;   // node, the kept node its message would hang from
    for (auto it = roots.crbegin(); it != roots.crend(); ++it)
        stack.append({*it, QString()});
    QDateTime lastTime = out.chat.createdAt;
    while (!stack.isEmpty()) {
        auto [id, parent] = stack.takeLast();
        if (keptAncestor.contains(id))
            continue;
        const QJsonObject message = mapping.value(id).toObject().value(QStringLiteral("message")).toObject();
        const QString text = shownText(message);
        QString below = parent;
        if (!text.isEmpty()) {
            MessageRecord m;
            m.id = id;
            m.parentId = parent;
            m.role = message.value(QStringLiteral("author")).toObject().value(QStringLiteral("role")).toString();
            m.content = QJsonObject{{QStringLiteral("text"), text}};
            const QDateTime created = fromEpoch(message.value(QStringLiteral("create_time")));
            m.timestamp = created.isValid() ? created : lastTime;
            lastTime = m.timestamp;
            if (m.role == QLatin1String("assistant")) {
                m.model = message.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("model_slug")).toString();
                if (!m.model.isEmpty())
                    m.provider = QStringLiteral("openai");
            }
            out.messages << std::move(m);
            below = id;
        }
        keptAncestor.insert(id, below);
        const QStringList &kids = children.value(id);
        for (auto it = kids.crbegin(); it != kids.crend(); ++it)
            stack.append({*it, below});
    }
    if (current.isString())
        out.activeLeafId = keptAncestor.value(current.toString());
    if (auto st = orderParentsFirst(out, where); !st)
        return st.error();
    return out;
}

} // namespace

Result<ImportedChat> chatGptConversation(const QJsonObject &conv, const QString &where)
{
    return conversation(conv, where);
}

} // namespace teehee::importdocument
