#include "providers/errormapping.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QRegularExpression>

#include <cmath>

namespace teehee {

namespace {

QByteArray headerValue(const RawHeaders &headers, QByteArrayView name)
{
    for (const auto &[k, v] : headers) {
        if (k.compare(name, Qt::CaseInsensitive) == 0)
            return v.trimmed();
    }
    return {};
}

// The provider's own words and type/code, whatever the body shape.
struct ErrorFields {
    QString message;
    QString type;
    QString code;
};

QString stringOf(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isDouble())
        return QString::number(v.toDouble());
    return {};
}

QString messageOf(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isArray()) { // pydantic detail list (Mistral 422)
        QStringList parts;
        for (const QJsonValue &item : v.toArray()) {
            const QJsonObject o = item.toObject();
            QStringList loc;
            for (const QJsonValue &l : o.value(QLatin1String("loc")).toArray())
                loc << stringOf(l);
            const QString msg = o.value(QLatin1String("msg")).toString();
            parts << (loc.isEmpty() ? msg : loc.join(QLatin1Char('.')) + QStringLiteral(": ") + msg);
        }
        return parts.join(QStringLiteral("; "));
    }
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        if (o.contains(QLatin1String("detail")))
            return messageOf(o.value(QLatin1String("detail")));
        return messageOf(o.value(QLatin1String("message")));
    }
    return {};
}

ErrorFields fieldsOf(const QJsonObject &root)
{
    ErrorFields f;
    const QJsonValue err = root.value(QLatin1String("error"));
    if (err.isObject()) { // OpenAI, Anthropic, OpenRouter, Gemini
        const QJsonObject e = err.toObject();
        f.message = messageOf(e.value(QLatin1String("message")));
        f.type = stringOf(e.value(QLatin1String("type")));
        if (f.type.isEmpty())
            f.type = stringOf(e.value(QLatin1String("status")));
        f.code = stringOf(e.value(QLatin1String("code")));
    } else if (err.isString()) { // Ollama native
        f.message = err.toString();
    } else { // Mistral, vLLM, FastAPI
        f.message = messageOf(root.value(QLatin1String("message")));
        if (f.message.isEmpty())
            f.message = messageOf(root.value(QLatin1String("detail")));
        f.type = stringOf(root.value(QLatin1String("type")));
        f.code = stringOf(root.value(QLatin1String("code")));
    }
    return f;
}

ErrorFields fieldsOfBody(const QByteArray &body)
{
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (doc.isObject())
        return fieldsOf(doc.object());
    // Not JSON (a proxy's HTML page, a debug dump): never shown, whatever it says.
    return {};
}

// OpenAI words its 429s "Please try again in 20s" / "in 350ms".
int retryAfterFromMessage(const QString &message)
{
    static const QRegularExpression re(QStringLiteral("try again in (\\d+(?:\\.\\d+)?)\\s*(ms|s)\\b"),
                                       QRegularExpression::CaseInsensitiveOption);
    const auto m = re.match(message);
    if (!m.hasMatch())
        return -1;
    const double v = m.captured(1).toDouble();
    return int(std::ceil(m.captured(2).toLower() == QLatin1String("ms") ? v : v * 1000.0));
}

bool mentionsMissingModel(const ErrorFields &f)
{
    const QString all = (f.message + QLatin1Char(' ') + f.code + QLatin1Char(' ') + f.type).toLower();
    if (f.code == QLatin1String("model_not_found"))
        return true;
    return all.contains(QLatin1String("model"))
        && (all.contains(QLatin1String("not found")) || all.contains(QLatin1String("does not exist"))
            || all.contains(QLatin1String("not_found")) || all.contains(QLatin1String("invalid model"))
            || all.contains(QLatin1String("unknown model")));
}

