package io.latchkey.sdk;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer of a secrets list: the folder's own secrets and, when imports were asked for, the secrets
 * each import brings, in import order.
 *
 * @since 0.1
 */
public record SecretListing(List<Secret> secrets, List<Imported> imports) {

    public SecretListing {
        secrets = secrets == null ? List.of() : List.copyOf(secrets);
        imports = imports == null ? List.of() : List.copyOf(imports);
    }

    /**
     * The values as an application sees them: name to value, the folder's own secrets winning over
     * imported ones, earlier imports over later ones (the order the server resolves a get with imports).
     * In a recursive listing a name can occur in several folders; the one listed last wins, so list one
     * folder when names may repeat.
     */
    public Map<String, String> effectiveValues() {
        Map<String, String> out = new LinkedHashMap<>();
        List<Imported> reversed = new ArrayList<>(imports);
        java.util.Collections.reverse(reversed);
        for (Imported i : reversed) {
            i.secrets().forEach(s -> out.put(s.key(), s.value()));
        }
        secrets.forEach(s -> out.put(s.key(), s.value()));
        return out;
    }

    /**
     * The secrets one import brings.
     *
     * @since 0.1
     */
    public record Imported(@JsonProperty("secretPath") String path, String environment, List<Secret> secrets) {
        public Imported {
            secrets = secrets == null ? List.of() : List.copyOf(secrets);
        }
    }

    @Override
    public String toString() {
        return "SecretListing[secrets=" + secrets.size() + ", imports=" + imports.size() + "]";
    }
}
