package io.latchkey.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.latchkey.testkit.TestResponse;
import io.latchkey.testkit.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the server reads request bodies, at the level of the connection: a body over the limit is answered
 * 413 even when the client sends all of it first, and the connection goes on serving; a client that asks
 * {@code Expect: 100-continue} is answered without being asked for the body; chunked bodies are read and
 * limited like the rest; the token endpoint's form is decoded and checked (RFC 6749 section 3.2).
 */
class RequestBodiesTest {
    private static final int LIMIT = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();
    static TestServer server;
    static String owner;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("max-request-bytes", Integer.toString(LIMIT)));
        server.bootstrap();
        owner = server.login(TestServer.OWNER_EMAIL, TestServer.OWNER_PASSWORD);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void bodyOverTheLimitWhenSentWholeThen413AndTheConnectionServesTheNextRequest() throws IOException {
        byte[] big = jsonOfSize(3 * LIMIT);
        try (Connection c = new Connection()) {
            for (int i = 0; i < 20; i++) {
                c.send(head("POST", "/iam/v1/projects", "Content-Length: " + big.length), big);
                Answer a = c.read();
                assertThat(a.status).as("round %d", i).isEqualTo(413);
                assertThat(a.json().get("name").asText()).isEqualTo("PayloadTooLargeError");
            }
            c.send(head("POST", "/iam/v1/projects", "Content-Length: " + small().length), small());
            assertThat(c.read().status).isEqualTo(200);
        }
    }

    @Test
    void bodyOverTheLimitWhenTheClientAsksToContinueThen413WithoutAskingForTheBody() throws IOException {
        try (Connection c = new Connection()) {
            c.send(head("POST", "/iam/v1/projects", "Content-Length: " + 3 * LIMIT + "\r\nExpect: 100-continue"), new byte[0]);
            Answer a = c.read();
            assertThat(a.status).isEqualTo(413);
            assertThat(a.json().get("name").asText()).isEqualTo("PayloadTooLargeError");
        }
    }

    @Test
    void chunkedBodyWhenWithinTheLimitThenReadAndOverItThen413() throws IOException {
        try (Connection c = new Connection()) {
            c.send(head("POST", "/iam/v1/projects", "Transfer-Encoding: chunked"), chunked(small(), 7));
            Answer ok = c.read();
            assertThat(ok.status).as(ok.body()).isEqualTo(200);
            assertThat(ok.json().get("name").asText()).isEqualTo("chunked");
            c.send(head("POST", "/iam/v1/projects", "Transfer-Encoding: chunked"), chunked(jsonOfSize(3 * LIMIT), 4096));
            assertThat(c.read().status).isEqualTo(413);
            c.send(head("GET", "/iam/v1/projects", "Content-Length: 0"), new byte[0]);
            assertThat(c.read().status).isEqualTo(200);
        }
        TestResponse secrets = server.raw("POST", "/api/v3/secrets/raw/X", owner, "application/json",
                new String(jsonOfSize(LIMIT + 1), StandardCharsets.UTF_8));
        assertThat(secrets.status()).isEqualTo(413);
        assertThat(secrets.text("statusCode")).isEqualTo("413");
    }

    @Test
    void bodyShorterThanItsContentLengthWhenTheClientStopsSendingThen400() throws IOException {
        try (Connection c = new Connection()) {
            c.send(head("POST", "/iam/v1/projects", "Content-Length: 100"), "{\"name\":".getBytes(StandardCharsets.US_ASCII));
            c.socket.shutdownOutput();
            Answer a = c.read();
            assertThat(a.status).as(a.body()).isEqualTo(400);
        }
    }

    @Test
    void tokenEndpointFormWhenEscapedRepeatedOrMalformedThenDecodedOrRefusedAs400() {
        // Escapes decode: the grant type is understood, so what is missing is the client's assertion.
        TestResponse escaped = server.raw("POST", "/auth/oauth2/token", null, "application/x-www-form-urlencoded",
                "grant_type=client%5Fcredentials&scope=open+id");
        assertThat(escaped.status()).as(escaped.body()).isBetween(400, 401);
        assertThat(escaped.text("error")).isNotEqualTo("unsupported_grant_type");
        TestResponse wrongGrant = server.raw("POST", "/auth/oauth2/token", null, "application/x-www-form-urlencoded",
                "grant_type=pass%77ord");
        assertThat(wrongGrant.text("error")).isEqualTo("unsupported_grant_type");

        TestResponse repeated = server.raw("POST", "/auth/oauth2/token", null, "application/x-www-form-urlencoded",
                "grant_type=client_credentials&client_id=a&client_id=b");
        assertThat(repeated.status()).isEqualTo(400);
        assertThat(repeated.text("error")).isEqualTo("invalid_request");
        assertThat(repeated.text("error_description")).contains("client_id");

        TestResponse malformed = server.raw("POST", "/auth/oauth2/token", null, "application/x-www-form-urlencoded",
                "grant_type=client_credentials&client_id=%zz");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.text("error")).isEqualTo("invalid_request");

        TestResponse empty = server.raw("POST", "/auth/oauth2/token", null, "application/x-www-form-urlencoded", "");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.text("error")).isEqualTo("invalid_request");
    }

    private static byte[] small() {
        return "{\"name\":\"chunked\"}".getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] jsonOfSize(int size) {
        byte[] b = new byte[size];
        Arrays.fill(b, (byte) 'a');
        byte[] open = "{\"name\":\"".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(open, 0, b, 0, open.length);
        b[size - 2] = '"';
        b[size - 1] = '}';
        return b;
    }

    private static byte[] chunked(byte[] body, int chunk) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int at = 0; at < body.length; at += chunk) {
            int n = Math.min(chunk, body.length - at);
            out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, at, n);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static String head(String method, String path, String extra) {
        return method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + owner
                + "\r\nContent-Type: application/json\r\n" + extra + "\r\n\r\n";
    }

    /** One keep-alive HTTP/1.1 connection, written and read by hand. */
    private static final class Connection implements AutoCloseable {
        final Socket socket;
        final InputStream in;
        final OutputStream out;

        Connection() throws IOException {
            socket = new Socket("127.0.0.1", server.port());
            socket.setSoTimeout(30_000);
            in = socket.getInputStream();
            out = socket.getOutputStream();
        }

        void send(String head, byte[] body) throws IOException {
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
        }

        Answer read() throws IOException {
            String statusLine = line();
            assertThat(statusLine).startsWith("HTTP/1.1 ");
            Map<String, String> headers = new LinkedHashMap<>();
            for (String h = line(); !h.isEmpty(); h = line()) {
                int colon = h.indexOf(':');
                headers.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
            }
            int status = Integer.parseInt(statusLine.substring(9, 12));
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                for (int n = Integer.parseInt(line().trim(), 16); n > 0; n = Integer.parseInt(line().trim(), 16)) {
                    body.writeBytes(in.readNBytes(n));
                    line();
                }
                line();
            } else if (headers.containsKey("content-length")) {
                body.writeBytes(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
            }
            return new Answer(status, body.toString(StandardCharsets.UTF_8));
        }

        private String line() throws IOException {
            StringBuilder sb = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("connection closed after: " + sb);
                }
                if (c != '\r') {
                    sb.append((char) c);
                }
            }
            return sb.toString();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private record Answer(int status, String body) {
        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }
    }
}
