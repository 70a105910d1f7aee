package io.latchkey.core.webhook;

import io.latchkey.core.secrets.SecretChange;
import io.latchkey.core.secrets.SecretPath;
import io.latchkey.core.support.JsonText;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON bodies webhooks receive. {@code secrets.modified} follows the vendor's shape ({@code event},
 * {@code project.{workspaceId, environment, secretPath}}, {@code timestamp} in milliseconds) and adds
 * {@code changes}: names, actions and versions.
 *
 * <p>INVARIANT: payloads never contain a secret value or comment; they are stored in clear text in the
 * delivery queue and sent to third parties.
 *
 * @since 0.1
 */
final class WebhookPayloads {
    static final String MODIFIED = "secrets.modified";
    static final String TEST = "test";

    private WebhookPayloads() {
    }

    static String modified(String projectId, String environment, SecretPath path, List<SecretChange> changes, Instant now) {
        Map<String, Object> body = base(MODIFIED, projectId, environment, path, now);
        body.put("changes", changes.stream().map(c -> Map.<String, Object>of("secretKey", c.secretKey(),
                "action", c.kind().wire(), "version", c.version())).toList());
        return JsonText.write(body);
    }

    static String test(String projectId, String environment, SecretPath path, Instant now) {
        return JsonText.write(base(TEST, projectId, environment, path, now));
    }

    private static Map<String, Object> base(String event, String projectId, String environment, SecretPath path, Instant now) {
        Map<String, Object> project = new LinkedHashMap<>();
        project.put("workspaceId", projectId);
        project.put("projectId", projectId);
        project.put("environment", environment);
        project.put("secretPath", path.value());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", event);
        body.put("project", project);
        body.put("timestamp", now.toEpochMilli());
        return body;
    }
}