bool mentionsQuota(const ErrorFields &f)
{
    const QString all = (f.message + QLatin1Char(' ') + f.code + QLatin1Char(' ') + f.type).toLower();
    return f.code == QLatin1String("insufficient_quota") || f.type == QLatin1String("insufficient_quota")
        || f.type == QLatin1String("billing_error") || all.contains(QLatin1String("spend limit"))
        || all.contains(QLatin1String("exceeded your current quota")) || all.contains(QLatin1String("credit balance"));
}

QString withDetail(const QString &head, const QString &detail)
{
    if (detail.isEmpty())
        return head;
    return head + QStringLiteral(": ") + detail;
}

ProviderError classify(const ErrorContext &ctx, int status, ErrorFields f, int retryAfterMs)
{
    using K = ProviderError::Kind;
    f.message = sanitizedProviderMessage(f.message, ctx.apiKey);
    const QString &p = ctx.providerName;
    const QString type = f.type.toLower();

    if (status == 401 || type == QLatin1String("authentication_error") || f.code == QLatin1String("invalid_api_key")) {
        const QString msg = ctx.apiKey.isEmpty()
            ? QStringLiteral("%1 needs an API key, and none is set; add one under Providers & keys").arg(p)
            : QStringLiteral("%1 rejected the API key; check or replace it under Providers & keys").arg(p);
        return ProviderError::make(K::Authentication, msg, status);
    }
    if (mentionsQuota(f) && (status == 429 || status == 402 || status == 403 || status == 0))
        return ProviderError::make(K::QuotaExceeded,
                                   withDetail(QStringLiteral("%1 quota or credit is used up; check the account's plan and billing").arg(p),
                                              f.message), status);
    if (status == 429 || type == QLatin1String("rate_limit_error") || type == QLatin1String("rate_limited")
        || f.code == QLatin1String("rate_limit_exceeded")) {
        if (retryAfterMs < 0)
            retryAfterMs = retryAfterFromMessage(f.message);
        const QString when = retryAfterMs >= 0 ? QStringLiteral("retry in %1").arg(humanDelay(retryAfterMs))
                                               : QStringLiteral("retry in a moment");
        return ProviderError::make(K::RateLimited, QStringLiteral("%1 rate limit reached; %2").arg(p, when), status,
                                   retryAfterMs);
    }
    if (status == 529 || status == 503 || type == QLatin1String("overloaded_error")
        || f.code == QLatin1String("server_is_overloaded") || type == QLatin1String("service_unavailable_error")) {
        return ProviderError::make(K::Overloaded, QStringLiteral("%1 is overloaded right now; try again in a moment").arg(p),
                                   status, retryAfterMs);
    }
    if (status == 404 || type == QLatin1String("not_found_error") || mentionsMissingModel(f)) {
        if (!ctx.model.isEmpty() && (mentionsMissingModel(f) || type == QLatin1String("not_found_error")
                                     || f.message.contains(ctx.model)))
            return ProviderError::make(K::ModelNotFound,
                                       QStringLiteral("The model '%1' does not exist at %2, or this key has no access to it")
                                           .arg(ctx.model, p), status);
        return ProviderError::make(K::ModelNotFound,
                                   withDetail(QStringLiteral("%1 answered 404 Not Found; check the provider's base URL").arg(p),
                                              f.message), status);
    }
    if (status == 403 || status == 402 || type == QLatin1String("permission_error"))
        return ProviderError::make(K::PermissionDenied, withDetail(QStringLiteral("%1 refused access").arg(p), f.message),
                                   status);
    if (status == 400 || status == 413 || status == 422 || type == QLatin1String("invalid_request_error"))
        return ProviderError::make(K::BadRequest, withDetail(QStringLiteral("%1 rejected the request").arg(p), f.message),
                                   status);
    if (type == QLatin1String("timeout_error") || status == 504 || status == 408)
        return ProviderError::make(K::ServerError,
                                   QStringLiteral("%1 timed out on its side; try again").arg(p), status, retryAfterMs);
    if (status >= 500 || type == QLatin1String("api_error") || type == QLatin1String("server_error") || status == 0)
        return ProviderError::make(
            K::ServerError,
            withDetail(status ? QStringLiteral("%1 had a server error (HTTP %2); try again").arg(p).arg(status)
                              : QStringLiteral("%1 reported an error mid-stream").arg(p),
                       f.message),
            status, retryAfterMs);
    return ProviderError::make(K::BadRequest,
                               withDetail(QStringLiteral("%1 answered HTTP %2").arg(p).arg(status), f.message), status);
}

} // namespace

