// A small client of the REST API (api.md), for setting up accounts and checking what the
// server stored. The browser never uses it: scenarios act through the page.

import http from 'node:http';

const agents = new Map();
function agentFor(localAddress) {
    if (!agents.has(localAddress))
        agents.set(localAddress, new http.Agent({ keepAlive: true, localAddress }));
    return agents.get(localAddress);
}

function send(url, { method, headers, body, localAddress }) {
    return new Promise((resolve, reject) => {
        const req = http.request(url, { method, headers, agent: agentFor(localAddress) }, (res) => {
            const chunks = [];
            res.on('data', (c) => chunks.push(c));
            res.on('end', () => resolve({ status: res.statusCode, text: Buffer.concat(chunks).toString('utf8') }));
            res.on('error', reject);
        });
        req.on('error', reject);
        req.end(body);
    });
}

export class Api {
    // localAddress: the loopback address requests come from (the server limits sign-ups per
    // client address, and a test run creates more accounts than one person would).
    constructor(origin, token = null, localAddress = '127.0.0.1') {
        this.origin = origin;
        this.token = token;
        this.localAddress = localAddress;
    }

    async request(method, path, body, { expect } = {}) {
        const headers = { accept: 'application/json' };
        if (this.token)
            headers.authorization = `Bearer ${this.token}`;
        if (body !== undefined)
            headers['content-type'] = 'application/json';
        const res = await send(this.origin + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), localAddress: this.localAddress });
        const text = res.text;
        let json = null;
        try {
            json = text ? JSON.parse(text) : null;
        } catch { /* not JSON: kept as text below */ }
        const ok = expect ? [].concat(expect).includes(res.status) : res.status >= 200 && res.status < 300;
        if (!ok)
            throw new Error(`${method} ${path} answered ${res.status}: ${text.slice(0, 300)}`);
        return json ?? text;
    }

    get(path) { return this.request('GET', path); }
    post(path, body) { return this.request('POST', path, body); }
    patch(path, body) { return this.request('PATCH', path, body); }
    delete(path) { return this.request('DELETE', path); }

    // Creates an account and keeps its token.
    async signUp(email, password) {
        const r = await this.post('/auth/signup', { email, password });
        this.token = r.access_token;
        return this;
    }

    async signIn(email, password) {
        const r = await this.post('/auth/signin', { email, password });
        this.token = r.access_token;
        return this;
    }

    addKey(providerName, apiKey) {
        return this.post('/user/keys', { provider_name: providerName, api_key: apiKey });
    }

    chats() { return this.get('/chats'); }
    chat(id) { return this.get(`/chats/${id}`); }

    // The messages on the active path of a chat, root first.
    async activePath(chatId) {
        const chat = await this.chat(chatId);
        const byId = new Map(chat.messages.map((m) => [m.id, m]));
        return chat.current_path.map((id) => byId.get(id));
    }
}

let counter = 0;
// A fresh account with an OpenAI key (the fake's) for a scenario.
export async function newAccount(origin, providerKey, label = 'user') {
    counter += 1;
    const email = `${label}-${process.pid}-${counter}-${Date.now() % 100000}@example.com`;
    const password = `pw-${Math.random().toString(36).slice(2)}-Secret!`;
    // Each account from its own loopback address, as if from its own device.
    const api = await new Api(origin, null, `127.0.${1 + Math.floor(counter / 250) % 250}.${1 + counter % 250}`).signUp(email, password);
    await api.addKey('openai', providerKey);
    return { email, password, api };
}
