#include "api/openapi.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace teehee {
namespace {

// One operation of shared/spec/api.md. `body` lists the JSON fields of the
// request ("name?" = optional); `status` is the success status.
struct Operation {
    const char *method;
    const char *path;
    const char *tag;
    const char *summary;
    bool auth;
    QStringList body;
    int status;
    QStringList query = {};   // query parameters ("name?" = optional)
};

const QList<Operation> &operations()
{
    static const QList<Operation> ops{
        {"post", "/auth/signup", "auth", "Create an account; returns an access token of a new device (named device_name, else after the User-Agent) (403 when sign-up is disabled, 409 email taken, 429 with Retry-After after too many sign-ups from this address or when the password queue is full)", false, {"email", "password", "device_name?"}, 201},
        {"post", "/auth/signin", "auth", "Sign in with email and password: a new device (named device_name, else after the User-Agent) and its token, valid while the device is used within DEVICE_TOKEN_DAYS (429 with Retry-After: after 5 failures an account's guesses wait longer each time, an address is refused after 20 failures in 15 min; 422 for a password over 4096 bytes)", false, {"email", "password", "device_name?"}, 200},
        {"post", "/auth/sso", "auth", "Sign in with an OpenID Connect ID token (provider google or oidc; 403 when its e-mail is that of a password account and not verified); a new device, as for sign-in", false, {"provider", "id_token?", "token?", "device_name?"}, 200},
        {"post", "/auth/google-sso", "auth", "Sign in with a Google ID token", false, {"token", "device_name?"}, 200},
        {"get", "/auth/session", "auth", "The signed-in user: {id, email, sso_id, created_at}", true, {}, 200},
        {"post", "/auth/logout", "auth", "Sign this device out (every token of it; a token made before devices: that token)", true, {}, 200},
        {"get", "/user/keys", "keys", "Your provider API keys, masked", true, {}, 200},
        {"post", "/user/keys", "keys", "Store a provider API key (encrypted at rest); custom endpoints take base_url and label (422 for control characters, a base_url with query, fragment or user-info, or on a private network this server does not allow). replace: true puts it in the place of the provider's key (or the endpoint of that label) in one transaction instead of 409", true, {"provider_name", "api_key", "base_url?", "label?", "replace?"}, 201},
        {"delete", "/user/keys/{key_id}", "keys", "Delete one of your keys", true, {}, 200},
        {"get", "/chats", "chats", "Your chats, most recently active first", true, {}, 200},
        {"post", "/chats", "chats", "Create a chat", true, {"name?", "system_prompt?"}, 201},
        {"get", "/chats/{chat_id}", "chats", "A chat with all its messages and the current path", true, {}, 200},
        {"patch", "/chats/{chat_id}", "chats", "Rename a chat, change its system prompt, or its settings every device shares: provider, model (null clears) and options (replaced as a whole; 422 for an unknown option or one out of range)", true, {"name?", "system_prompt?", "provider?", "model?", "options?"}, 200},
        {"delete", "/chats/{chat_id}", "chats", "Delete a chat and its messages", true, {}, 200},
        {"post", "/chats/{chat_id}/branch", "chats", "Fork the path up to a message into a new chat", true, {"base_message_id"}, 201},
        {"get", "/chats/{chat_id}/messages", "messages", "Every message of the chat, oldest first", true, {}, 200},
        {"post", "/chats/{chat_id}/messages", "messages", "Add a message (parent_message_id absent: append to the active branch; null: new root). A user message may carry attachments: ids from POST /attachments, kept as content.attachments [{id, name, mime_type, size}]", true, {"role", "content", "parent_message_id?", "attachments?"}, 201},
        {"patch", "/messages/{message_id}", "messages", "Edit a message in place (409 while streaming)", true, {"content"}, 200},
        {"delete", "/messages/{message_id}", "messages", "Soft-delete a message", true, {}, 200},
        {"patch", "/chats/messages/{message_id}", "messages", "Alias of PATCH /messages/{message_id}", true, {"content"}, 200},
        {"delete", "/chats/messages/{message_id}", "messages", "Alias of DELETE /messages/{message_id}", true, {}, 200},
        {"get", "/search", "messages", "Full-text search of your messages (not deleted ones) and chat names: every word must match, the last also as a prefix; case- and accent-insensitive; Chinese and Japanese found inside sentences. {results: [{chat_id, chat_name, message_id (null for a chat name), role, snippet (plain text, at most 200 characters), timestamp}], next_cursor (null on the last page)}, best matches first, newest first among equals. limit 1-100 (default 20). 422 for an empty q, a bad limit or cursor; 404 for a chat_id that is not yours", true, {}, 200, {"q", "limit?", "cursor?", "chat_id?"}},
        {"get", "/chats/{chat_id}/export", "export", "Download a chat (?format=json: a lossless teehee.chat.v1 document with every branch and current_path; ?format=markdown: the active path, text/markdown)", true, {}, 200},
        {"get", "/export", "export", "Download every chat as one teehee.export.v1 document {format, exported_at, chats: [teehee.chat.v1, ...]}, streamed", true, {}, 200},
        {"post", "/import", "export", "Import a teehee.chat.v1 or teehee.export.v1 document, or a ChatGPT conversations.json (branches and current_node kept; hidden system and tool nodes left out): 201 {imported, skipped, chat_ids}. A conversation imported before is skipped; a malformed document is 422 naming the fault and stores nothing. Body up to IMPORT_MAX_BYTES", true, {}, 201},
        {"post", "/chats/{chat_id}/active", "messages", "Make the branch through a message the active one", true, {"message_id"}, 200},
        {"post", "/stream/{message_id}/abort", "streaming", "Abort the stream of a message or its chat (404 for an unknown id or another user's)", true, {}, 200},
        {"get", "/usage", "usage", "What your replies used and cost: {from, to, totals: {input_tokens, output_tokens, cost_usd?}, groups: [{key, input_tokens, output_tokens, cost_usd?, replies, name? (chat), provider? (model)}], prices: {as_of, source}}. Query: from, to (YYYY-MM-DD, inclusive; default the last 30 days), group_by=day|model|chat. cost_usd is absent when no price is known", true, {}, 200},
        {"post", "/stream/{message_id}/regenerate", "streaming", "Another reply to the same question: a new sibling of that assistant message (SSE with Accept: text/event-stream, else JSON when it ends). Without provider/model: the chat's", true, {"provider?", "model?", "key_id?", "options?", "tools?"}, 200},
        {"post", "/stream/{message_id}/continue", "streaming", "Continue a partial or empty assistant message (SSE with Accept: text/event-stream). Without provider/model: the chat's; with them, they become the chat's. options: for this reply only", true, {"provider?", "model?", "parent_message_id?", "key_id?", "options?", "tools?"}, 200},
        {"post", "/chats/{chat_id}/stream", "streaming", "Stream a reply as Server-Sent Events (429 when MAX_GENERATIONS_PER_USER replies are running). parent_message_id absent: the active branch; null: a new root. Without provider/model: the chat's; with them, they become the chat's. options: for this reply only. attachments: ids from POST /attachments; a model that takes no images answers stream_error (error_reason no_vision) before anything is sent upstream. tools: true (every enabled MCP tool), false, or [\"server/tool\"]: the model may call them (tool_call and tool_result events, approvals from any device)", true, {"content", "provider?", "model?", "parent_message_id?", "key_id?", "options?", "attachments?", "tools?"}, 200},
        {"get", "/stream/{message_id}/events", "streaming", "Attach to a running or finished stream (SSE; honours Last-Event-ID)", true, {}, 200},
        {"get", "/stream/{chat_id}", "streaming", "WebSocket: live events of a chat (?token=<JWT>; close 4001 bad token, 4004 unknown chat)", false, {}, 101},
        {"get", "/events", "streaming", "WebSocket: live events of the whole account: chat_created, chat_updated, chat_deleted, message_updated, branch_changed, stream_started, stream_ended, device_revoked, pair_requested (?token=<JWT>; close 4001 bad token or signed-out device)", false, {}, 101},
        {"post", "/attachments", "attachments", "Upload a file: the raw bytes with Content-Type and X-Filename (percent-encoded), or multipart/form-data with one file part. 201 {id, name, mime_type, size, sha256, created_at}; 413 over ATTACHMENT_MAX_BYTES (default 20 MiB); 415 for anything but PNG, JPEG, GIF, WebP, PDF and UTF-8 text (judged by the bytes)", true, {}, 201},
        {"get", "/attachments/{attachment_id}", "attachments", "The file's bytes with its Content-Type, as a download (X-Content-Type-Options: nosniff); yours only", true, {}, 200},
        {"delete", "/attachments/{attachment_id}", "attachments", "Delete a file; messages that carried it keep it listed with removed: true", true, {}, 200},
        {"get", "/tools/servers", "tools", "The account's MCP servers: [{id, name, transport, command?, args?, env_names?, url?, header_names?, enabled, status (running, starting, stopped, error), error?, tools: [{name, description, input_schema}], log}]; never the environment's or headers' values", true, {}, 200},
        {"post", "/tools/servers", "tools", "Add an MCP server: stdio (command, args, env) only for the machine's own account unless ALLOW_STDIO_TOOLS, else 403; http (url, headers) held to the private-endpoint rules (403). 201 the server", true, {"name", "transport", "command?", "args?", "env?", "url?", "headers?"}, 201},
        {"patch", "/tools/servers/{server_id}", "tools", "Change a server (the transport stays); it restarts with the new settings", true, {"enabled?", "name?", "command?", "args?", "env?", "url?", "headers?"}, 200},
        {"delete", "/tools/servers/{server_id}", "tools", "Remove a server, stopping it, and its standing approvals", true, {}, 200},
        {"get", "/tools/approvals", "tools", "The account's standing approvals: [{server_id, server, tool, scope: always, created_at}]", true, {}, 200},
        {"delete", "/tools/approvals/{server_id}/{tool}", "tools", "Revoke one standing approval (404 when there is none)", true, {}, 200},
        {"get", "/tool-calls", "tools", "Tool calls waiting for approval: [{call_id, chat_id, message_id, server, tool, arguments, requested_at}]", true, {}, 200},
        {"post", "/tool-calls/{call_id}/approval", "tools", "Answer a tool call from any device of the account: decision allow_once, allow_always or deny. The first answer wins; later ones get 409; no answer within TOOL_APPROVAL_TIMEOUT counts as deny", true, {"decision"}, 200},
        {"get", "/devices", "devices", "Your signed-in devices: [{id, name, created_at, last_seen_at, current}], most recently seen first", true, {}, 200},
        {"delete", "/devices/{device_id}", "devices", "Sign a device out at once: its tokens answer 401, its open sockets close with 4001 (after a device_revoked event)", true, {}, 200},
        {"post", "/pair/invitations", "devices", "Invite a new device: 201 {code, url, expires_at}; the code is single-use and valid 3 minutes, url is what a QR code shows (<this server>/#pair=<code>)", true, {}, 201},
        {"post", "/pair", "devices", "Redeem an invitation code as the new device: 202 {pairing_id, verification} (6 digits to compare); 401 for a wrong, used or expired code (one message); 429 with Retry-After after 10 tries a minute from one address", false, {"code", "device_name?"}, 202},
        {"get", "/pair/requests", "devices", "Pending pairing requests of your account: [{pairing_id, device_name, verification, created_at, expires_at}] (also a pair_requested event on /events)", true, {}, 200},
        {"post", "/pair/requests/{pairing_id}/approve", "devices", "Approve a pairing request after comparing its verification digits (409 when no longer pending)", true, {}, 200},
        {"post", "/pair/requests/{pairing_id}/deny", "devices", "Deny a pairing request (409 when no longer pending)", true, {}, 200},
        {"get", "/pair/{pairing_id}", "devices", "The new device's poll, at most once a second (429 with Retry-After: 1): {status: pending|approved|denied|expired}; the first answer after approval also carries {access_token, token_type, device_id}, once", false, {}, 200},
        {"get", "/providers", "system", "Providers and their models", false, {}, 200},
        {"get", "/models", "system", "Known models", false, {}, 200},
        {"get", "/providers/{name}/models", "system", "The provider's live model list, fetched with your key (403 when the endpoint is on a network this server does not allow)", true, {}, 200},
        {"get", "/health", "system", "Health: 503 when the database is unreachable", false, {}, 200},
        {"get", "/openapi.json", "system", "This document", false, {}, 200},
        {"get", "/docs", "system", "Interactive API documentation", false, {}, 200},
    };
    return ops;
}

QJsonObject errorResponse(const char *description)
{
    return {{QStringLiteral("description"), QLatin1String(description)},
            {QStringLiteral("content"), QJsonObject{{QStringLiteral("application/json"),
                QJsonObject{{QStringLiteral("schema"), QJsonObject{{QStringLiteral("$ref"), QStringLiteral("#/components/schemas/Error")}}}}}}}};
}

QJsonObject ref(const char *schema)
{
    return {{QStringLiteral("$ref"), QStringLiteral("#/components/schemas/%1").arg(QLatin1String(schema))}};
}

QJsonObject propertySchema(const QString &field)
{
    if (field == u"options")
        return ref("ChatOptions");
    if (field == u"attachments")
        return {{QStringLiteral("type"), QStringLiteral("array")},
                {QStringLiteral("items"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}, {QStringLiteral("format"), QStringLiteral("uuid")}}}};
    if (field == u"content")
        return {{QStringLiteral("oneOf"), QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}},
                                                    QJsonObject{{QStringLiteral("type"), QStringLiteral("object")}}}}};
    QJsonObject schema{{QStringLiteral("type"), QStringLiteral("string")}};
    if (field == u"parent_message_id" || field == u"provider" || field == u"model" || field == u"system_prompt")
        schema.insert(QStringLiteral("nullable"), true);
    return schema;
}

