// Provider errors: real error bodies become typed errors a person can act on;
// Retry-After parsing; the retry policy; keys never leak.
#include "providers/errormapping.h"
#include "providers/retrypolicy.h"

#include <QJsonDocument>
#include <QTest>

using namespace teehee;

namespace {

const ErrorContext kOpenAi{QStringLiteral("OpenAI"), QStringLiteral("gpt-9"), QStringLiteral("sk-proj-SECRETSECRET1234")};
const ErrorContext kAnthropic{QStringLiteral("Anthropic"), QStringLiteral("claude-x"), QStringLiteral("sk-ant-api03-SECRET99")};
const ErrorContext kMistral{QStringLiteral("Mistral"), QStringLiteral("mistral-small-latest"), QStringLiteral("mk123")};

ProviderError rateLimited(int retryAfterMs = -1)
{
    return ProviderError::make(ProviderError::RateLimited, QStringLiteral("x"), 429, retryAfterMs);
}

} // namespace

class TestProviderErrors : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void openAiInvalidKeyIsAuthenticationWithoutTheKey()
    {
        const auto e = errorFromHttpResponse(kOpenAi, 401, {},
            "{\"error\":{\"message\":\"Incorrect API key provided: sk-proj-SECRETSECRET1234. You can find your API key at https://platform.openai.com/account/api-keys.\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"invalid_api_key\"}}");
        QCOMPARE(e.kind, ProviderError::Authentication);
        QVERIFY(e.message.startsWith(QStringLiteral("OpenAI rejected the API key")));
        QVERIFY(!e.message.contains(QStringLiteral("SECRET")));
    }

    void anthropicAuthenticationError()
    {
        const auto e = errorFromHttpResponse(kAnthropic, 401, {}, R"({"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"},"request_id":"req_1"})");
        QCOMPARE(e.kind, ProviderError::Authentication);
        QVERIFY(e.message.startsWith(QStringLiteral("Anthropic rejected the API key")));
    }

    void missingKeyIsWordedAsMissing()
    {
        const auto e = errorFromHttpResponse({QStringLiteral("OpenAI"), {}, {}}, 401, {}, "{\"error\":{\"message\":\"You didn't provide an API key.\"}}");
        QCOMPARE(e.kind, ProviderError::Authentication);
        QVERIFY(e.message.contains(QStringLiteral("needs an API key")));
    }

    void unknownModelNamesTheModelAndProvider()
    {
        const auto e = errorFromHttpResponse(kOpenAi, 404, {},
            R"({"error":{"message":"The model `gpt-9` does not exist or you do not have access to it.","type":"invalid_request_error","param":null,"code":"model_not_found"}})");
        QCOMPARE(e.kind, ProviderError::ModelNotFound);
        QVERIFY(e.message.startsWith(QStringLiteral("The model 'gpt-9' does not exist at OpenAI")));
    }

    void anthropicNotFoundModel()
    {
        const auto e = errorFromHttpResponse(kAnthropic, 404, {}, R"({"type":"error","error":{"type":"not_found_error","message":"model: claude-x"}})");
        QCOMPARE(e.kind, ProviderError::ModelNotFound);
        QVERIFY(e.message.contains(QStringLiteral("'claude-x'")));
    }

    void rateLimitCarriesRetryAfterInTheMessage()
    {
        const auto e = errorFromHttpResponse(kOpenAi, 429, {{"Retry-After", "20"}},
            R"({"error":{"message":"Rate limit reached for gpt-4o-mini.","type":"requests","param":null,"code":"rate_limit_exceeded"}})");
        QCOMPARE(e.kind, ProviderError::RateLimited);
        QCOMPARE(e.retryAfterMs, 20000);
        QCOMPARE(e.message, QStringLiteral("OpenAI rate limit reached; retry in 20 s"));
    }

    void rateLimitDelayIsReadFromOpenAiWordingWithoutHeader()
    {
        const auto e = errorFromHttpResponse(kOpenAi, 429, {},
            R"({"error":{"message":"Rate limit reached. Please try again in 1.5s.","type":"tokens","code":"rate_limit_exceeded"}})");
        QCOMPARE(e.retryAfterMs, 1500);
    }

    void insufficientQuotaIsNotARateLimit()
    {
        const auto e = errorFromHttpResponse(kOpenAi, 429, {},
            R"({"error":{"message":"You exceeded your current quota, please check your plan and billing details.","type":"insufficient_quota","param":null,"code":"insufficient_quota"}})");
        QCOMPARE(e.kind, ProviderError::QuotaExceeded);
        QVERIFY(!RetryPolicy::isRetryable(e));
    }

    void anthropicOverloaded529()
    {
        const auto e = errorFromHttpResponse(kAnthropic, 529, {{"x-should-retry", "true"}},
                                             R"({"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}})");
        QCOMPARE(e.kind, ProviderError::Overloaded);
        QVERIFY(e.message.contains(QStringLiteral("Anthropic is overloaded")));
        QVERIFY(RetryPolicy::isRetryable(e));
    }

    void serverErrorAndItsRetryability()
    {
        const auto e = errorFromHttpResponse(kOpenAi, 500, {},
            R"({"error":{"message":"The server had an error while processing your request. Sorry about that!","type":"server_error","param":null,"code":null}})");
        QCOMPARE(e.kind, ProviderError::ServerError);
        QVERIFY(e.message.contains(QStringLiteral("HTTP 500")));
        QVERIFY(!RetryPolicy::isRetryable(e));
    }

    void mistralExtraForbiddenIsABadRequestWithTheField()
    {
        const auto e = errorFromHttpResponse(kMistral, 422, {},
            R"({"object":"error","message":{"detail":[{"type":"extra_forbidden","loc":["body","stream_options","include_usage"],"msg":"Extra inputs are not permitted","input":true}]},"type":"invalid_request_error","param":null,"code":null})");
        QCOMPARE(e.kind, ProviderError::BadRequest);
        QVERIFY2(e.message.contains(QStringLiteral("body.stream_options.include_usage: Extra inputs are not permitted")),
                 qPrintable(e.message));
    }

    void mistralUnauthorizedDetailBody()
    {
        QCOMPARE(errorFromHttpResponse(kMistral, 401, {}, R"({"detail":"Unauthorized"})").kind, ProviderError::Authentication);
    }

    void nonJsonBodyStillGivesAUsableMessage()
    {
        const auto e = errorFromHttpResponse(kAnthropic, 413, {}, "<html><body>413 Request Entity Too Large</body></html>");
        QCOMPARE(e.kind, ProviderError::BadRequest);
        QVERIFY(e.message.startsWith(QStringLiteral("Anthropic rejected the request")));
    }

    void xShouldRetryFalseForbidsRetrying()
    {
        const auto e = errorFromHttpResponse(kAnthropic, 529, {{"x-should-retry", "false"}}, "{}");
        QVERIFY(!RetryPolicy::isRetryable(e));
    }

    void anthropicMidStreamErrorPayload()
    {
        const auto e = errorFromStreamPayload(kAnthropic, QJsonDocument::fromJson(R"({"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}})").object());
        QCOMPARE(e.kind, ProviderError::Overloaded);
    }

    void retryAfterHeaderForms()
    {
        const QDateTime now = QDateTime(QDate(2026, 10, 21), QTime(7, 28), Qt::UTC);
        QCOMPARE(retryAfterMsFromHeaders({{"retry-after", "3"}}, now), 3000);
        QCOMPARE(retryAfterMsFromHeaders({{"Retry-After-Ms", "250"}, {"retry-after", "3"}}, now), 250);
        QCOMPARE(retryAfterMsFromHeaders({{"retry-after", "Wed, 21 Oct 2026 07:28:07 GMT"}}, now), 7000);
        QCOMPARE(retryAfterMsFromHeaders({{"retry-after", "soon"}}, now), -1);
        QCOMPARE(retryAfterMsFromHeaders({}, now), -1);
    }

    void redactionRemovesTheKeyAndKeyShapes()
    {
        const QString text = redactSecrets(QStringLiteral("bad key abc123XYZ and sk-live-0123456789 and Bearer tok.en"),
                                           QStringLiteral("abc123XYZ"));
        QVERIFY(!text.contains(QStringLiteral("abc123XYZ")));
        QVERIFY(!text.contains(QStringLiteral("sk-live")));
        QVERIFY(!text.contains(QStringLiteral("tok.en")));
    }

    void retryPolicyHonoursRetryAfterAndStopsAfterThreeTries()
    {
        RetryPolicy policy;
        QCOMPARE(policy.delayBeforeNextAttempt(1, rateLimited(1200)), 1200);
        QCOMPARE(policy.delayBeforeNextAttempt(2, rateLimited(300)), 300);
        QCOMPARE(policy.delayBeforeNextAttempt(3, rateLimited(300)), -1);
    }

    void retryPolicyBacksOffExponentiallyWithJitter()
    {
        RetryPolicy policy(RetrySettings{.maxAttempts = 5});
        policy.setRandom([] { return 1.0; });
        QCOMPARE(policy.delayBeforeNextAttempt(1, rateLimited()), 500);
        QCOMPARE(policy.delayBeforeNextAttempt(2, rateLimited()), 1000);
        policy.setRandom([] { return 0.0; });
        QCOMPARE(policy.delayBeforeNextAttempt(3, rateLimited()), 1000); // half of 2000
    }

    void retryPolicyRefusesARetryAfterBeyondTheBudget()
    {
        RetryPolicy policy; // 20 s in total
        QCOMPARE(policy.delayBeforeNextAttempt(1, rateLimited(21000)), -1);
        QCOMPARE(policy.delayBeforeNextAttempt(1, rateLimited(15000)), 15000);
        QCOMPARE(policy.delayBeforeNextAttempt(2, rateLimited(6000)), -1); // 15 + 6 > 20
    }

    void retryPolicyNeverRetriesClientErrors()
    {
        RetryPolicy policy;
        for (auto kind : {ProviderError::Authentication, ProviderError::BadRequest, ProviderError::ModelNotFound,
                          ProviderError::Timeout, ProviderError::QuotaExceeded})
            QCOMPARE(policy.delayBeforeNextAttempt(1, ProviderError::make(kind, QStringLiteral("x"))), -1);
    }

    void providerErrorsMapToProductErrorCodes()
    {
        QCOMPARE(ProviderError::make(ProviderError::Authentication, {}).toError().code, ErrorCode::Unauthorized);
        QCOMPARE(ProviderError::make(ProviderError::RateLimited, {}).toError().code, ErrorCode::RateLimited);
        QCOMPARE(ProviderError::make(ProviderError::ModelNotFound, {}).toError().code, ErrorCode::NotFound);
        QCOMPARE(ProviderError::make(ProviderError::Timeout, {}).toError().code, ErrorCode::Unavailable);
    }
};

QTEST_GUILESS_MAIN(TestProviderErrors)
#include "tst_providererrors.moc"
