// A TCP proxy between the browser and teehee-server: the page is loaded through it, so a
// scenario can cut the network the way a phone loses it. setOffline(true) closes every open
// connection (HTTP and WebSocket) and refuses new ones until setOffline(false).

import net from 'node:net';

export class NetProxy {
    constructor(targetOrigin) {
        const u = new URL(targetOrigin);
        this.scheme = u.protocol; // bytes pass through: TLS ends at the target
        this.targetHost = u.hostname;
        this.targetPort = Number(u.port);
        this.offline = false;
        this.pairs = new Set();
        this.server = net.createServer((client) => this.accept(client));
    }

    accept(client) {
        if (this.offline) {
            client.destroy();
            return;
        }
        const upstream = net.connect(this.targetPort, this.targetHost);
        const pair = { client, upstream };
        this.pairs.add(pair);
        const close = () => {
            client.destroy();
            upstream.destroy();
            this.pairs.delete(pair);
        };
        client.on('error', close);
        upstream.on('error', close);
        client.on('close', close);
        upstream.on('close', close);
        client.pipe(upstream);
        upstream.pipe(client);
    }

    async start() {
        await new Promise((resolve) => this.server.listen(0, '127.0.0.1', resolve));
        this.origin = `${this.scheme}//127.0.0.1:${this.server.address().port}`;
        return this;
    }

    setOffline(offline) {
        this.offline = offline;
        if (offline) {
            for (const { client, upstream } of this.pairs) {
                client.destroy();
                upstream.destroy();
            }
            this.pairs.clear();
        }
    }

    async stop() {
        this.setOffline(true);
        await new Promise((resolve) => this.server.close(resolve));
    }
}