QJsonObject typed(const char *type)
{
    return {{QStringLiteral("type"), QLatin1String(type)}};
}

// The model options a chat keeps and a reply may override (chat/chatoptions.h).
QJsonObject chatOptionsSchema()
{
    QJsonObject temperature = typed("number");
    temperature.insert(QStringLiteral("minimum"), 0);
    temperature.insert(QStringLiteral("maximum"), 2);
    QJsonObject maxTokens = typed("integer");
    maxTokens.insert(QStringLiteral("minimum"), 1);
    QJsonObject effort = typed("string");
    effort.insert(QStringLiteral("enum"), QJsonArray{QStringLiteral("low"), QStringLiteral("medium"), QStringLiteral("high")});
    return {{QStringLiteral("type"), QStringLiteral("object")},
            {QStringLiteral("additionalProperties"), false},
            {QStringLiteral("properties"), QJsonObject{{QStringLiteral("temperature"), temperature},
                                                       {QStringLiteral("max_tokens"), maxTokens},
                                                       {QStringLiteral("reasoning_effort"), effort},
                                                       {QStringLiteral("thinking"), typed("boolean")}}}};
}

QJsonObject chatSchema()
{
    QJsonObject nullableString = typed("string");
    nullableString.insert(QStringLiteral("nullable"), true);
    QJsonObject props;
    for (const char *f : {"id", "user_id", "name", "created_at", "updated_at"})
        props.insert(QLatin1String(f), typed("string"));
    for (const char *f : {"root_message_id", "active_leaf_id", "system_prompt", "provider", "model"})
        props.insert(QLatin1String(f), nullableString);
    props.insert(QStringLiteral("options"), ref("ChatOptions"));
    return {{QStringLiteral("type"), QStringLiteral("object")}, {QStringLiteral("properties"), props}};
}