int retryAfterMsFromHeaders(const RawHeaders &headers, const QDateTime &now)
{
    bool ok = false;
    const QByteArray ms = headerValue(headers, "retry-after-ms");
    if (!ms.isEmpty()) {
        const double v = ms.toDouble(&ok);
        if (ok && v >= 0)
            return int(std::ceil(v));
    }
    const QByteArray ra = headerValue(headers, "retry-after");
    if (ra.isEmpty())
        return -1;
    const double secs = ra.toDouble(&ok);
    if (ok)
        return secs >= 0 ? int(std::ceil(secs * 1000.0)) : -1;
    // An HTTP date ends in "GMT", which Qt 6.4's RFC 2822 parser does not accept.
    QString date = QString::fromLatin1(ra);
    if (date.endsWith(QLatin1String(" GMT")) || date.endsWith(QLatin1String(" UTC")))
        date = date.chopped(4) + QStringLiteral(" +0000");
    const QDateTime at = QDateTime::fromString(date, Qt::RFC2822Date);
    if (at.isValid())
        return int(qMax<qint64>(0, now.msecsTo(at)));
    return -1;
}

ProviderError errorFromHttpResponse(const ErrorContext &ctx, int status, const RawHeaders &headers,
                                    const QByteArray &body)
{
    ProviderError e = classify(ctx, status, fieldsOfBody(body), retryAfterMsFromHeaders(headers));
    if (headerValue(headers, "x-should-retry") == "false")
        e.shouldRetryHint = false;
    return e;
}

ProviderError redirectError(const QString &providerName, int status)
{
    return ProviderError::make(ProviderError::Protocol,
                               QStringLiteral("%1 answered with a redirect (HTTP %2); redirects are not followed, "
                                              "so check the provider's base URL").arg(providerName).arg(status),
                               status);
}

QString sanitizedProviderMessage(const QString &text, const QString &apiKey)
{
    QString out;
    out.reserve(qMin(text.size(), kMaxProviderMessage * 2));
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        const bool control = u < 0x20 || u == 0x7f || (u >= 0x80 && u < 0xa0)
            || c.category() == QChar::Other_Format || c.category() == QChar::Separator_Line
            || c.category() == QChar::Separator_Paragraph;
        out += control ? QChar(u' ') : c;
        if (out.size() > kMaxProviderMessage * 4)
            break; // enough to cut from
    }
    out = redactSecrets(out.simplified(), apiKey);
    if (out.size() > kMaxProviderMessage)
        out = out.left(kMaxProviderMessage - 1).trimmed() + QChar(0x2026);
    return out;
}

ProviderError errorFromStreamPayload(const ErrorContext &ctx, const QJsonObject &payload)
{
    const ErrorFields f = fieldsOf(payload);
    int status = 0;
    const QJsonValue code = payload.value(QLatin1String("error")).toObject().value(QLatin1String("code"));
    if (code.isDouble()) // OpenRouter puts the HTTP status there
        status = code.toInt();
    return classify(ctx, status, f, -1);
}

QString humanDelay(int ms)
{
    const int s = (ms + 999) / 1000;
    if (s < 120)
        return QStringLiteral("%1 s").arg(qMax(1, s));
    return QStringLiteral("%1 min").arg((s + 59) / 60);
}

} // namespace teehee
