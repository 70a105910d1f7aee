package io.latchkey.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The config file's content: named profiles.
 *
 * @param version  the file format (1)
 * @param profiles profile name to profile
 * @since 0.1
 */
record CliConfig(int version, Map<String, Profile> profiles) {
    static final int CURRENT_VERSION = 1;

    CliConfig {
        profiles = profiles == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(profiles));
    }

    static CliConfig empty() {
        return new CliConfig(CURRENT_VERSION, Map.of());
    }

    Profile profile(String name) {
        return profiles.getOrDefault(name, Profile.EMPTY);
    }

    CliConfig with(String name, Profile profile) {
        Map<String, Profile> p = new LinkedHashMap<>(profiles);
        p.put(name, profile);
        return new CliConfig(CURRENT_VERSION, p);
    }
}
