#pragma once

#include "chat/attachmentservice.h"
#include "chat/chatoptions.h"
#include "chat/chattypes.h"
#include "chat/messagetree.h"
#include "core/error.h"
#include "core/fairworkqueue.h"
#include "generation/generation.h"
#include "generation/savebatcher.h"
#include "generation/tooloffer.h"
#include "generation/turnparts.h"
#include "providers/chatrequest.h"
#include "providers/pricetable.h"
#include "providers/providerregistry.h"

#include <QHash>
#include <QObject>

namespace teehee {

struct Config;
class ChatService;
class ChatTitler;
class Database;
class KeyService;
class RemoteStreams;
class ToolOffer;

// The generation engine every front end uses (QML app, WebSocket sessions,
// SSE and HTTP routes). Lives on the backend thread. At most one generation
// runs per chat; a running one keeps going when the client that started it
// goes away, and any client can attach to it (Generation::eventsAfter + the
// event signal, in one slot, so nothing is missed or repeated).
class GenerationManager : public QObject {
    Q_OBJECT
public:
    GenerationManager(const Config &config, const Database &db, ChatService &chats, KeyService &keys,
                      const ProviderRegistry &providers, QObject *parent = nullptr);
    ~GenerationManager() override;

    // Where replies' costs come from (dated, with its source).
    const PriceTable &prices() const { return m_prices; }

    // Adds the user's message (under `parent`) and starts the reply to it.
    // The user message is the generation's parentMessageId(). `attachments`:
    // ids of the user's uploads the message carries (then `text` may be empty).
    Result<Generation *> sendMessage(const QString &userId, const QString &chatId, const QString &text,
                                     const MessageParent &parent, const GenerationOptions &options,
                                     const QStringList &attachments = {});
    // A turn sendMessage() refused before anything was written (no key, no
    // model, an unknown provider): the question is kept with an empty failed
    // reply saying why, so what the person typed is never lost and Retry
    // (continueMessage on that reply) answers it once the cause is fixed.
    Result<MessageTree::Exchange> keepRefusedTurn(const QString &userId, const QString &chatId, const QString &text,
                                                  const MessageParent &parent, const GenerationOptions &options,
                                                  const Error &refusal);
    // Extends a partial (aborted, failed, interrupted) or empty assistant message in place.
    Result<Generation *> continueMessage(const QString &userId, const QString &messageId,
                                         const GenerationOptions &options = {});
    // A new assistant message beside `assistantMessageId`, answering the same user message.
    Result<Generation *> regenerate(const QString &userId, const QString &assistantMessageId,
                                    const GenerationOptions &options = {});
    // Aborts the running generation of that message, or of the chat (given a
    // chat id or the id of any message in it). False when nothing was running.
    bool abort(const QString &userId, const QString &messageOrChatId);

    // The running generation of a chat, or null.
    Generation *activeInChat(const QString &chatId) const;
    // The running or recently finished generation that writes this message, or null.
    Generation *forMessage(const QString &messageId) const;
    QList<Generation *> active() const { return m_byChat.values(); }

    // Stream limits for every request (tests shorten them).
    void setStreamSettings(const StreamTimeouts &timeouts, const RetrySettings &retry);
    // The replies other servers sharing the database stream (none on SQLite):
    // a chat streaming elsewhere is not idle, and its reply is aborted there.
    void setRemoteStreams(RemoteStreams *remote);
    // Whether other servers share the database now: only then are the saves
    // of streaming replies told to them.
    void setOthersAlive(bool alive) { m_batcher.setTellOthers(alive && m_remote); }
    // Where replies find the tools they may call (none: no tools are offered).
    void setTools(ToolOffer *tools) { m_tools = tools; }
    // Names new chats after their first reply (AUTO_TITLES).
    ChatTitler &titler() { return *m_titler; }
    // Requests that start replies and the saving of streaming text share it:
    // together they take a bounded time per turn of the event loop, so that
    // running streams keep flowing while many start at once.
    FairWorkQueue &workQueue() { return m_work; }
    // How long a finished generation stays attachable by message id.
    void setRetentionMs(int ms) { m_retentionMs = ms; }
    // A fresh number in the events' sequence: for events outside a generation
    // (a stored outcome sent over SSE) that must still sort after every id so far.
    qint64 takeSeq() { return ++m_seq; }
    // Replies running now for this user (MAX_GENERATIONS_PER_USER caps it).
    int runningFor(const QString &userId) const { return m_runningPerUser.value(userId); }

    // Replies started and database commits made for streaming text (all replies together).
    struct Stats {
        qint64 started = 0;
        qint64 commits = 0;
        qint64 longestSaveLagMs = 0; // see SaveBatcher::longestLagMs
    };
    const SaveBatcher &saveBatcher() const { return m_batcher; }
    Stats stats() const { return {m_stats.started, m_batcher.commits(), m_batcher.longestLagMs()}; }

Q_SIGNALS:
    // A new generation, before its Started event: subscribe to its event() here.
    void generationCreated(teehee::Generation *generation);

private:
    // Provider, model, key and limits; no context yet.
    Result<ChatRequest> resolveProvider(const QString &userId, const GenerationOptions &options) const;
    Result<ChatRequest> buildRequest(const QString &userId, const QString &answeredMessageId,
                                     const GenerationOptions &options, bool continuing);
    Result<ChatRequest> withContext(ChatRequest request, const QString &userId, const QString &answeredMessageId,
                                    bool continuing) const;
    Result<Generation *> launch(const QString &userId, const MessageRecord &assistant, ChatRequest request,
                                bool continued, const GenerationOptions &options);
    // A request that named its provider or model makes them the chat's.
    void rememberChoice(const QString &userId, const QString &chatId, const GenerationOptions &requested,
                        const QString &provider, const QString &model);
    // launch(), then rememberChoice() once the reply runs.
    Result<Generation *> launchRemembering(const QString &userId, const QString &chatId, const GenerationOptions &requested,
                                           const MessageRecord &assistant, ChatRequest request, bool continued);
    Status checkIdle(const QString &userId, const QString &chatId) const;
    // RateLimited when the user already has MAX_GENERATIONS_PER_USER replies running.
    Status checkCapacity(const QString &userId) const;
    void onFinished(Generation *g);
    void releaseSlot(const QString &userId);

    const Config &m_config;
    PriceTable m_prices; // the built-in table, with PRICES_FILE over it
    const Database &m_db;
    ChatService &m_chats;
    KeyService &m_keys;
    const ProviderRegistry &m_registry; // the ProviderService's
    AttachmentService m_attachments;     // the context's files are read through it
    HttpConnectionPool *m_connections = nullptr; // child: provider connections kept between replies
    ChatTitler *m_titler = nullptr; // child
    FairWorkQueue m_work;
    SaveBatcher m_batcher;
    StreamTimeouts m_timeouts;
    RetrySettings m_retry;
    ToolOffer *m_tools = nullptr;
    RemoteStreams *m_remote = nullptr;
    QHash<QString, Generation *> m_byChat;      // running
    QHash<QString, Generation *> m_byMessage;   // running and recently finished
    QHash<QString, int> m_runningPerUser;
    qint64 m_seq;
    int m_retentionMs = 10 * 60 * 1000;
    Stats m_stats;
};

} // namespace teehee
