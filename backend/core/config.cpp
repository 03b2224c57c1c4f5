#include "core/config.h"

namespace teehee {

const QList<ConfigVariable> &configVariables()
{
    static const QList<ConfigVariable> vars{
        {"DATABASE_URL", "sqlite file in the data directory", "sqlite:///abs/path.db or postgresql://user:pass@host:5432/db"},
        {"SECRET_KEY", "generated once and kept", "key that signs access tokens (HS256)"},
        {"ENCRYPTION_KEY", "generated once and kept", "key that encrypts stored provider API keys"},
        {"ACCESS_TOKEN_EXPIRE_MINUTES", "30", "lifetime of an access token without a device (tokens made before devices)"},
        {"DEVICE_TOKEN_DAYS", "90", "a signed-in device's token lapses after this many days without use (each use renews it)"},
        {"CORS_ORIGINS", "[\"http://localhost:3000\", \"http://localhost:8080\"]", "allowed browser origins: JSON list or comma list"},
        {"APP_NAME", "Teehee", "name shown by /health and the API docs"},
        {"DEBUG", "false", "verbose logs; accepts the .env.example placeholder secrets"},
        {"OPENAI_API_KEY", "", "server-wide OpenAI key, used when a user has none"},
        {"ANTHROPIC_API_KEY", "", "server-wide Anthropic key, used when a user has none"},
        {"MISTRAL_API_KEY", "", "server-wide Mistral key, used when a user has none"},
        {"OPENAI_BASE_URL", "https://api.openai.com/v1", "OpenAI API base URL"},
        {"ANTHROPIC_BASE_URL", "https://api.anthropic.com", "Anthropic API base URL"},
        {"MISTRAL_BASE_URL", "https://api.mistral.ai/v1", "Mistral API base URL"},
        {"MAX_TOKENS", "4096", "default maximum tokens of a reply"},
        {"STREAM_TIMEOUT", "300", "overall limit of one reply, in seconds"},
        {"HOST", "127.0.0.1", "address the server listens on (0.0.0.0 for every interface)"},
        {"PORT", "8000", "port the server listens on"},
        {"TLS_CERT_FILE", "", "PEM certificate (chain) for HTTPS and WSS; needs TLS_KEY_FILE"},
        {"TLS_KEY_FILE", "", "PEM private key of TLS_CERT_FILE"},
        {"TLS", "off", "\"self-signed\": HTTPS and WSS with a certificate generated once and kept in the data directory"},
        {"ALLOW_SIGNUP", "true", "whether new accounts can sign up"},
        {"MAX_REQUEST_BYTES", "1048576", "largest accepted request body"},
        {"IMPORT_MAX_BYTES", "268435456", "largest document POST /import accepts (instead of MAX_REQUEST_BYTES)"},
        {"MAX_MESSAGE_BYTES", "1000000", "largest accepted message text"},
        {"ATTACHMENT_MAX_BYTES", "20971520", "largest uploaded attachment (POST /attachments), in bytes"},
        {"MAX_CONNECTIONS", "4096", "open client connections in all; more are answered 503"},
        {"MAX_CONNECTIONS_PER_ADDRESS", "128", "open connections from one client address; more are answered 503"},
        {"OIDC_ISSUER", "", "OpenID Connect issuer for provider \"oidc\" single sign-on"},
        {"OIDC_CLIENT_ID", "", "audience expected in OIDC ID tokens"},
        {"GOOGLE_CLIENT_ID", "", "audience expected in Google ID tokens"},
        {"GOOGLE_ISSUER", "https://accounts.google.com", "issuer for Google single sign-on"},
        {"TEEHEE_DATA_DIR", "the user's data directory", "where the default database and the secrets file live"},
        {"TEEHEE_SERVER_ID", "generated once and kept in the data directory",
         "names this process among servers that share one PostgreSQL database; each needs its own"},
        {"TRUSTED_PROXIES", "",
         "comma list of CIDRs of reverse proxies (e.g. 127.0.0.1/32 behind nginx or Caddy); only from these is X-Forwarded-For believed"},
        {"ALLOW_PRIVATE_ENDPOINTS", "false",
         "whether users' custom endpoints may be on loopback, private or link-local addresses"},
        {"ALLOWED_ENDPOINT_HOSTS", "", "comma list of host names and CIDRs users' custom endpoints may reach even if private"},
        {"MAX_GENERATIONS_PER_USER", "8", "replies one user may have running at once"},
        {"MAX_REPLY_BYTES", "4194304", "largest reply, in bytes: past it the reply ends as an error, its text kept"},
        {"AUTO_TITLES", "true", "whether a chat still called \"New Chat\" is named after its first reply"},
        {"TITLE_PROVIDER", "", "provider asked for chat titles; empty: the provider of the reply"},
        {"TITLE_MODEL", "", "model asked for chat titles; empty: the model of the reply (or the title provider's default)"},
        {"ALLOW_STDIO_TOOLS", "false", "whether accounts may add MCP tool servers that run a program on this machine (stdio)"},
        {"TOOL_APPROVAL_TIMEOUT", "300", "seconds a tool call waits for approval before it counts as denied"},
        {"MAX_TOOL_ROUNDS", "8", "tool rounds (call, result, continue) one reply may take"},
        {"PRICES_FILE", "", "JSON file of prices per model (USD per million tokens) over the built-in, dated table; a reply's cost_usd comes from it"},
    };
    return vars;
}

} // namespace teehee
