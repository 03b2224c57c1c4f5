// Configuration: every variable, its sources in order of strength, and clear refusals.
#include "core/configloader.h"

#include <QTemporaryDir>
#include <QTest>

using namespace teehee;

class TestConfigLoader : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    QString writeEnvFile(const QByteArray &text)
    {
        const QString path = m_dir.filePath(QStringLiteral("test.env"));
        QFile f(path);
        f.open(QIODevice::WriteOnly | QIODevice::Truncate);
        f.write(text);
        return path;
    }

    static ConfigLoader loaderWith(const QList<QPair<QString, QString>> &env)
    {
        ConfigLoader loader;
        QProcessEnvironment e;
        for (const auto &[k, v] : env)
            e.insert(k, v);
        loader.setEnvironment(e);
        return loader;
    }

private Q_SLOTS:
    void defaultsMatchTheOriginalReadme()
    {
        auto c = loaderWith({{QStringLiteral("TEEHEE_DATA_DIR"), m_dir.path()}}).load();
        QVERIFY(c);
        QCOMPARE(c->accessTokenExpireMinutes, 30);
        QCOMPARE(c->maxTokens, 4096);
        QCOMPARE(c->streamTimeoutSeconds, 300);
        QCOMPARE(c->port, 8000);
        QCOMPARE(c->corsOrigins, QStringList({QStringLiteral("http://localhost:3000"), QStringLiteral("http://localhost:8080")}));
        QCOMPARE(c->maxRequestBytes, 1024 * 1024);
        QVERIFY(c->allowSignup);
        QVERIFY(!c->debug);
        QCOMPARE(c->googleIssuer, QStringLiteral("https://accounts.google.com"));
        QVERIFY(c->database.isSqlite());
        QCOMPARE(c->database.path, m_dir.filePath(QStringLiteral("teehee.db")));
        QVERIFY(c->secretKey.isEmpty()); // generated later by the secret store
    }

    void everyVariableIsRead()
    {
        auto c = loaderWith({
            {QStringLiteral("DATABASE_URL"), QStringLiteral("postgresql+asyncpg://u:p%40ss@db.example:5433/chatdb")},
            {QStringLiteral("SECRET_KEY"), QStringLiteral("s1")},
            {QStringLiteral("ENCRYPTION_KEY"), QStringLiteral("e1")},
            {QStringLiteral("ACCESS_TOKEN_EXPIRE_MINUTES"), QStringLiteral("45")},
            {QStringLiteral("CORS_ORIGINS"), QStringLiteral("http://a.test, http://b.test")},
            {QStringLiteral("APP_NAME"), QStringLiteral("My Chat")},
            {QStringLiteral("DEBUG"), QStringLiteral("true")},
            {QStringLiteral("OPENAI_API_KEY"), QStringLiteral("sk-o")},
            {QStringLiteral("ANTHROPIC_API_KEY"), QStringLiteral("sk-a")},
            {QStringLiteral("MISTRAL_API_KEY"), QStringLiteral("sk-m")},
            {QStringLiteral("MAX_TOKENS"), QStringLiteral("1000")},
            {QStringLiteral("STREAM_TIMEOUT"), QStringLiteral("60")},
            {QStringLiteral("OPENAI_BASE_URL"), QStringLiteral("http://127.0.0.1:9/v1/")},
            {QStringLiteral("ANTHROPIC_BASE_URL"), QStringLiteral("http://127.0.0.1:10")},
            {QStringLiteral("MISTRAL_BASE_URL"), QStringLiteral("http://127.0.0.1:11/v1")},
            {QStringLiteral("HOST"), QStringLiteral("0.0.0.0")},
            {QStringLiteral("PORT"), QStringLiteral("9000")},
            {QStringLiteral("ALLOW_SIGNUP"), QStringLiteral("false")},
            {QStringLiteral("OIDC_ISSUER"), QStringLiteral("https://id.example")},
            {QStringLiteral("OIDC_CLIENT_ID"), QStringLiteral("client-1")},
            {QStringLiteral("GOOGLE_CLIENT_ID"), QStringLiteral("g-1")},
            {QStringLiteral("GOOGLE_ISSUER"), QStringLiteral("https://issuer.example")},
            {QStringLiteral("MAX_REQUEST_BYTES"), QStringLiteral("2048")},
        }).load();
        QVERIFY2(c, qPrintable(c ? QString() : c.error().message));
        QVERIFY(!c->database.isSqlite());
        QCOMPARE(c->database.host, QStringLiteral("db.example"));
        QCOMPARE(c->database.port, 5433);
        QCOMPARE(c->database.user, QStringLiteral("u"));
        QCOMPARE(c->database.password, QStringLiteral("p@ss"));
        QCOMPARE(c->database.database, QStringLiteral("chatdb"));
        QVERIFY(!c->database.redacted().contains(QStringLiteral("p@ss")));
        QCOMPARE(c->secretKey, QByteArray("s1"));
        QCOMPARE(c->encryptionKey, QByteArray("e1"));
        QCOMPARE(c->accessTokenExpireMinutes, 45);
        QCOMPARE(c->corsOrigins, QStringList({QStringLiteral("http://a.test"), QStringLiteral("http://b.test")}));
        QCOMPARE(c->appName, QStringLiteral("My Chat"));
        QVERIFY(c->debug);
        QCOMPARE(c->openaiApiKey, QStringLiteral("sk-o"));
        QCOMPARE(c->anthropicApiKey, QStringLiteral("sk-a"));
        QCOMPARE(c->mistralApiKey, QStringLiteral("sk-m"));
        QCOMPARE(c->maxTokens, 1000);
        QCOMPARE(c->streamTimeoutSeconds, 60);
        QCOMPARE(c->openaiBaseUrl, QStringLiteral("http://127.0.0.1:9/v1"));
        QCOMPARE(c->anthropicBaseUrl, QStringLiteral("http://127.0.0.1:10"));
        QCOMPARE(c->mistralBaseUrl, QStringLiteral("http://127.0.0.1:11/v1"));
        QCOMPARE(c->host, QStringLiteral("0.0.0.0"));
        QCOMPARE(c->port, 9000);
        QVERIFY(!c->allowSignup);
        QCOMPARE(c->oidcIssuer, QStringLiteral("https://id.example"));
        QCOMPARE(c->oidcClientId, QStringLiteral("client-1"));
        QCOMPARE(c->googleClientId, QStringLiteral("g-1"));
        QCOMPARE(c->googleIssuer, QStringLiteral("https://issuer.example"));
        QCOMPARE(c->maxRequestBytes, 2048);
    }

    void corsOriginsAcceptAJsonList()
    {
        auto c = loaderWith({{QStringLiteral("CORS_ORIGINS"), QStringLiteral("[\"http://x.test\", \"http://y.test\"]")}}).load();
        QVERIFY(c);
        QCOMPARE(c->corsOrigins, QStringList({QStringLiteral("http://x.test"), QStringLiteral("http://y.test")}));
    }

    void privateEndpointSettings()
    {
        auto d = loaderWith({}).load();
        QVERIFY(d);
        QVERIFY(!d->allowPrivateEndpoints); // users' endpoints stay off the server's network unless allowed
        QVERIFY(d->allowedEndpointHosts.isEmpty());
        auto c = loaderWith({{QStringLiteral("ALLOW_PRIVATE_ENDPOINTS"), QStringLiteral("true")},
                             {QStringLiteral("ALLOWED_ENDPOINT_HOSTS"), QStringLiteral("ollama.lan, 10.0.5.0/24,::1,fd00::/8")}}).load();
        QVERIFY(c);
        QVERIFY(c->allowPrivateEndpoints);
        QCOMPARE(c->allowedEndpointHosts, (QStringList{QStringLiteral("ollama.lan"), QStringLiteral("10.0.5.0/24"),
                                                       QStringLiteral("::1"), QStringLiteral("fd00::/8")}));
        for (const QString &bad : {QStringLiteral("10.0.0.0/99"), QStringLiteral("http://x/"), QStringLiteral("a b")}) {
            auto r = loaderWith({{QStringLiteral("ALLOWED_ENDPOINT_HOSTS"), bad}}).load();
            QVERIFY2(!r, qPrintable(bad));
            QVERIFY(r.error().message.contains(QStringLiteral("ALLOWED_ENDPOINT_HOSTS")));
        }
    }

    void titleSettings()
    {
        auto d = loaderWith({}).load();
        QVERIFY(d);
        QVERIFY(d->autoTitles);
        QVERIFY(d->titleProvider.isEmpty() && d->titleModel.isEmpty()); // the reply's own
        auto c = loaderWith({{QStringLiteral("AUTO_TITLES"), QStringLiteral("false")},
                             {QStringLiteral("TITLE_PROVIDER"), QStringLiteral(" anthropic ")},
                             {QStringLiteral("TITLE_MODEL"), QStringLiteral("claude-haiku-4-5")}}).load();
        QVERIFY(c);
        QVERIFY(!c->autoTitles);
        QCOMPARE(c->titleProvider, QStringLiteral("anthropic"));
        QCOMPARE(c->titleModel, QStringLiteral("claude-haiku-4-5"));
        auto bad = loaderWith({{QStringLiteral("AUTO_TITLES"), QStringLiteral("sometimes")}}).load();
        QVERIFY(!bad);
        QVERIFY(bad.error().message.contains(QStringLiteral("AUTO_TITLES")));
    }

    void sourcesApplyStrongestFirst()
    {
        const QString file = writeEnvFile("PORT=7000\nAPP_NAME=\"From File\"\nMAX_TOKENS=77\n");
        ConfigLoader loader = loaderWith({{QStringLiteral("PORT"), QStringLiteral("7100")}, {QStringLiteral("APP_NAME"), QStringLiteral("From Env")}});
        loader.setEnvFile(file, true);
        loader.setOverride(QStringLiteral("PORT"), QStringLiteral("7200"));
        auto c = loader.load();
        QVERIFY(c);
        QCOMPARE(c->port, 7200);                      // flag beats environment
        QCOMPARE(c->appName, QStringLiteral("From Env")); // environment beats file
        QCOMPARE(c->maxTokens, 77);                   // file beats default
    }

    void envFileUnderstandsQuotesCommentsAndExport()
    {
        const QString file = writeEnvFile("# comment\n\nexport DEBUG=yes\nAPP_NAME='Quoted # not a comment'\nMAX_TOKENS=12 # trailing comment\n");
        auto values = ConfigLoader::parseEnvFile(file);
        QVERIFY(values);
        QCOMPARE(values->value(QStringLiteral("DEBUG")), QStringLiteral("yes"));
        QCOMPARE(values->value(QStringLiteral("APP_NAME")), QStringLiteral("Quoted # not a comment"));
        QCOMPARE(values->value(QStringLiteral("MAX_TOKENS")), QStringLiteral("12"));
    }

    void aMissingExplicitEnvFileIsAnError()
    {
        ConfigLoader loader = loaderWith({});
        loader.setEnvFile(m_dir.filePath(QStringLiteral("nope.env")), true);
        auto c = loader.load();
        QVERIFY(!c);
        QVERIFY(c.error().message.contains(QStringLiteral("--env-file")));
    }

    void badValuesNameTheVariable_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("value");
        QTest::newRow("port not a number") << "PORT" << "abc";
        QTest::newRow("port out of range") << "PORT" << "70000";
        QTest::newRow("unknown database scheme") << "DATABASE_URL" << "mysql://u@h/db";
        QTest::newRow("relative sqlite path") << "DATABASE_URL" << "sqlite://relative.db";
        QTest::newRow("cors bad json") << "CORS_ORIGINS" << "[\"http://a\",";
        QTest::newRow("cors non-string") << "CORS_ORIGINS" << "[1, 2]";
        QTest::newRow("debug not boolean") << "DEBUG" << "maybe";
        QTest::newRow("expiry zero") << "ACCESS_TOKEN_EXPIRE_MINUTES" << "0";
        QTest::newRow("timeout text") << "STREAM_TIMEOUT" << "soon";
        QTest::newRow("max tokens negative") << "MAX_TOKENS" << "-5";
        QTest::newRow("base url not http") << "OPENAI_BASE_URL" << "ftp://x";
        QTest::newRow("request limit tiny") << "MAX_REQUEST_BYTES" << "10";
    }
    void badValuesNameTheVariable()
    {
        QFETCH(QString, name);
        QFETCH(QString, value);
        auto c = loaderWith({{name, value}}).load();
        QVERIFY(!c);
        QCOMPARE(c.error().code, ErrorCode::InvalidInput);
        QVERIFY2(c.error().message.startsWith(name + u':'), qPrintable(c.error().message));
        QVERIFY(!c.error().message.contains(u'\n'));
    }

    void placeholderSecretsAreRefusedUnlessDebug()
    {
        ConfigLoader loader = loaderWith({{QStringLiteral("SECRET_KEY"), QStringLiteral("your-secret-key-change-in-production")}});
        loader.setRefusePlaceholderSecrets(true);
        auto refused = loader.load();
        QVERIFY(!refused);
        QVERIFY(refused.error().message.startsWith(QStringLiteral("SECRET_KEY:")));
        QVERIFY(!refused.error().message.contains(QStringLiteral("your-secret-key-change-in-production")));

        ConfigLoader debug = loaderWith({{QStringLiteral("SECRET_KEY"), QStringLiteral("your-secret-key-change-in-production")},
                                         {QStringLiteral("DEBUG"), QStringLiteral("true")}});
        debug.setRefusePlaceholderSecrets(true);
        QVERIFY(debug.load());
    }

    void shortSecretsAreRefusedUnlessDebug_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("secret key") << "SECRET_KEY";
        QTest::newRow("encryption key") << "ENCRYPTION_KEY";
    }
    void shortSecretsAreRefusedUnlessDebug()
    {
        QFETCH(QString, name);
        const QString shortValue = QStringLiteral("tooShort-31-characters-xxxxxxxx");
        QCOMPARE(shortValue.size(), 31);
        auto refused = loaderWith({{name, shortValue}}).load();
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::InvalidInput);
        QVERIFY2(refused.error().message.startsWith(name + u':'), qPrintable(refused.error().message));
        QVERIFY(!refused.error().message.contains(shortValue));
        QVERIFY(!refused.error().message.contains(u'\n'));

        // Thirty-two characters are enough; counted as characters, not bytes.
        QVERIFY(loaderWith({{name, QString(32, QChar(0x00e9))}}).load());
        QVERIFY(!loaderWith({{name, QString(31, QChar(0x00e9))}}).load());
        // Empty means "generate one".
        QVERIFY(loaderWith({{name, QString()}}).load());
        // DEBUG=true lets a short key through, for local experiments.
        auto debug = loaderWith({{name, shortValue}, {QStringLiteral("DEBUG"), QStringLiteral("true")}}).load();
        QVERIFY(debug);
    }

    void postgresUrlSpellingsAreAccepted_data()
    {
        QTest::addColumn<QString>("url");
        QTest::newRow("postgresql") << "postgresql://u:p@h:5432/db";
        QTest::newRow("postgres") << "postgres://u:p@h/db";
        QTest::newRow("asyncpg") << "postgresql+asyncpg://u:p@h:5432/db";
    }
    void postgresUrlSpellingsAreAccepted()
    {
        QFETCH(QString, url);
        auto u = DatabaseUrl::parse(url);
        QVERIFY(u);
        QVERIFY(!u->isSqlite());
        QCOMPARE(u->database, QStringLiteral("db"));
        QCOMPARE(u->host, QStringLiteral("h"));
    }
};

QTEST_GUILESS_MAIN(TestConfigLoader)
#include "tst_configloader.moc"
