package io.latchkey.sdk;

import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every error shape the server speaks becomes the right typed exception with its request id and message. */
class ErrorDecodingTest {
    private static final String GET_USER = "GET /iam/v1/users/u1";
    private static final String BOOTSTRAP = "POST /api/v1/admin/bootstrap";

    private final FakeTransport transport = new FakeTransport();
    private final LatchkeyClient client = LatchkeyClient.builder().baseUrl("http://127.0.0.1:8400")
            .credentials(Credentials.staticToken(TestTokens.ofUse("user"))).transport(transport)
            .retryPolicy(RetryPolicy.none()).build();

    private LatchkeyApiException getUserFails(int status, String body, Map<String, String> headers) {
        transport.on(GET_USER, r -> FakeTransport.json(status, body, headers));
        try {
            client.users().get("u1");
        } catch (LatchkeyApiException e) {
            return e;
        }
        throw new AssertionError("expected an error");
    }

    private LatchkeyApiException bootstrapFails(int status, String body) {
        transport.on(BOOTSTRAP, r -> FakeTransport.json(status, body));
        try {
            client.admin().bootstrap(new BootstrapRequest("a@example.com", "pw", "Acme"));
        } catch (LatchkeyApiException e) {
            return e;
        }
        throw new AssertionError("expected an error");
    }

    @Test
    void nativeShapeWhen404ThenNotFoundWithHeaderRequestIdCodeAndIssue() {
        LatchkeyApiException e = getUserFails(404, "{\"name\":\"NotFoundError\",\"message\":\"Not found: user u1.\","
                + "\"httpStatusCode\":404,\"traceId\":\"trace-1\",\"code\":\"not_found\",\"details\":[{\"issue\":\"user not found\"}]}",
                Map.of("X-Request-Id", "header-1"));
        assertThat(e).isExactlyInstanceOf(NotFoundException.class);
        assertThat(e.status()).isEqualTo(404);
        assertThat(e.requestId()).isEqualTo("header-1");
        assertThat(e.code()).isEqualTo("not_found");
        assertThat(e.error().name()).isEqualTo("NotFoundError");
        assertThat(e.serverMessage()).isEqualTo("user not found");
        assertThat(e.getMessage()).isEqualTo("user not found (HTTP 404, not_found, request header-1)");
    }

    @Test
    void nativeShapeWhenNoHeaderThenRequestIdFromTraceId() {
        LatchkeyApiException e = getUserFails(404, "{\"name\":\"NotFoundError\",\"message\":\"Not found\",\"traceId\":\"trace-2\"}", Map.of());
        assertThat(e.requestId()).isEqualTo("trace-2");
        assertThat(e.serverMessage()).isEqualTo("Not found");
    }

    @Test
    void nativeShapeWhen403UnauthorizedErrorThenUnauthorized() {
        LatchkeyApiException e = getUserFails(403, "{\"name\":\"UnauthorizedError\",\"message\":\"Unauthorized\","
                + "\"code\":\"token_expired\",\"details\":[{\"issue\":\"token expired\"}]}", Map.of());
        assertThat(e).isExactlyInstanceOf(UnauthorizedException.class);
        assertThat(e.code()).isEqualTo("token_expired");
    }

    @Test
    void nativeShapeWhen403ForbiddenWithDecisionThenForbiddenWithDecisionIdAndReason() {
        LatchkeyApiException e = getUserFails(403, "{\"name\":\"ActionForbiddenError\",\"message\":\"Principal can not"
                + " execute action on given resource\",\"code\":\"forbidden\",\"decisionId\":\"d-1\",\"reason\":\"statement s2 denies\","
                + "\"details\":[{\"issue\":\"only organization administrators may create users\"}]}", Map.of());
        assertThat(e).isExactlyInstanceOf(ForbiddenException.class);
        ForbiddenException f = (ForbiddenException) e;
        assertThat(f.decisionId()).contains("d-1");
        assertThat(f.reason()).contains("statement s2 denies");
        assertThat(f.serverMessage()).isEqualTo("only organization administrators may create users");
    }

    @Test
    void nativeShapeWhen403WithoutDecisionThenForbiddenWithEmptyDecision() {
        ForbiddenException f = (ForbiddenException) getUserFails(403, "{\"name\":\"ActionForbiddenError\",\"message\":\"no\"}", Map.of());
        assertThat(f.decisionId()).isEmpty();
        assertThat(f.reason()).isEmpty();
    }

    @Test
    void nativeShapeWhen400NamingFieldThenValidationWithField() {
        LatchkeyApiException e = getUserFails(400, "{\"name\":\"InvalidParameterError\",\"message\":\"Invalid parameter: email.\","
                + "\"code\":\"invalid_field\",\"details\":[{\"issue\":\"email is not an email address\",\"field\":\"email\",\"location\":\"body\"}]}",
                Map.of());
        assertThat(e).isExactlyInstanceOf(ValidationException.class).isInstanceOf(BadRequestException.class);
        assertThat(((ValidationException) e).field()).isEqualTo("email");
        assertThat(e.details()).containsExactly(new ErrorDetail("email is not an email address", "email"));
    }

