package io.latchkey.core.keys;

import java.util.List;
import java.util.Map;

/**
 * Port: renders public keys of the ring as a JWK set document ({@code {"keys": [...]}}), public members
 * only. Implemented with Nimbus in latchkey-jose.
 *
 * @since 0.1
 */
public interface JwkSetPublisher {

    Map<String, Object> publicJwkSet(List<LoadedKey> keys);
}
