#include "screenshottour.h"

#include "accountcontroller.h"
#include "appstatus.h"
#include "chatlistcontroller.h"
#include "clientprovider.h"
#include "conversationcontroller.h"
#include "screenshotdevice.h"
#include "screenshotphone.h"
#include "settingscontroller.h"
#include "sharingcontroller.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QImage>
#include <QPainter>
#include <QDir>
#include <QMetaObject>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTimer>

namespace {
template <typename T>
T *singleton(QQmlEngine &engine, const char *name)
{
    return engine.singletonInstance<T *>(qmlTypeId("Teehee", 1, 0, name));
}

// A sunset over the sea with two sailing boats: the picture of the attachment screenshot.
QByteArray sunsetPng()
{
    QImage image(640, 420, QImage::Format_RGB32);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    QLinearGradient sky(0, 0, 0, 280);
    sky.setColorAt(0, QColor(0x4B, 0x3B, 0x8F));
    sky.setColorAt(0.6, QColor(0xE8, 0x6A, 0x5A));
    sky.setColorAt(1, QColor(0xFF, 0xB3, 0x47));
    p.fillRect(0, 0, 640, 280, sky);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(0xFF, 0xE0, 0x8A));
    p.drawEllipse(QPointF(320, 262), 52, 52);
    QLinearGradient sea(0, 280, 0, 420);
    sea.setColorAt(0, QColor(0x3A, 0x4E, 0x8C));
    sea.setColorAt(1, QColor(0x1C, 0x25, 0x4A));
    p.fillRect(0, 280, 640, 140, sea);
    p.setBrush(QColor(0xFF, 0xC8, 0x6A, 150));
    for (int i = 0; i < 6; ++i)
        p.drawRect(QRectF(300 - i * 4, 292 + i * 20, 40 + i * 8, 5));
    p.setBrush(QColor(0x1A, 0x14, 0x2A));
    for (const QPointF &at : {QPointF(150, 282), QPointF(470, 286)}) {
        p.drawPolygon(QPolygonF({at + QPointF(-26, 0), at + QPointF(26, 0), at + QPointF(18, 9), at + QPointF(-18, 9)}));
        p.drawPolygon(QPolygonF({at + QPointF(2, -4), at + QPointF(2, -58), at + QPointF(24, -4)}));
    }
    p.end();
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return png;
}

// By visual parent: a list's delegates are not the list's QObject children.
QQuickItem *findItem(QQuickItem *in, QLatin1String objectName)
{
    if (in->objectName() == objectName)
        return in;
    const auto children = in->childItems();
    for (QQuickItem *child : children)
        if (QQuickItem *found = findItem(child, objectName))
            return found;
    return nullptr;
}
} // namespace

ScreenshotTour::ScreenshotTour(QQmlApplicationEngine &engine, QString directory, QObject *parent)
    : QObject(parent), m_engine(engine), m_dir(std::move(directory))
{
}

QQuickItem *ScreenshotTour::item(const char *objectName) const
{
    if (QQuickItem *found = findItem(m_window->contentItem(), QLatin1String(objectName)))
        return found;
    return m_window->contentItem()->findChild<QQuickItem *>(QLatin1String(objectName));
}

