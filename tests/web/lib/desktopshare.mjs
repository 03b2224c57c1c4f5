// The desktop app's share (teehee-webshare: a LocalChatClient with sharing on, TLS with its
// self-signed certificate) in place of teehee-server, for run.mjs --desktop-share. The host
// speaks in lines on stdout/stdin (tests/web/sharehost/webshare_main.cpp); this is its handle:
// the origin, the certificate's fingerprint, invitations, and the owner's Approve.

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import https from 'node:https';
import { CONFIG_VARIABLES } from './server.mjs';

export async function startDesktopShare({ binary, providerOrigin, ownerKey, verbose = false }) {
    const dir = mkdtempSync(join(tmpdir(), 'teehee-share-'));
    const env = { ...process.env };
    for (const name of CONFIG_VARIABLES)
        delete env[name];
    Object.assign(env, {
        TEEHEE_DATA_DIR: join(dir, 'data'),
        XDG_CONFIG_HOME: join(dir, 'config'), // no teehee.env of the person running the tests
        SECRET_KEY: randomBytes(32).toString('hex'),
        ENCRYPTION_KEY: randomBytes(32).toString('hex'),
        OPENAI_BASE_URL: `${providerOrigin}/v1`,
        ANTHROPIC_BASE_URL: `${providerOrigin}/anthropic`,
        MISTRAL_BASE_URL: `${providerOrigin}/mistral/v1`,
        TEEHEE_OWNER_OPENAI_KEY: ownerKey,
        // No keychain, and no announcement on the real network.
        DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent',
        DBUS_SYSTEM_BUS_ADDRESS: 'unix:path=/nonexistent',
        QT_QPA_PLATFORM: 'offscreen',
    });
    const child = spawn(binary, [], { cwd: dir, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    let pending = '';
    const lines = [];
    const waiters = [];
    const hear = (line) => {
        lines.push(line);
        for (const w of [...waiters]) {
            const m = line.match(w.pattern);
            if (m) {
                waiters.splice(waiters.indexOf(w), 1);
                w.resolve(m);
            }
        }
    };
    child.stdout.on('data', (data) => {
        output += data.toString();
        pending += data.toString();
        let end;
        while ((end = pending.indexOf('\n')) >= 0) {
            hear(pending.slice(0, end).trim());
            pending = pending.slice(end + 1);
        }
    });
    child.stderr.on('data', (data) => {
        output += data.toString();
        if (verbose)
            process.stderr.write(`[share] ${data}`);
    });
    // The next line matching `pattern` (or one heard already, from `from` on).
    const expect = (pattern, what, { from = lines.length, timeout = 30000 } = {}) => {
        const earlier = lines.slice(from).map((l) => l.match(pattern)).find(Boolean);
        if (earlier)
            return Promise.resolve(earlier);
        if (child.exitCode !== null)
            return Promise.reject(new Error(`the desktop share has exited (${child.exitCode}):\n${output.slice(-2000)}`));
        return new Promise((resolve, reject) => {
            const timer = setTimeout(() => {
                waiters.splice(waiters.indexOf(w), 1);
                reject(new Error(`the desktop share did not say ${what} within ${timeout / 1000} s:\n${output.slice(-2000)}`));
            }, timeout);
            const w = {
                pattern,
                resolve: (m) => { clearTimeout(timer); resolve(m); },
                reject: (e) => { clearTimeout(timer); reject(e); },
            };
            waiters.push(w);
        });
    };
    child.on('exit', (code) => {
        for (const w of waiters.splice(0))
            w.reject(new Error(`the desktop share exited with ${code}:\n${output.slice(-2000)}`));
    });
    const send = (line) => child.stdin.write(`${line}\n`);

    const [, origin, fingerprint] = await expect(/^share (https:\/\/127\.0\.0\.1:\d+) ([0-9a-f]{64})$/, '"share <origin> <fingerprint>"');
    let invitation = (await expect(/^pairing-url (\S+)$/, 'its first pairing URL', { from: 0 }))[1];

    return {
        origin,
        fingerprint,
        dir,
        output: () => output,
        // The QR code's URL for this origin: the same code and fingerprint, the host the test reaches.
        async pairingUrl(viaOrigin = origin) {
            if (!invitation)
                await this.newInvitation();
            const url = new URL(invitation);
            invitation = null; // single-use: the next call asks for a fresh one
            return `${viaOrigin}/${url.hash}`;
        },
        async newInvitation() {
            const from = lines.length;
            send('invite');
            invitation = (await expect(/^pairing-url (\S+)$/, 'a new pairing URL', { from }))[1];
        },
        // The request with this number, as the desktop lists it: { verification, deviceName }.
        async request(verification) {
            const m = await expect(new RegExp(`^request (${verification}) (.*)$`), `a request showing ${verification}`, { from: 0 });
            return { verification: m[1], deviceName: m[2] };
        },
        // What the owner's Approve button does after comparing the numbers.
        async approve(verification) {
            const from = lines.length;
            send(`approve ${verification}`);
            const m = await expect(/^(approved \d{6}|error .*)$/, `"approved ${verification}"`, { from });
            if (!m[1].startsWith('approved'))
                throw new Error(`the desktop share refused to approve ${verification}: ${m[1]}`);
        },
        // An account for another person, as the owner makes it in the Sharing panel.
        async makeAccount(name, password) {
            const from = lines.length;
            send(`account ${password} ${name}`);
            const m = await expect(/^(account-made .*|error .*)$/, `"account-made ${name}"`, { from });
            if (!m[1].startsWith('account-made'))
                throw new Error(`the desktop share made no account for ${name}: ${m[1]}`);
        },
        // The owner's switch "Let other people use my … key".
        async shareKey(provider) {
            const from = lines.length;
            send(`share-key ${provider}`);
            const m = await expect(/^(key-shared .*|error .*)$/, `"key-shared ${provider}"`, { from });
            if (!m[1].startsWith('key-shared'))
                throw new Error(`the desktop share did not share its ${provider} key: ${m[1]}`);
        },
        async stop() {
            if (child.exitCode === null) {
                const exited = new Promise((resolve) => child.once('exit', resolve));
                child.stdin.end(); // end of input: the host quits, closing its share
                const timer = setTimeout(() => child.kill('SIGKILL'), 10000);
                await exited;
                clearTimeout(timer);
            }
            rmSync(dir, { recursive: true, force: true });
        },
    };
}

// GET over TLS trusting only the certificate with this SHA-256 fingerprint (hex), as the
// phone trusts the one in the QR code: { status, type, body }.
export function pinnedGet(url, fingerprintHex) {
    return new Promise((resolve, reject) => {
        const req = https.get(url, { rejectUnauthorized: false }, (res) => {
            const seen = (res.socket.getPeerCertificate()?.fingerprint256 ?? '').replace(/:/g, '').toLowerCase();
            if (seen !== fingerprintHex) {
                res.destroy();
                reject(new Error(`the share's certificate ${seen} is not the pinned ${fingerprintHex}`));
                return;
            }
            let body = '';
            res.on('data', (d) => { body += d; });
            res.on('end', () => resolve({ status: res.statusCode, type: res.headers['content-type'] ?? '', body }));
        });
        req.on('error', reject);
    });
}
