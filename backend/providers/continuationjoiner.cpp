#include "providers/continuationjoiner.h"

namespace teehee {

namespace {

constexpr qsizetype kTailWindow = 200; // how far back a repeated tail is looked for
constexpr qsizetype kMinOverlap = 3;   // shorter repeats are too likely to be real text
constexpr qsizetype kAnywhereOverlap = 12; // this long a repeat is one even mid-word

qsizetype leadingSpaces(const QString &s)
{
    qsizetype n = 0;
    while (n < s.size() && s.at(n).isSpace())
        ++n;
    return n;
}

qsizetype trailingSpaces(const QString &s)
{
    qsizetype n = 0;
    while (n < s.size() && s.at(s.size() - 1 - n).isSpace())
        ++n;
    return n;
}

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_');
}

} // namespace

ContinuationJoiner::ContinuationJoiner(QString partial, Options options)
    : m_partial(std::move(partial))
    , m_options(options)
    , m_decided(m_partial.isEmpty())
{
}

QString ContinuationJoiner::push(const QString &delta)
{
    if (m_decided)
        return delta;
    m_held += delta;
    if (!tryDecide(false))
        return {};
    return std::exchange(m_held, QString());
}

QString ContinuationJoiner::finish()
{
    if (m_decided)
        return {};
    tryDecide(true);
    return std::exchange(m_held, QString());
}

bool ContinuationJoiner::tryDecide(bool final)
{
    QString text = m_held;
    bool echoStripped = false;

    if (m_options.mayEcho && !m_echoRuledOut) {
        if (text.startsWith(m_partial)) {
            text.remove(0, m_partial.size());
            echoStripped = true;
        } else if (m_partial.startsWith(text)) {
            if (!final)
                return false; // could still become the whole echo
            text.clear();     // a truncated echo carries no new text
            echoStripped = true;
        } else {
            m_echoRuledOut = true;
        }
    }

    if (m_options.mayRepeatTail && !echoStripped) {
        const QString window = m_partial.right(kTailWindow);
        // While the reply so far also occurs in the tail, a longer repeat is possible.
        if (!final && text.size() < window.size() && window.contains(text))
            return false;
        for (qsizetype k = qMin(text.size(), window.size()); k >= kMinOverlap; --k) {
            if (!window.endsWith(QStringView(text).first(k)))
                continue;
            const qsizetype start = m_partial.size() - k;
            const bool atWordStart = start == 0 || !isWordChar(m_partial.at(start - 1)) || !isWordChar(text.at(0));
            if (k >= kAnywhereOverlap || atWordStart) {
                text.remove(0, k);
                break;
            }
        }
    }

    // Whitespace at the seam: the partial may end with a space the reply repeats.
    const qsizetype tail = trailingSpaces(m_partial);
    if (tail > 0) {
        const qsizetype lead = leadingSpaces(text);
        if (lead == text.size() && !final)
            return false; // only spaces so far: wait for the first real character
        const QString partialWs = m_partial.right(tail);
        const QString replyWs = text.left(lead);
        if (replyWs.startsWith(partialWs))
            text.remove(0, partialWs.size());
        else if (partialWs.startsWith(replyWs))
            text.remove(0, lead);
    }

    m_held = text;
    m_decided = true;
    return true;
}

} // namespace teehee