void ScreenshotTour::start()
{
    m_window = qobject_cast<QQuickWindow *>(m_engine.rootObjects().value(0));
    if (!m_window)
        return fail(QStringLiteral("no window"));
    m_conversation = m_window->property("conversation").value<ConversationController *>();
    if (!m_conversation)
        return fail(QStringLiteral("no conversation"));
    QDir().mkpath(m_dir);
    // A finished reply moves the tour on when a step waits for it.
    connect(m_conversation, &ConversationController::replyFinished, this, [this] {
        if (std::exchange(m_waitingForReply, false))
            QTimer::singleShot(600, this, &ScreenshotTour::next);
    });
    QTimer::singleShot(150'000, this, [this] { fail(QStringLiteral("timed out before step %1").arg(m_next)); });
    auto *status = singleton<AppStatus>(m_engine, "AppStatus");
    auto *chats = singleton<ChatListController>(m_engine, "ChatListController");
    auto *settings = singleton<SettingsController>(m_engine, "SettingsController");
    // Ready: the chat list and the keys are read.
    auto *ready = new QTimer(this);
    ready->setInterval(100);
    connect(ready, &QTimer::timeout, this, [this, ready, status, chats, settings] {
        if (!status->ready() || !chats->listLoaded() || !settings->keysLoaded() || m_conversation->loading())
            return;
        ready->deleteLater();
        if (!settings->canChat()) { // first run without a key: the welcome card is the picture
            settings->setTheme(QStringLiteral("light"));
            QTimer::singleShot(1500, this, [this] { grab(QStringLiteral("welcome-light")); QCoreApplication::exit(0); });
            return;
        }
        plan();
        next();
    });
    ready->start();
}

void ScreenshotTour::plan()
{
    auto *chats = singleton<ChatListController>(m_engine, "ChatListController");
    auto *settings = singleton<SettingsController>(m_engine, "SettingsController");
    ConversationController *c = m_conversation;
    const auto openModelPopup = [this] {
        if (QQuickItem *chip = item("modelPicker"))
            QMetaObject::invokeMethod(chip, "clicked");
    };
    const auto closePopups = [this] {
        if (QQuickItem *chip = item("modelPicker"))
            if (QObject *popup = chip->findChild<QObject *>(QStringLiteral("modelPopup")))
                QMetaObject::invokeMethod(popup, "close");
    };
    // The reply with its thinking unfolded, from its top: thinking and code in one picture.
    const auto showThinking = [this] {
        QQuickItem *block = item("thinkingToggle");
        while (block && !block->property("expanded").isValid())
            block = block->parentItem();
        if (!block)
            qWarning("screenshots: no Thinking section to unfold");
        else
            block->setProperty("expanded", true);
        if (QQuickItem *list = item("messageList")) {
            if (list->parentItem())
                list->parentItem()->setProperty("pinned", false);
            QMetaObject::invokeMethod(list, "positionViewAtIndex", Q_ARG(int, 1), Q_ARG(int, 0 /* ListView.Beginning */));
        }
    };
    // Each look: the conversation with its thinking and code, the model popup, the kept keyless send.
    const auto shoot = [=, this](const QString &look, std::function<void()> apply) {
        m_steps.push_back({[=, this] { apply(); chats->openChat(m_codeChat); }, 900});
        m_steps.push_back({[=, this] { showThinking(); }, 600});
        m_steps.push_back({[=, this] { grab(QStringLiteral("conversation-") + look); openModelPopup(); }, 700});
        m_steps.push_back({[=, this] { grab(QStringLiteral("model-popup-") + look); closePopups(); chats->openChat(m_keylessChat); }, 900});
        m_steps.push_back({[=, this] { grab(QStringLiteral("keyless-send-") + look); }, 100});
    };

    m_steps.push_back({[=, this] {
        settings->setTheme(QStringLiteral("light"));
        chats->newChat();
    }, 500});
    m_steps.push_back({[=, this] {
        m_codeChat = chats->currentChatId();
        c->chooseModel(QStringLiteral("openai"), QStringLiteral("gpt-4o-mini"));
        c->setOption(QStringLiteral("temperature"), 0.7);
        c->send(QStringLiteral("How do I read a text file line by line in Python? #think"));
    }, 0, true});
    m_steps.push_back({[=, this] {
        c->regenerate(c->messages()->get(c->messages()->rowCount() - 1).value(QStringLiteral("id")).toString());
    }, 0, true});
    m_steps.push_back({[=, this] { c->send(QStringLiteral("Compare that with reading it all at once.")); }, 0, true});
    // A provider without a key: the message stays, with the reason and what to do.
    m_steps.push_back({[=, this] { chats->newChat(); }, 500});
    m_steps.push_back({[=, this] {
        m_keylessChat = chats->currentChatId();
        c->chooseModel(QStringLiteral("anthropic"), QStringLiteral("claude-haiku-4-5"));
        c->send(QStringLiteral("Hello Claude, can you hear me?"));
    }, 1200});
    shoot(QStringLiteral("light"), [] {});
    planSearch();
    shoot(QStringLiteral("dark"), [=, this] { settings->setTheme(QStringLiteral("dark")); });
    shoot(QStringLiteral("de"), [=, this] { settings->setTheme(QStringLiteral("light")); settings->setLanguage(QStringLiteral("de")); });
    m_steps.push_back({[=, this] {
        settings->setLanguage({});
        settings->setTheme(QStringLiteral("dark"));
        QMetaObject::invokeMethod(m_window, "openSettings");
    }, 900});
    m_steps.push_back({[=, this] { grab(QStringLiteral("settings-dark")); }, 100});
    planUsage();
    planTools();
    planSharing();
    planAttachment();
    m_steps.push_back({[=, this] {
        settings->setTheme(QStringLiteral("system"));
        QCoreApplication::exit(0);
    }, 0});
}

// The sidebar's search as Ctrl+K opens it: words of the conversation above,
// the message hits with their snippets under the chats whose names match.
void ScreenshotTour::planSearch()
{
    m_steps.push_back({[this] {
        QQuickItem *sidebar = item("sidebar");
        if (sidebar)
            QMetaObject::invokeMethod(sidebar, "focusSearch"); // what Ctrl+K does
        if (QQuickItem *field = item("chatFilter"))
            field->setProperty("text", QStringLiteral("file"));
        else
            qWarning("screenshots: no search field");
    }, 1500}); // the search waits for typing to stop, then asks
    m_steps.push_back({[this] {
        QQuickItem *hits = item("messageHits");
        if (!hits || hits->property("count").toInt() == 0)
            qWarning("screenshots: no message hits");
        grab(QStringLiteral("search-light"));
        if (QQuickItem *sidebar = item("sidebar"))
            QMetaObject::invokeMethod(sidebar, "clearFilter");
    }, 300});
}

// Settings → Usage in the light theme: the totals with their cost, then per
// model and per day (the replies above were priced).
void ScreenshotTour::planUsage()
{
    auto *settings = singleton<SettingsController>(m_engine, "SettingsController");
    m_steps.push_back({[=, this] {
        settings->setTheme(QStringLiteral("light"));
        scrollTo("usageTotals");
    }, 900});
    m_steps.push_back({[this] { grab(QStringLiteral("usage-light")); }, 100});
}

// Settings → Sharing, on: the QR code, the fingerprint, a phone's request
// with its number, a tablet (paired first) streaming a reply, the owner's
// OpenAI key shared and an account for another person, in the light theme.
void ScreenshotTour::planSharing()
{
    auto *settings = singleton<SettingsController>(m_engine, "SettingsController");
    auto *sharing = singleton<SharingController>(m_engine, "SharingController");
    if (!sharing->available())
        return;
    m_steps.push_back({[=] {
        settings->setTheme(QStringLiteral("light"));
        // The owner's own key (the fake's, as in the environment): one to share.
        settings->saveKey(QStringLiteral("openai"), QStringLiteral("sk-fake"));
        sharing->createAccount(QStringLiteral("Robin"), QStringLiteral("robin's password"));
        sharing->setEnabled(true);
    }, 2000});
    m_steps.push_back({[=, this] {
        sharing->setKeyShared(QStringLiteral("openai"), true);
        if (sharing->pairingUrl().isEmpty()) {
            qWarning("screenshots: sharing did not start: %s", qPrintable(sharing->failure()));
            return;
        }
        m_device = new ScreenshotDevice(this);
        m_device->pairAndStream(sharing->pairingUrl(), QStringLiteral("Galaxy Tab"), QStringLiteral("Weekend in Lisbon"),
                                QStringLiteral("Plan a weekend in Lisbon #slow"), [sharing](const QString &verification) {
            // The owner compares the numbers, then approves (the request shows a moment later).
            auto *approve = new QTimer(sharing);
            approve->setInterval(100);
            QObject::connect(approve, &QTimer::timeout, sharing, [sharing, approve, verification] {
                for (const QVariant &r : sharing->requests()) {
                    const QVariantMap request = r.toMap();
                    if (request.value(QStringLiteral("verification")).toString() == verification) {
                        sharing->approve(request.value(QStringLiteral("pairingId")).toString());
                        approve->deleteLater();
                        approve->stop();
                    }
                }
            });
            approve->start();
        });
    }, 3500});
    // The tablet used the first code: a fresh one for the phone and the picture.
    m_steps.push_back({[=] { sharing->newInvitation(); }, 1000});
    m_steps.push_back({[=, this] {
        if (sharing->streams().isEmpty())
            qWarning("screenshots: no reply from the tablet is running");
        m_phone = new ScreenshotPhone(this);
        m_phone->redeem(sharing->pairingUrl(), QStringLiteral("Pixel 8"));
    }, 1500});
    m_steps.push_back({[this] { scrollTo("pairingQr"); }, 700}); // the code, the fingerprint and the request
    m_steps.push_back({[=, this] { grab(QStringLiteral("sharing-light")); }, 100});
    planAccount(sharing);
    m_steps.push_back({[=] { sharing->setEnabled(false); }, 100});
}

// Settings → Account, joining a Teehee server: here this desktop's own share,
// whose self-signed certificate waits to be compared and trusted.
void ScreenshotTour::planAccount(SharingController *sharing)
{
    auto *account = singleton<AccountController>(m_engine, "AccountController");
    if (!account->available())
        return;
    m_steps.push_back({[=, this] {
        if (QQuickItem *join = item("useServerButton"))
            QMetaObject::invokeMethod(join, "clicked");
        // The share's own address on this network, as another computer would type it.
        const QStringList addresses = sharing->addresses();
        const QString address = addresses.isEmpty() ? QStringLiteral("127.0.0.1:%1").arg(sharing->port())
                                                    : QUrl(addresses.first()).authority();
        if (QQuickItem *field = item("serverAddress"))
            field->setProperty("text", address);
        account->check(address);
    }, 1500});
    m_steps.push_back({[=, this] {
        if (account->step() != u"confirm")
            qWarning("screenshots: the account step is %s, not confirm", qPrintable(account->step()));
        scrollTo("accountInUse");
    }, 700});
    m_steps.push_back({[=, this] {
        grab(QStringLiteral("account-light"));
        account->cancel();
    }, 100});
}

// A question carrying a picture (uploaded as the paperclip would), and its answer.
void ScreenshotTour::planAttachment()
{
    auto *chats = singleton<ChatListController>(m_engine, "ChatListController");
    auto *settings = singleton<SettingsController>(m_engine, "SettingsController");
    m_steps.push_back({[=, this] {
        QMetaObject::invokeMethod(m_window, "closeSettings");
        settings->setTheme(QStringLiteral("light"));
        chats->newChat();
    }, 700});
    m_steps.push_back({[=, this] {
        m_conversation->chooseModel(QStringLiteral("openai"), QStringLiteral("gpt-4o-mini"));
        teehee::client::ChatClient *client = ClientProvider::client();
        client->uploadAttachment(this, QStringLiteral("sunset.png"), QStringLiteral("image/png"), sunsetPng(),
                                 [this](const teehee::client::Outcome<teehee::client::AttachmentInfo> &stored) {
            if (!stored.ok())
                return fail(QStringLiteral("the picture was not stored: %1").arg(stored.error.detail));
            m_conversation->send(QStringLiteral("What is in this picture?"), {stored.value.id});
        });
    }, 0, true});
    m_steps.push_back({[=, this] { grab(QStringLiteral("attachment-light")); }, 100});
}

// Scrolls the flickable around the item so that the item is at its top.
void ScreenshotTour::scrollTo(const char *objectName)
{
    QQuickItem *target = item(objectName);
    QQuickItem *flickable = target ? target->parentItem() : nullptr;
    while (flickable && !flickable->property("contentY").isValid())
        flickable = flickable->parentItem();
    if (!flickable) {
        qWarning("screenshots: no %s to scroll to", objectName);
        return;
    }
    QQuickItem *content = flickable->property("contentItem").value<QQuickItem *>();
    const qreal y = target->mapToItem(content, QPointF(0, 0)).y();
    const qreal most = flickable->property("contentHeight").toReal() - flickable->height();
    flickable->setProperty("contentY", qBound<qreal>(0, y - 16, qMax<qreal>(0, most)));
}

void ScreenshotTour::next()
{
    if (m_next >= m_steps.size())
        return;
    const Step &step = m_steps[m_next++];
    m_waitingForReply = step.waitsForReply;
    step.run();
    if (!step.waitsForReply && step.pauseMs > 0)
        QTimer::singleShot(step.pauseMs, this, &ScreenshotTour::next);
}

void ScreenshotTour::grab(const QString &name)
{
    const QString path = QDir(m_dir).filePath(name + QStringLiteral(".png"));
    if (!m_window->grabWindow().save(path))
        return fail(QStringLiteral("cannot save %1").arg(path));
    qInfo().noquote() << "saved" << path;
}

void ScreenshotTour::fail(const QString &why)
{
    qCritical().noquote() << "screenshot tour failed:" << why;
    QCoreApplication::exit(3);
}
