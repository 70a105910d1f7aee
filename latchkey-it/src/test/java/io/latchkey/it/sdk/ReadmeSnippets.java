package io.latchkey.it.sdk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the README's Java snippets and the tests that run them together: every {@code ```java} block of the
 * named README sections must appear, line for line, in the test class that runs it.
 */
final class ReadmeSnippets {
    private static final Path README = Path.of("..", "README.md");
    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

    private ReadmeSnippets() {
    }

    /**
     * @param testClass the test that runs the snippets (its source is read from src/test/java)
     * @param minSnippets how many snippets the sections hold at least (guards against a renamed heading)
     * @param headings the sections' level-2 headings, e.g. {@code "## SDK"}
     */
    static void assertEachIsRunBy(Class<?> testClass, int minSnippets, String... headings) throws IOException {
        String readme = Files.readString(README);
        List<String> snippets = new ArrayList<>();
        for (String heading : headings) {
            String section = readme.substring(readme.indexOf("\n" + heading));
            int end = section.indexOf("\n## ", 3);
            snippets.addAll(javaBlocks(end < 0 ? section : section.substring(0, end)));
        }
        assertThat(snippets).as("README sections %s have java snippets", List.of(headings))
                .hasSizeGreaterThanOrEqualTo(minSnippets);
        Path source = Path.of("src", "test", "java").resolve(testClass.getName().replace('.', '/') + ".java");
        String self = normalize(Files.readString(source));
        for (String snippet : snippets) {
            assertThat(self).as("README snippet is run by " + testClass.getSimpleName() + ":\n" + snippet)
                    .contains(normalize(snippet));
        }
    }

    private static List<String> javaBlocks(String markdown) {
        List<String> out = new ArrayList<>();
        Matcher m = JAVA_BLOCK.matcher(markdown);
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
