#pragma once

#include <QString>

namespace teehee {

// Makes "partial answer + continuation" one seamless text.
//
// Providers continue a partial answer in different ways: Mistral echoes the
// prefix before the new text; a model asked in a new user turn to "continue"
// may repeat the last words; a prefill continuation may start with the space
// that was trimmed from the prefix. The joiner holds back the first deltas
// just long enough to tell, then passes everything through unchanged.
// Pure: no I/O.
class ContinuationJoiner {
public:
    struct Options {
        bool mayEcho = false;       // the reply may start with the whole partial text
        bool mayRepeatTail = false; // the reply may repeat the end of the partial text
    };

    ContinuationJoiner() = default; // pass-through
    ContinuationJoiner(QString partial, Options options);

    // The text to show for a new delta (empty while still deciding).
    QString push(const QString &delta);
    // The stream ended: whatever is still held back.
    QString finish();

    bool isDeciding() const { return !m_decided; }

private:
    bool tryDecide(bool final);

    QString m_partial;
    Options m_options;
    QString m_held;
    bool m_decided = true;
    bool m_echoRuledOut = false;
};

} // namespace teehee