    @Test
    void nativeShapeWhen409And429And500ThenConflictRateLimitServer() {
        assertThat(getUserFails(409, "{\"name\":\"ConflictError\",\"message\":\"exists\",\"code\":\"conflict\"}", Map.of()))
                .isExactlyInstanceOf(ConflictException.class);
        LatchkeyApiException limited = getUserFails(429, "{\"name\":\"TooManyRequestsError\",\"message\":\"Too many requests\","
                + "\"retryAfterSeconds\":900}", Map.of());
        assertThat(((RateLimitException) limited).retryAfter()).contains(java.time.Duration.ofSeconds(900));
        assertThat(getUserFails(500, "{\"name\":\"UnexpectedError\",\"message\":\"Unexpected Error Occurred.\"}", Map.of()))
                .isExactlyInstanceOf(ServerException.class);
    }

    @Test
    void apiShapeWhen400ThenBadRequestWithReqIdAndMessage() {
        LatchkeyApiException e = bootstrapFails(400, "{\"reqId\":\"req-9\",\"statusCode\":400,"
                + "\"message\":\"Instance has already been set up\",\"error\":\"BadRequest\"}");
        assertThat(e).isExactlyInstanceOf(BadRequestException.class);
        assertThat(e.requestId()).isEqualTo("req-9");
        assertThat(e.error().name()).isEqualTo("BadRequest");
        assertThat(e.code()).isNull();
        assertThat(e.serverMessage()).isEqualTo("Instance has already been set up");
    }

    @Test
    void apiShapeWhen422IssueArrayThenValidationNamingPath() {
        LatchkeyApiException e = bootstrapFails(422, "{\"reqId\":\"req-3\",\"statusCode\":422,\"error\":\"ValidationFailure\","
                + "\"message\":[{\"code\":\"invalid_field\",\"path\":[\"owner\",\"email\"],\"message\":\"email is not an email address\"}]}");
        assertThat(e).isExactlyInstanceOf(ValidationException.class);
        assertThat(((ValidationException) e).field()).isEqualTo("owner.email");
        assertThat(e.serverMessage()).isEqualTo("email is not an email address");
    }

    @Test
    void apiShapeWhen403PermissionDeniedWithDetailsThenForbiddenWithDecision() {
        LatchkeyApiException e = bootstrapFails(403, "{\"reqId\":\"r\",\"statusCode\":403,\"error\":\"PermissionDenied\","
                + "\"message\":\"denied\",\"details\":{\"decisionId\":\"d-7\",\"reason\":\"no allow matched\"}}");
        assertThat(((ForbiddenException) e).decisionId()).contains("d-7");
        assertThat(((ForbiddenException) e).reason()).contains("no allow matched");
    }

    @Test
    void apiShapeWhen401ThenUnauthorized() {
        assertThat(bootstrapFails(401, "{\"reqId\":\"r\",\"statusCode\":401,\"error\":\"UnauthorizedError\",\"message\":\"no\"}"))
                .isExactlyInstanceOf(UnauthorizedException.class);
    }

    @Test
    void anyShapeWhenBodyNotJsonThenStatusKeptAndSentRequestIdUsed() {
        transport.on(GET_USER, r -> new HttpTransport.Response(502, Map.of(), "<html>bad gateway</html>".getBytes()));
        assertThatThrownBy(() -> client.users().get("u1")).isExactlyInstanceOf(ServerException.class)
                .satisfies(e -> {
                    LatchkeyApiException x = (LatchkeyApiException) e;
                    assertThat(x.status()).isEqualTo(502);
                    assertThat(x.requestId()).isEqualTo(transport.last().header("X-Request-Id")).isNotBlank();
                    assertThat(x.getMessage()).doesNotContain("<html>");
                });
    }

    @Test
    void anyShapeWhenStatusHasNoSubclassThenBaseException() {
        assertThat(getUserFails(413, "{\"name\":\"PayloadTooLargeError\",\"message\":\"Request body too large\"}", Map.of()))
                .isExactlyInstanceOf(LatchkeyApiException.class).extracting(LatchkeyApiException::status).isEqualTo(413);
    }

    @Test
    void transportWhenConnectionRefusedThenNetworkExceptionWithSentRequestId() {
        transport.on(GET_USER, r -> {
            throw new ConnectException("Connection refused");
        });
        assertThatThrownBy(() -> client.users().get("u1")).isExactlyInstanceOf(NetworkException.class)
                .hasMessageContaining("could not reach http://127.0.0.1:8400").hasMessageContaining("Connection refused")
                .satisfies(e -> {
                    assertThat(((NetworkException) e).status()).isZero();
                    assertThat(((NetworkException) e).requestId()).isEqualTo(transport.last().header("X-Request-Id"));
                });
    }

    @Test
    void transportWhenTimeoutThenNetworkExceptionSaysTimedOut() {
        transport.on(GET_USER, r -> {
            throw new HttpTimeoutException("request timed out");
        });
        assertThatThrownBy(() -> client.users().get("u1")).isExactlyInstanceOf(NetworkException.class)
                .hasMessageContaining("timed out after 30000 ms");
    }

    @Test
    void successWhenBodyNotExpectedJsonThenUnexpectedResponse() {
        transport.on(GET_USER, r -> FakeTransport.json(200, "[1,2]"));
        assertThatThrownBy(() -> client.users().get("u1")).isExactlyInstanceOf(LatchkeyApiException.class)
                .satisfies(e -> assertThat(((LatchkeyApiException) e).code()).isEqualTo("unexpected_response"));
    }
}
