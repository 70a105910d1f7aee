package io.latchkey.cli;

import io.latchkey.sdk.HttpTransport;
import io.latchkey.sdk.JsonCodec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Runs the command line in memory: a fake server, a temporary config folder, a scripted terminal. */
final class CliHarness implements HttpTransport {
    static final String SERVER = "http://127.0.0.1:8400";
    static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    record Result(int exit, String out, String err) {
    }

    private final Map<String, Function<Request, Response>> routes = new HashMap<>();
    private final List<Request> requests = new ArrayList<>();
    private final Map<String, String> env = new HashMap<>();
    private final Deque<String> answers = new ArrayDeque<>();
    private final List<String> prompts = new ArrayList<>();
    private boolean terminal;
    private byte[] stdin = new byte[0];
    final Path configDir;

    CliHarness() throws IOException {
        configDir = Files.createTempDirectory("latchkey-cli-test-").resolve("cfg");
        env.put("LATCHKEY_CONFIG_DIR", configDir.toString());
    }

    CliHarness route(String route, int status, String body) {
        routes.put(route, r -> json(status, body));
        return this;
    }

    CliHarness env(String name, String value) {
        env.put(name, value);
        return this;
    }

    /** What standard input holds (piped, not a terminal). */
    CliHarness stdin(String text) {
        stdin = text.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    /** A terminal that answers the prompts in order. */
    CliHarness terminal(String... answersInOrder) {
        terminal = true;
        answers.addAll(List.of(answersInOrder));
        return this;
    }

    CliHarness loggedIn(String token) {
        new ConfigStore(configDir).save(CliConfig.empty().with("default", new Profile(SERVER, token, null)));
        return this;
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliEnvironment e = new CliEnvironment(env, configDir.getParent(), new PrintWriter(out, true), new PrintWriter(err, true),
                prompter(), this, Clock.fixed(NOW, ZoneOffset.UTC), new java.io.ByteArrayInputStream(stdin));
        int exit = LatchkeyCommand.commandLine(e).execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    private Prompter prompter() {
        return new Prompter() {
            @Override
            public boolean interactive() {
                return terminal;
            }

            @Override
            public String readLine(String prompt) {
                prompts.add("line:" + prompt);
                return answers.poll();
            }

            @Override
            public char[] readSecret(String prompt) {
                prompts.add("secret:" + prompt);
                String a = answers.poll();
                return a == null ? null : a.toCharArray();
            }
        };
    }

    @Override
    public Response send(Request request) throws IOException {
        requests.add(request);
        Function<Request, Response> h = routes.get(request.method() + " " + request.uri().getPath());
        if (h == null) {
            throw new java.net.ConnectException("Connection refused");
        }
        return h.apply(request);
    }

    List<Request> requests() {
        return requests;
    }

    List<String> prompts() {
        return prompts;
    }

    Profile profile() {
        return new ConfigStore(configDir).load().profile("default");
    }

    static Response json(int status, String body) {
        return new Response(status, Map.of("X-Request-Id", List.of("req-" + status)), body.getBytes(StandardCharsets.UTF_8));
    }

    static String token(String tokenUse, long exp) {
        Base64.Encoder b = Base64.getUrlEncoder().withoutPadding();
        Map<String, Object> claims = new HashMap<>(Map.of("sub", "u-1", "token_use", tokenUse, "principal_type", "user",
                "org_id", "o-1", "exp", exp));
        return b.encodeToString("{\"alg\":\"ES256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b.encodeToString(JsonCodec.write(claims).getBytes(StandardCharsets.UTF_8)) + "." + b.encodeToString(new byte[64]);
    }
}