QJsonObject operationJson(const Operation &op)
{
    QJsonObject o{{QStringLiteral("summary"), QLatin1String(op.summary)},
                  {QStringLiteral("tags"), QJsonArray{QLatin1String(op.tag)}},
                  {QStringLiteral("operationId"), QStringLiteral("%1 %2").arg(QLatin1String(op.method), QLatin1String(op.path))}};
    QJsonArray params;
    static const QRegularExpression param(QStringLiteral("\\{([a-z_]+)\\}"));
    auto it = param.globalMatch(QLatin1String(op.path));
    while (it.hasNext()) {
        const QString name = it.next().captured(1);
        QJsonObject schema{{QStringLiteral("type"), QStringLiteral("string")}};
        if (name.endsWith(u"_id"))
            schema.insert(QStringLiteral("format"), QStringLiteral("uuid"));
        params.append(QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("in"), QStringLiteral("path")},
                                  {QStringLiteral("required"), true}, {QStringLiteral("schema"), schema}});
    }
    for (QString q : op.query) {
        const bool optional = q.endsWith(u'?');
        if (optional)
            q.chop(1);
        QJsonObject schema{{QStringLiteral("type"), q == u"limit" ? QStringLiteral("integer") : QStringLiteral("string")}};
        if (q.endsWith(u"_id"))
            schema.insert(QStringLiteral("format"), QStringLiteral("uuid"));
        params.append(QJsonObject{{QStringLiteral("name"), q}, {QStringLiteral("in"), QStringLiteral("query")},
                                  {QStringLiteral("required"), !optional}, {QStringLiteral("schema"), schema}});
    }
    if (!params.isEmpty())
        o.insert(QStringLiteral("parameters"), params);
    if (!op.body.isEmpty()) {
        QJsonObject props;
        QJsonArray required;
        for (QString f : op.body) {
            const bool optional = f.endsWith(u'?');
            if (optional)
                f.chop(1);
            props.insert(f, propertySchema(f));
            if (!optional)
                required.append(f);
        }
        QJsonObject schema{{QStringLiteral("type"), QStringLiteral("object")}, {QStringLiteral("properties"), props}};
        if (!required.isEmpty())
            schema.insert(QStringLiteral("required"), required);
        o.insert(QStringLiteral("requestBody"), QJsonObject{{QStringLiteral("required"), true},
            {QStringLiteral("content"), QJsonObject{{QStringLiteral("application/json"), QJsonObject{{QStringLiteral("schema"), schema}}}}}});
    }
    QJsonObject responses{{QString::number(op.status), QJsonObject{{QStringLiteral("description"), QStringLiteral("Success")}}},
                          {QStringLiteral("422"), errorResponse("Validation error: detail names the field")},
                          {QStringLiteral("400"), errorResponse("Malformed request: ambiguous framing or malformed JSON")},
                          {QStringLiteral("413"), errorResponse("Body larger than MAX_REQUEST_BYTES")},
                          {QStringLiteral("503"), errorResponse("Too many connections (Retry-After), or the database is unreachable")}};
    if (op.auth) {
        o.insert(QStringLiteral("security"), QJsonArray{QJsonObject{{QStringLiteral("bearer"), QJsonArray{}}}});
        responses.insert(QStringLiteral("401"), errorResponse("Missing, invalid, expired or revoked token"));
    }
    if (QByteArray(op.path).contains('{'))
        responses.insert(QStringLiteral("404"), errorResponse("Not found, or not yours"));
    if (QByteArray(op.path) == "/attachments" && QByteArray(op.method) == "post") {
        // The file itself is the body: any accepted type, or a form with a `file` part.
        const QJsonObject binary{{QStringLiteral("type"), QStringLiteral("string")}, {QStringLiteral("format"), QStringLiteral("binary")}};
        o.insert(QStringLiteral("requestBody"), QJsonObject{{QStringLiteral("required"), true},
            {QStringLiteral("content"), QJsonObject{
                {QStringLiteral("application/octet-stream"), QJsonObject{{QStringLiteral("schema"), binary}}},
                {QStringLiteral("multipart/form-data"), QJsonObject{{QStringLiteral("schema"), QJsonObject{
                    {QStringLiteral("type"), QStringLiteral("object")},
                    {QStringLiteral("properties"), QJsonObject{{QStringLiteral("file"), binary}}}}}}}}}});
        responses.insert(QStringLiteral("413"), errorResponse("File larger than ATTACHMENT_MAX_BYTES"));
        responses.insert(QStringLiteral("415"), errorResponse("Not an accepted type: images (PNG, JPEG, GIF, WebP), PDF, UTF-8 text"));
    }
    o.insert(QStringLiteral("responses"), responses);
    return o;
}

} // namespace

