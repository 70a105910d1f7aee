package io.latchkey.sdk;

import java.time.Instant;

/**
 * A project: the unit of isolation that principals, policies, secrets and keys belong to
 * (specs/affinidi-iam.md section 4.1, {@code ProjectDto}).
 *
 * @param id                          the project id ({@code P} followed by 27 letters and digits)
 * @param name                        its name
 * @param ownerId                     the id of the user who created it
 * @param description                 a description, or null
 * @param identityVerificationEnabled the vendor's flag, stored and returned as set
 * @param createdAt                   when it was created
 * @param updatedAt                   when it last changed
 * @param type                        Latchkey's project type ({@code secret-manager}, {@code kms}, ...), or null
 * @param slug                        the secrets dialect's slug, or null
 * @param orgId                       the organization that owns it
 * @since 0.1
 */
public record Project(String id, String name, String ownerId, String description, boolean identityVerificationEnabled,
                      Instant createdAt, Instant updatedAt, String type, String slug, String orgId) {
}
