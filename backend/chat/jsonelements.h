#pragma once

#include <QByteArrayView>
#include <QList>
#include <QString>
#include <optional>

namespace teehee::jsonelements {

// Where the elements of a large JSON array are, found without parsing them,
// so each can be parsed (and dropped) on its own: a 50 MB import never
// becomes one document tree. Only the structure is checked (strings,
// brackets, commas); each element is left to a strict parser. `at` is the
// offset of the '['; the views point into `text`. nullopt: not a well-formed
// array (`error` says where).
std::optional<QList<QByteArrayView>> arrayElements(QByteArrayView text, qsizetype at, QString *error);

// The members of the top-level object: name (raw, as written between the
// quotes) and value, for finding one large member without parsing the others.
struct Member {
    QByteArrayView name;
    QByteArrayView value;
};
std::optional<QList<Member>> objectMembers(QByteArrayView text, QString *error);

} // namespace teehee::jsonelements
