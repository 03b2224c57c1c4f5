#include "generation/chattitler.h"

#include "chat/chatservice.h"
#include "core/config.h"
#include "core/logging.h"
#include "generation/generation.h"
#include "providers/providerregistry.h"
#include "providers/providerstream.h"

#include <QRegularExpression>

namespace teehee {

namespace {

constexpr int kExcerptChars = 2000;   // of the question and of the reply: enough to name them
constexpr int kMaxAnswerChars = 1000; // a model that rambles on is cut off
constexpr int kTitleTokens = 64;

QString excerpt(const QString &text)
{
    return text.size() <= kExcerptChars ? text : text.left(kExcerptChars) + QStringLiteral(" …");
}

} // namespace

const QString ChatTitler::kInstruction = QStringLiteral(
    "You name conversations. Reply with a short title for the conversation below: at most six words, "
    "in its language, plain text without quotes, Markdown or a final full stop.");

ChatTitler::ChatTitler(const Config &config, ChatService &chats, const ProviderRegistry &registry, Resolver resolve,
                       QObject *parent)
    : QObject(parent), m_config(config), m_chats(chats), m_registry(registry), m_resolve(std::move(resolve))
{
}

void ChatTitler::follow(Generation *generation)
{
    if (!m_config.autoTitles)
        return;
    connect(generation, &Generation::event, this, [this, generation](const GenerationEvent &e) {
        if (e.type == GenerationEvent::Type::Completed)
            onCompleted({generation->userId(), e.chatId, e.parentMessageId, generation->provider(),
                         generation->model(), e.content});
    });
}

void ChatTitler::onCompleted(const Reply &reply)
{
    if (reply.text.trimmed().isEmpty() || reply.questionId.isEmpty() || m_asking.contains(reply.chatId))
        return;
    auto chat = m_chats.chat(reply.userId, reply.chatId);
    if (!chat || chat->name != ChatService::kDefaultName)
        return; // named by someone already
    auto question = m_chats.message(reply.userId, reply.questionId);
    // Only the reply to the chat's first question names it.
    if (!question || !question->message.parentId.isEmpty() || question->message.role != QLatin1String("user"))
        return;
    ask(reply, question->message.text());
}

void ChatTitler::ask(const Reply &reply, const QString &question)
{
    const bool ownProvider = !m_config.titleProvider.isEmpty();
    const QString provider = ownProvider ? m_config.titleProvider : reply.provider;
    const QString model = !m_config.titleModel.isEmpty() ? m_config.titleModel : ownProvider ? QString() : reply.model;
    auto request = m_resolve(reply.userId, provider, model);
    if (!request)
        return conclude(reply, {}, request.error().message);
    request->systemPrompt = kInstruction;
    request->messages = {ChatMessage{QStringLiteral("user"),
                                     QStringLiteral("User: %1\n\nAssistant: %2").arg(excerpt(question), excerpt(reply.text))}};
    request->maxTokens = kTitleTokens;
    request->continuePartial = false;
    request->thinkingBudgetTokens = 0;
    auto stream = m_registry.createStream(request.value(), this);
    if (!stream)
        return conclude(reply, {}, stream.error().message);
    ProviderStream *s = stream.value();
    m_asking.insert(reply.chatId);
    connect(s, &ProviderStream::textDelta, this, [s] {
        if (s->text().size() > kMaxAnswerChars)
            s->abort(); // enough to take a first line from
    });
    connect(s, &ProviderStream::ended, this, [this, s, reply](ProviderStream::End end, const ProviderError &error) {
        s->deleteLater();
        m_asking.remove(reply.chatId);
        if (end == ProviderStream::End::Failed)
            return conclude(reply, {}, QStringLiteral("%1 (HTTP %2): %3").arg(ProviderError::kindName(error.kind))
                                           .arg(error.httpStatus).arg(error.message));
        conclude(reply, s->text(), {});
    });
    s->start();
}

void ChatTitler::conclude(const Reply &reply, const QString &answer, const QString &failure)
{
    QString why = failure;
    const QString title = why.isEmpty() ? clean(answer) : QString();
    if (why.isEmpty() && title.isEmpty())
        why = QStringLiteral("the answer held no usable title");
    if (why.isEmpty()) {
        // The user may have named the chat while the title was on its way.
        auto chat = m_chats.chat(reply.userId, reply.chatId);
        if (!chat || chat->name != ChatService::kDefaultName) {
            Q_EMIT finished(reply.chatId, false);
            return;
        }
        auto renamed = m_chats.renameChat(reply.userId, reply.chatId, title);
        if (renamed) {
            Q_EMIT finished(reply.chatId, true);
            return;
        }
        why = renamed.error().message;
    }
    qCWarning(lcGeneration).noquote() << "chat" << reply.chatId << "keeps its name; no title:" << logSafe(why);
    Q_EMIT finished(reply.chatId, false);
}

QString ChatTitler::clean(const QString &answer)
{
    // The first line with words in it.
    QString line;
    for (const QString &l : answer.split(u'\n')) {
        if (!l.trimmed().isEmpty()) {
            line = l;
            break;
        }
    }
    static const QRegularExpression lead(QStringLiteral(R"(^\s*(?:#+|>+|[-*+]\s|\d+[.)]\s)*\s*)"));
    static const QRegularExpression label(QStringLiteral(R"(^(?:title|chat title|conversation title)\s*:\s*)"),
                                          QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression markup(QStringLiteral(R"([*_`~#"\x{201C}\x{201D}\x{201E}\x{00AB}\x{00BB}\x{2018}\x{2019}\x{201A}\x{2039}\x{203A}\x{300C}\x{300D}\x{300E}\x{300F}]|\[|\]|(?<!\w)'|'(?!\w))"));
    static const QRegularExpression spaces(QStringLiteral(R"(\s+)"));
    static const QRegularExpression tail(QStringLiteral(R"([\s.:;,!]+$)"));
    line.remove(lead);
    line.remove(markup);
    line.remove(lead); // a heading mark that sat inside the emphasis
    line.remove(label);
    line = line.replace(spaces, QStringLiteral(" ")).trimmed();
    line.remove(tail);
    if (line.size() <= kMaxLength)
        return line;
    QString cut = line.left(kMaxLength);
    if (cut.back().isHighSurrogate())
        cut.chop(1);
    const qsizetype space = cut.lastIndexOf(u' ');
    if (space >= kMaxLength / 2 && !line.at(kMaxLength).isSpace())
        cut.truncate(space);
    cut.remove(tail);
    return cut;
}

} // namespace teehee
