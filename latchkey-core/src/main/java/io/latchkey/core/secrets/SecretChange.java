package io.latchkey.core.secrets;

/**
 * One change to a secret, as webhooks report it: the name, what happened and the resulting version. Never
 * carries a value.
 *
 * @param version the version written (for a deletion, the last version)
 * @since 0.1
 */
public record SecretChange(String secretKey, Kind kind, int version) {

    /** What happened. Wire names go into webhook payloads: never change them. */
    public enum Kind {
        CREATED("created"), UPDATED("updated"), DELETED("deleted");

        private final String wire;

        Kind(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }
    }
}
