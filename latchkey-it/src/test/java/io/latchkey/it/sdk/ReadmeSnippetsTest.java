package io.latchkey.it.sdk;

import io.latchkey.sdk.AuditEvent;
import io.latchkey.sdk.AuditFilter;
import io.latchkey.sdk.AuditVerification;
import io.latchkey.sdk.BootstrapRequest;
import io.latchkey.sdk.BootstrapResponse;
import io.latchkey.sdk.Claims;
import io.latchkey.sdk.CreateUserRequest;
import io.latchkey.sdk.Credentials;
import io.latchkey.sdk.LatchkeyApiException;
import io.latchkey.sdk.LatchkeyClient;
import io.latchkey.sdk.NotFoundException;
import io.latchkey.sdk.TokenVerifier;
import io.latchkey.sdk.User;
import io.latchkey.testkit.TestServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's SDK snippets, run against a real server (STYLE.md section 11). The snippets below are
 * copied verbatim from the README; {@link #readmeWhenSdkSnippetsListedThenEachIsInThisTest()} fails when
 * the two drift apart.
 */
class ReadmeSnippetsTest {
    private static final Path README = Path.of("..", "README.md");
    private static final Path SELF = Path.of("src", "test", "java", "io", "latchkey", "it", "sdk", "ReadmeSnippetsTest.java");

    @Test
    void snippetsWhenRunAgainstServerThenWork() {
        try (TestServer server = TestServer.start()) {
            String serverUrl = server.baseUrl();
            String email = TestServer.OWNER_EMAIL;
            String password = TestServer.OWNER_PASSWORD;

            LatchkeyClient anonymous = LatchkeyClient.builder().baseUrl(serverUrl).build();
            BootstrapResponse created = anonymous.admin().bootstrap(new BootstrapRequest(email, password, "Acme"));
            LatchkeyClient admin = anonymous.withCredentials(Credentials.staticToken(created.adminToken()));

            LatchkeyClient client = LatchkeyClient.builder()
                    .baseUrl(serverUrl) // e.g. "http://127.0.0.1:8400"
                    .credentials(Credentials.userLogin(email, password))
                    .build();

            User dev = client.users().create(CreateUserRequest.of("dev@example.com", "a strong password"));
            for (User user : client.users().list()) { // follows the server's cursor page by page
                System.out.println(user.email() + " " + user.status());
            }
            assertThat(client.users().get(dev.id()).email()).isEqualTo("dev@example.com");

            try {
                client.users().get("no-such-user");
            } catch (NotFoundException e) {
                System.err.println(e.serverMessage() + " (request " + e.requestId() + ")");
            } catch (LatchkeyApiException e) {
                System.err.println("HTTP " + e.status() + ": " + e.getMessage());
            }

            for (AuditEvent event : client.audit().list(AuditFilter.all().withAction("auth.*").withOutcome("failure"))) {
                System.out.println(event.occurredAt() + " " + event.action() + " " + event.sourceIp());
            }
            AuditVerification chain = admin.audit().verify();
            System.out.println(chain.valid() ? "intact" : "broken at event " + chain.firstBrokenSeq());
            assertThat(chain.valid()).isTrue();

            String issuer = anonymous.wellKnown().openIdConfiguration().issuer();
            String bearerToken = client.auth().login(email, password).accessToken();
            TokenVerifier verifier = TokenVerifier.builder()
                    .client(client) // fetches /iam/.well-known/jwks.json
                    .issuer(issuer) // the iss of the server's tokens: its public URL
                    .build();
            Claims claims = verifier.verifyAccessToken(bearerToken); // InvalidTokenException: answer 401
            System.out.println(claims.subject() + " " + claims.tokenUse());
            assertThat(claims.subject()).isEqualTo(created.user().id());
        }
    }

    @Test
    void readmeWhenSdkSnippetsListedThenEachIsInThisTest() throws IOException {
        String readme = Files.readString(README);
        String sdk = readme.substring(readme.indexOf("\n## SDK"));
        int end = sdk.indexOf("\n## ", 3);
        List<String> snippets = javaBlocks(end < 0 ? sdk : sdk.substring(0, end));
        assertThat(snippets).as("the README's SDK section has java snippets").hasSizeGreaterThanOrEqualTo(5);
        String self = normalize(Files.readString(SELF));
        for (String snippet : snippets) {
            assertThat(self).as("README snippet is run by this test:\n" + snippet).contains(normalize(snippet));
        }
    }

    private static List<String> javaBlocks(String markdown) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(markdown);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /** Each line trimmed, blank lines dropped: indentation differs between the README and a method body. */
    private static String normalize(String code) {
        StringBuilder b = new StringBuilder();
        for (String line : code.split("\\R")) {
            if (!line.isBlank()) {
                b.append(line.strip()).append('\n');
            }
        }
        return b.toString();
    }
}
