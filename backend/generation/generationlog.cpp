// Generation's event log: every event a reply has sent, kept so that a
// subscriber who comes late or reconnects gets what it missed. Tokens are
// logged without the text so far; it is cut from the saver's text when
// asked for, so the log grows with the events, not with their square.
#include "generation/generation.h"

#include "generation/generationsaver.h"

#include <algorithm>

namespace teehee {

void Generation::publish(GenerationEvent e)
{
    Logged logged{e, m_saver->text().size(), m_saver->reasoning().size()};
    if (e.type == GenerationEvent::Type::Token || e.type == GenerationEvent::Type::Reasoning)
        logged.event.content.clear();
    m_log.append(std::move(logged));
    Q_EMIT event(e);
}

qsizetype Generation::indexAfter(qint64 afterSeq) const
{
    auto it = std::upper_bound(m_log.cbegin(), m_log.cend(), afterSeq,
                               [](qint64 seq, const Logged &l) { return seq < l.event.seq; });
    return it - m_log.cbegin();
}

GenerationEvent Generation::eventAt(qsizetype index, bool withContent) const
{
    const Logged &logged = m_log.at(index);
    GenerationEvent e = logged.event;
    if (withContent && e.type == GenerationEvent::Type::Token) {
        e.content = m_saver->text().left(logged.textEnd);
        ++m_contentsRebuilt;
    } else if (withContent && e.type == GenerationEvent::Type::Reasoning) {
        e.content = m_saver->reasoning().left(logged.reasoningEnd);
        ++m_contentsRebuilt;
    }
    return e;
}

QList<GenerationEvent> Generation::eventsAfter(qint64 afterSeq) const
{
    QList<GenerationEvent> out;
    for (qsizetype i = indexAfter(afterSeq); i < m_log.size(); ++i)
        out.append(eventAt(i));
    return out;
}

} // namespace teehee
