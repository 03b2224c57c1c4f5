#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QObject>
#include <QSocketNotifier>
#include <QString>

namespace teehee {

// A connected TCP socket read and written with plain system calls. A stream's
// body is mostly small reads, one per token; through QTcpSocket each costs a
// size query (a second system call), a copy into its buffer and another out
// of it, and a signal. Here it is one recv into a buffer the caller parses.
//
// It works on a duplicate of the descriptor it adopts, so the socket that made
// the connection (QTcpSocket, with its lookup and timeouts) can be dropped.
// Writes go out in order; what the kernel does not take at once waits for the
// socket to become writable.
//
// The receiver hears every byte read and then exactly one closed(). close()
// ends it without a word, at once, and may be called from inside the
// receiver; release the object with deleteLater() in that case.
class RawTcpConnection : public QObject {
    Q_OBJECT
public:
    class Receiver {
    public:
        virtual ~Receiver() = default;
        // Valid only during the call.
        virtual void received(QByteArrayView bytes) = 0;
        // An empty error: the peer ended the stream, with a FIN or, as
        // QTcpSocket reports it too, a reset; whether the data was complete decides.
        virtual void closed(const QString &error) = 0;
    };

    // Null with `*error` set when the descriptor cannot be duplicated.
    static RawTcpConnection *adopt(qintptr descriptor, Receiver &receiver, QString *error, QObject *parent = nullptr);
    ~RawTcpConnection() override;

    void write(QByteArrayView bytes);
    void close();
    bool isOpen() const { return m_fd >= 0; }

    // Null parks the connection between requests: nothing is read and nobody
    // is told; isReusable() then says whether the peer has kept it.
    void setReceiver(Receiver *receiver);
    // Open, nothing left to send, and the peer neither closed it nor sent
    // anything meanwhile (a parked connection only).
    bool isReusable() const;

private:
    RawTcpConnection(int fd, Receiver *receiver, QObject *parent);
    void onReadable();
    void onWritable();
    bool flush(); // false once the connection failed
    void end(const QString &error);

    int m_fd;
    Receiver *m_receiver;
    QSocketNotifier m_readable;
    QSocketNotifier m_writable;
    QByteArray m_outgoing; // bytes the kernel has not taken yet, from m_sent on
    qsizetype m_sent = 0;
    QByteArray m_buffer;   // reused for every read
};

} // namespace teehee