QJsonObject openApiDocument(const QString &appName)
{
    QJsonObject paths;
    for (const Operation &op : operations()) {
        const QString path = QLatin1String(op.path);
        QJsonObject item = paths.value(path).toObject();
        item.insert(QLatin1String(op.method), operationJson(op));
        paths.insert(path, item);
    }
    const QJsonObject errorSchema{{QStringLiteral("type"), QStringLiteral("object")},
                                  {QStringLiteral("properties"), QJsonObject{{QStringLiteral("detail"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}}}}}};
    return {{QStringLiteral("openapi"), QStringLiteral("3.0.3")},
            {QStringLiteral("info"), QJsonObject{{QStringLiteral("title"), appName + QStringLiteral(" API")},
                                                 {QStringLiteral("version"), QStringLiteral(TEEHEE_VERSION)},
                                                 {QStringLiteral("description"), QStringLiteral("Errors are {\"detail\": ...}. Collection paths accept a trailing slash.")}}},
            {QStringLiteral("paths"), paths},
            {QStringLiteral("components"), QJsonObject{
                {QStringLiteral("securitySchemes"), QJsonObject{{QStringLiteral("bearer"), QJsonObject{
                    {QStringLiteral("type"), QStringLiteral("http")}, {QStringLiteral("scheme"), QStringLiteral("bearer")},
                    {QStringLiteral("bearerFormat"), QStringLiteral("JWT")}}}}},
                {QStringLiteral("schemas"), QJsonObject{{QStringLiteral("Error"), errorSchema},
                                                        {QStringLiteral("Chat"), chatSchema()},
                                                        {QStringLiteral("ChatOptions"), chatOptionsSchema()}}}}}};
}

