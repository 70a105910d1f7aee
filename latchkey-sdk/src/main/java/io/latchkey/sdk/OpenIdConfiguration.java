package io.latchkey.sdk;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.util.List;

/**
 * The server's discovery document ({@code /.well-known/openid-configuration}).
 *
 * @param issuer        the {@code iss} of the server's tokens; give it to {@link TokenVerifier}
 * @param tokenEndpoint the OAuth2 token endpoint
 * @param jwksUri       where the public keys are
 * @since 0.1
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record OpenIdConfiguration(String issuer, String tokenEndpoint, String jwksUri, List<String> grantTypesSupported,
                                  List<String> tokenEndpointAuthMethodsSupported,
                                  List<String> tokenEndpointAuthSigningAlgValuesSupported) {
}
