package io.latchkey.sdk;

import java.time.Instant;
import java.util.List;

/**
 * A personal access token ({@code TokenDto}): a machine principal that lives outside projects, holds a
 * public key and joins projects as a member. It holds no secret: its private key stays with its owner.
 *
 * @param id                   the token id (also the client id and the assertion's {@code iss}/{@code sub})
 * @param ari                  {@code ari:iam:::token/<id>}
 * @param ownerAri             {@code ari:iam:::user/<userId>}
 * @param name                 its name
 * @param authenticationMethod algorithm and public key
 * @param scopes               granted scopes (the dialect lists none today)
 * @param description          a description, or null
 * @param createdAt            when it was created
 * @param updatedAt            when it last changed
 * @since 0.1
 */
public record Token(String id, String ari, String ownerAri, String name, TokenAuthenticationMethod authenticationMethod,
                    List<String> scopes, String description, Instant createdAt, Instant updatedAt) {

    public Token {
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
    }
}
