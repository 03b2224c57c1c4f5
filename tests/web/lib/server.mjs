// Starts a real teehee-server on a free loopback port with a fresh SQLite file in a temp dir,
// its providers pointed at the fake provider; stops it and removes the dir.

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

// Every variable the server reads (teehee-server --help): none may leak in from the caller.
export const CONFIG_VARIABLES = [
    'DATABASE_URL', 'SECRET_KEY', 'ENCRYPTION_KEY', 'ACCESS_TOKEN_EXPIRE_MINUTES', 'CORS_ORIGINS', 'APP_NAME', 'DEBUG',
    'OPENAI_API_KEY', 'ANTHROPIC_API_KEY', 'MISTRAL_API_KEY', 'OPENAI_BASE_URL', 'ANTHROPIC_BASE_URL', 'MISTRAL_BASE_URL',
    'MAX_TOKENS', 'STREAM_TIMEOUT', 'HOST', 'PORT', 'ALLOW_SIGNUP', 'MAX_REQUEST_BYTES', 'MAX_MESSAGE_BYTES',
    'MAX_CONNECTIONS', 'MAX_CONNECTIONS_PER_ADDRESS', 'OIDC_ISSUER', 'OIDC_CLIENT_ID', 'GOOGLE_CLIENT_ID', 'GOOGLE_ISSUER',
    'TEEHEE_DATA_DIR', 'TEEHEE_SERVER_ID', 'TRUSTED_PROXIES', 'ALLOW_PRIVATE_ENDPOINTS', 'ALLOWED_ENDPOINT_HOSTS',
    'MAX_GENERATIONS_PER_USER', 'MAX_REPLY_BYTES', 'AUTO_TITLES', 'TITLE_PROVIDER', 'TITLE_MODEL', 'PRICES_FILE',
    'ALLOW_STDIO_TOOLS', 'TOOL_APPROVAL_TIMEOUT', 'MAX_TOOL_ROUNDS',
];

// `prices`: a price table (PRICES_FILE's shape) the server costs replies with.
export async function startServer({ binary, providerOrigin, prices = null, extraEnv = {}, verbose = false }) {
    const dir = mkdtempSync(join(tmpdir(), 'teehee-web-'));
    if (prices) {
        writeFileSync(join(dir, 'prices.json'), JSON.stringify(prices));
        extraEnv = { PRICES_FILE: join(dir, 'prices.json'), ...extraEnv };
    }
    const env = { ...process.env };
    for (const name of CONFIG_VARIABLES)
        delete env[name];
    Object.assign(env, {
        TEEHEE_DATA_DIR: join(dir, 'data'),
        DATABASE_URL: `sqlite://${join(dir, 'teehee.db')}`,
        SECRET_KEY: randomBytes(32).toString('hex'),
        ENCRYPTION_KEY: randomBytes(32).toString('hex'),
        ACCESS_TOKEN_EXPIRE_MINUTES: '600',
        HOST: '127.0.0.1',
        // Every provider leads to the fake: nothing may reach the internet.
        OPENAI_BASE_URL: `${providerOrigin}/v1`,
        ANTHROPIC_BASE_URL: `${providerOrigin}/anthropic`,
        MISTRAL_BASE_URL: `${providerOrigin}/mistral/v1`,
        // No keychain: the secrets above are given.
        DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent',
        ...extraEnv,
    });
    const child = spawn(binary, ['--port', '0'], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (data) => {
        output += data.toString();
        if (verbose)
            process.stderr.write(`[server] ${data}`);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);

    const origin = await new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`teehee-server did not say "listening on" within 30 s:\n${output}`)), 30000);
        const look = () => {
            const m = output.match(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
            if (m) {
                clearTimeout(timer);
                resolve(m[1]);
            }
        };
        child.stdout.on('data', look);
        child.on('exit', (code) => {
            clearTimeout(timer);
            reject(new Error(`teehee-server exited with ${code} before listening:\n${output}`));
        });
    });

    return {
        origin,
        dir,
        output: () => output,
        async stop() {
            if (child.exitCode === null) {
                const exited = new Promise((resolve) => child.once('exit', resolve));
                child.kill('SIGTERM');
                const timer = setTimeout(() => child.kill('SIGKILL'), 10000);
                await exited;
                clearTimeout(timer);
            }
            rmSync(dir, { recursive: true, force: true });
        },
    };
}
