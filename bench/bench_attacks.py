#!/usr/bin/env python3
"""Runs the attacks of the security review against a teehee-server binary on
loopback and prints what they cost it:

  - server RSS while 4 connections try to send 150 MB each past the body limit
    with framing tricks (fake upgrade headers, duplicate Content-Length,
    duplicate Transfer-Encoding);
  - how many of 100 slowloris connections (each first sends a request with
    `Connection: upgrade`, then a head that never ends) are still open at 35 s;
  - how many of 150 parallel wrong sign-ins for one account have their password
    evaluated (401) rather than refused up front (429).

Usage: bench/bench_attacks.py BUILD_DIR/app/teehee-server [PORT]
Everything runs on 127.0.0.1 with a throw-away data directory."""
import http.client
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time

BODY_MB = 150


def start(binary, port, data_dir):
    env = dict(os.environ, TEEHEE_DATA_DIR=data_dir, SECRET_KEY="s" * 48, ENCRYPTION_KEY="e" * 48,
               HOST="127.0.0.1", PORT=str(port), ALLOW_SIGNUP="true", MAX_CONNECTIONS_PER_ADDRESS="1000")
    server = subprocess.Popen([binary], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(200):
        try:
            socket.create_connection(("127.0.0.1", port), 0.2).close()
            return server
        except OSError:
            time.sleep(0.05)
    server.kill()
    sys.exit("the server did not start")


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS"):
                return int(line.split()[1]) // 1024
    return -1


SMUGGLING_HEADS = [
    b"POST /auth/signin HTTP/1.1\r\nHost: x\r\nConnection: upgrade\r\nContent-Length: 2147483648\r\n\r\n",
    b"POST /auth/signin HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nContent-Length: 2147483648\r\n\r\n",
    b"POST /auth/signin HTTP/1.1\r\nHost: x\r\nContent-Length: 157286400\r\nContent-Length: 2\r\n\r\n",
    b"POST /auth/signin HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: identity\r\n\r\n",
]


def smuggle(port, head, held):
    s = socket.create_connection(("127.0.0.1", port))
    chunked = b"chunked" in head
    piece = (b"%x\r\n" % 65536) + b"a" * 65536 + b"\r\n" if chunked else b"a" * 65536
    sent = 0
    try:
        s.sendall(head)
        while sent < BODY_MB * 1024 * 1024:
            s.sendall(piece)
            sent += len(piece)
    except OSError:
        pass  # the server refused and closed
    held.append(s)


def memory_under_smuggling(port, pid):
    before = rss_mb(pid)
    held = []
    threads = [threading.Thread(target=smuggle, args=(port, head, held)) for head in SMUGGLING_HEADS]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    time.sleep(1)
    after = rss_mb(pid)
    for s in held:
        s.close()
    print(f"server RSS: {before} MB before, {after} MB with 4 x {BODY_MB} MB smuggling attempts still connected")


def slowloris(port, count=100, seconds=35):
    sockets = []
    for _ in range(count):
        s = socket.create_connection(("127.0.0.1", port))
        s.sendall(b"GET /health HTTP/1.1\r\nHost: x\r\nConnection: upgrade\r\n\r\n")
        s.recv(4096)
        s.sendall(b"GET /health HTTP/1.1\r\nHost: x\r\n")
        sockets.append(s)
    started = time.time()
    while time.time() - started < seconds:
        for s in sockets:
            try:
                s.sendall(b"X-Slow: 1\r\n")
            except OSError:
                pass
        time.sleep(5)
    still_open = 0
    for s in sockets:
        s.setblocking(False)
        try:
            data = s.recv(4096)
            still_open += bool(data) and b" 408 " not in data
        except BlockingIOError:
            still_open += 1
        except OSError:
            pass
        s.close()
    print(f"slowloris: {still_open} of {count} connections still open at {seconds} s")


def post(port, path, body):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
    c.request("POST", path, json.dumps(body), {"Content-Type": "application/json"})
    r = c.getresponse()
    r.read()
    return r.status


def guess_burst(port, count=150):
    post(port, "/auth/signup", {"email": "owner@example.com", "password": "correct horse battery staple"})
    statuses, lock = [], threading.Lock()

    def guess(i):
        status = post(port, "/auth/signin", {"email": "owner@example.com", "password": f"wrong-{i}"})
        with lock:
            statuses.append(status)

    threads = [threading.Thread(target=guess, args=(i,)) for i in range(count)]
    started = time.time()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(f"sign-in burst: {statuses.count(401)} of {count} guesses evaluated, {statuses.count(429)} refused "
          f"up front, in {time.time() - started:.1f} s")


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    binary = sys.argv[1]
    port = int(sys.argv[2]) if len(sys.argv) > 2 else 18777
    with tempfile.TemporaryDirectory() as data_dir:
        server = start(binary, port, data_dir)
        try:
            memory_under_smuggling(port, server.pid)
            slowloris(port)
            guess_burst(port)
        finally:
            server.terminate()
            server.wait()


if __name__ == "__main__":
    main()