QByteArray docsPage(const QString &appName)
{
    // Self-contained: no CDN, works offline. Lists the operations and lets you
    // try GET requests with a token.
    static const char *page = R"HTML(<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>%TITLE% API</title>
<style>
body{font:15px/1.4 system-ui,sans-serif;margin:2em auto;max-width:60em;padding:0 1em;color:#222}
h2{margin-top:1.5em;border-bottom:1px solid #ddd}
.op{border:1px solid #ddd;border-radius:6px;margin:.5em 0;padding:.4em .8em}
.m{display:inline-block;min-width:4.5em;font-weight:bold;text-transform:uppercase}
.get{color:#0a7}.post{color:#06c}.patch{color:#a60}.delete{color:#c22}
code{background:#f4f4f4;padding:0 .2em}.lock{color:#888;font-size:.9em}
pre{background:#f7f7f7;padding:.5em;overflow:auto;max-height:20em}
</style></head><body>
<h1>%TITLE% API</h1>
<p>Machine-readable description: <a href="openapi.json">/openapi.json</a>.
Token for "try": <input id="tok" size="50" placeholder="access token (Bearer)"></p>
<div id="ops">Loading…</div>
<script>
fetch('openapi.json').then(r=>r.json()).then(doc=>{
  const byTag={};
  for(const [path,item] of Object.entries(doc.paths))
    for(const [method,op] of Object.entries(item))
      (byTag[op.tags[0]]=byTag[op.tags[0]]||[]).push({path,method,op});
  const root=document.getElementById('ops');root.textContent='';
  for(const [tag,ops] of Object.entries(byTag)){
    const h=document.createElement('h2');h.textContent=tag;root.appendChild(h);
    for(const {path,method,op} of ops){
      const d=document.createElement('div');d.className='op';
      const m=document.createElement('span');m.className='m '+method;m.textContent=method;
      const p=document.createElement('code');p.textContent=path;
      const s=document.createElement('div');s.textContent=op.summary+(op.security?' 🔒':'');
      d.append(m,p,s);
      if(op.requestBody){const b=document.createElement('div');b.className='lock';
        const js=op.requestBody.content['application/json'];const sc=js&&js.schema;
        b.textContent=sc?'body: {'+Object.keys(sc.properties).map(k=>(sc.required||[]).includes(k)?k:k+'?').join(', ')+'}':'body: '+Object.keys(op.requestBody.content).join(' or ');d.append(b);}
      if(method==='get'&&!path.includes('{')&&!path.startsWith('/stream')){
        const btn=document.createElement('button');btn.textContent='try';const out=document.createElement('pre');out.hidden=true;
        btn.onclick=()=>{const t=document.getElementById('tok').value;
          fetch(path,{headers:t?{Authorization:'Bearer '+t}:{}}).then(async r=>{out.hidden=false;out.textContent=r.status+'\n'+await r.text();});};
        d.append(btn,out);}
      root.appendChild(d);
    }
  }
}).catch(e=>{document.getElementById('ops').textContent='Cannot load openapi.json: '+e;});
</script></body></html>)HTML";
    return QByteArray(page).replace("%TITLE%", appName.toHtmlEscaped().toUtf8());
}

} // namespace teehee
