package io.latchkey.http.secrets;

import io.javalin.http.Context;
import io.latchkey.core.error.LatchkeyException;
import io.latchkey.core.secrets.SecretLocation;
import io.latchkey.core.secrets.SecretMetadata;
import io.latchkey.core.secrets.SecretPath;
import io.latchkey.core.secrets.SecretReadService;
import io.latchkey.core.secrets.SecretType;
import io.latchkey.core.token.TokenUse;
import io.latchkey.http.common.Requests;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Request parameters of the secrets dialect shared by its handlers: project aliases, locations, the
 * spec's string booleans ({@code "true"}/{@code "false"}, specs/infisical.md section 1), {@code If-Match}.
 *
 * @since 0.1
 */
final class SecretsDataParams {
    /**
     * Tokens accepted on secrets, folders, imports, KMS and webhooks: machine identities (what the vendor's
     * SDK sends), users and personal-access-token sessions, and project-scoped tokens (their own project only).
     */
    static final Set<TokenUse> CALLERS = EnumSet.of(TokenUse.IDENTITY, TokenUse.USER, TokenUse.PAT, TokenUse.PROJECT);

    private SecretsDataParams() {
    }

    /** A location from the query string. */
    static SecretLocation queryLocation(Context ctx, String pathParameter) {
        String path = first(ctx.queryParam(pathParameter), "secretPath".equals(pathParameter) ? null : ctx.queryParam("directory"));
        return new SecretLocation(first(ctx.queryParam("workspaceId"), ctx.queryParam("projectId")),
                first(ctx.queryParam("workspaceSlug"), ctx.queryParam("projectSlug")), ctx.queryParam("environment"),
                SecretPath.parse(path, pathParameter));
    }

    static SecretLocation location(String workspaceId, String projectId, String workspaceSlug, String projectSlug,
                                   String environment, String path, String pathField) {
        return new SecretLocation(first(workspaceId, projectId), first(workspaceSlug, projectSlug), environment,
                SecretPath.parse(path, pathField));
    }

    /** A query boolean: absent means {@code fallback}; anything but "true"/"false" is a 422 naming it. */
    static boolean bool(Context ctx, String name, boolean fallback) {
        String v = ctx.queryParam(name);
        if (v == null || v.isEmpty()) {
            return fallback;
        }
        if (v.equals("true")) {
            return true;
        }
        if (v.equals("false")) {
            return false;
        }
        throw LatchkeyException.invalidField(name, name + " must be true or false");
    }

    /** The read options of S1/S2 from the query (server defaults per the spec when absent). */
    static SecretReadService.Options readOptions(Context ctx) {
        boolean imports = ctx.queryParam("include_imports") != null ? bool(ctx, "include_imports", false)
                : bool(ctx, "includeImports", false);
        String tags = ctx.queryParam("tagSlugs");
        List<String> tagSlugs = tags == null || tags.isBlank() ? List.of()
                : Arrays.stream(tags.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        return new SecretReadService.Options(bool(ctx, "expandSecretReferences", false), bool(ctx, "viewSecretValue", true),
                imports, bool(ctx, "recursive", false), tagSlugs, metadataFilter(ctx.queryParam("metadataFilter")));
    }

    /** {@code key=k,value=v|key=k2} (specs/infisical.md S1); a pair without a value matches any value. */
    static List<SecretMetadata> metadataFilter(String raw) {
        if (raw == null || raw.isBlank()) {
            return List.of();
        }
        List<SecretMetadata> out = new ArrayList<>();
        for (String pair : raw.split("\\|")) {
            String key = null;
            String value = null;
            for (String part : pair.split(",")) {
                int eq = part.indexOf('=');
                String k = eq < 0 ? part.trim() : part.substring(0, eq).trim();
                String v = eq < 0 ? "" : part.substring(eq + 1).trim();
                if (k.equals("key")) {
                    key = v;
                } else if (k.equals("value")) {
                    value = v;
                }
            }
            if (key == null || key.isEmpty()) {
                throw LatchkeyException.invalidField("metadataFilter", "metadataFilter must look like key=k,value=v|key=k2");
            }
            out.add(new SecretMetadata(key, value));
        }
        return out;
    }

    static SecretType type(String value) {
        return SecretType.fromWire(value, "type");
    }

    /** An optional integer query parameter within bounds, or {@code fallback} when absent. */
    static int integer(Context ctx, String name, int min, int max, int fallback) {
        Integer n = Requests.intQuery(ctx, name, min, max);
        return n == null ? fallback : n;
    }

    /**
     * The version a write expects: the {@code If-Match} header ({@code 3}, {@code "3"} or {@code W/"3"}), else
     * the body's {@code version}; null when neither is given.
     */
    static Integer expectedVersion(Context ctx, Integer bodyVersion) {
        String h = ctx.header("If-Match");
        if (h == null || h.isBlank()) {
            return bodyVersion;
        }
        String v = h.trim();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        v = v.replace("\"", "");
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw LatchkeyException.invalidField("If-Match", "If-Match must be the secret's version, e.g. \"3\"");
        }
    }

    /** Metadata from {@code secretMetadata} (a list) or {@code metadata} (an object of key to value). */
    static List<SecretMetadata> metadata(List<SecretMetadata> list, Map<String, Object> object) {
        if (list != null) {
            return list;
        }
        if (object == null) {
            return null;
        }
        List<SecretMetadata> out = new ArrayList<>();
        object.forEach((k, v) -> out.add(new SecretMetadata(k, v == null ? "" : String.valueOf(v))));
        return out;
    }

    static String first(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }
}
