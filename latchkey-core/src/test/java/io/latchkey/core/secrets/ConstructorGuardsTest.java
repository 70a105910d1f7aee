package io.latchkey.core.secrets;

import io.latchkey.core.crypto.RootKey;
import io.latchkey.core.kms.KmsService;
import io.latchkey.core.webhook.WebhookDispatcher;
import io.latchkey.core.webhook.WebhookSecrets;
import io.latchkey.core.webhook.WebhookService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every constructor argument of the secrets, KMS and webhook services is guarded: passing null for it (and
 * valid values for the others) fails with "{@code <name>} cannot be null". Collaborators are stand-ins:
 * interfaces become inert proxies, classes are built the same way, recursively.
 */
class ConstructorGuardsTest {

    @ParameterizedTest
    @ValueSource(classes = {SecretService.class, SecretReadService.class, FolderService.class, SecretImportService.class,
            SecretScopes.class, SecretOpener.class, SecretsAccess.class, SecretCipher.class, ProjectDataKeys.class,
            KmsService.class, WebhookService.class, WebhookDispatcher.class, WebhookSecrets.class})
    void constructorWhenAnyArgumentNullThenNamedGuard(Class<?> type) throws Exception {
        Constructor<?> c = publicConstructor(type);
        Parameter[] params = c.getParameters();
        for (int i = 0; i < params.length; i++) {
            Object[] args = new Object[params.length];
            for (int j = 0; j < params.length; j++) {
                args[j] = j == i ? null : standIn(params[j].getType(), 0);
            }
            try {
                c.newInstance(args);
                fail(type.getSimpleName() + " accepted a null " + params[i].getName());
            } catch (InvocationTargetException e) {
                assertThat(e.getCause()).isInstanceOf(IllegalArgumentException.class)
                        .hasMessage(params[i].getName() + " cannot be null");
            }
        }
    }

    private static final Map<Class<?>, Object> CACHE = new HashMap<>();

    private static Object standIn(Class<?> t, int depth) throws Exception {
        if (CACHE.containsKey(t)) {
            return CACHE.get(t);
        }
        Object v;
        if (t == Clock.class) {
            v = Clock.systemUTC();
        } else if (t == Duration.class) {
            v = Duration.ofSeconds(1);
        } else if (t == io.latchkey.core.token.TokenSettings.class) {
            v = io.latchkey.core.token.TokenSettings.builder().issuer("http://127.0.0.1").build();
        } else if (t == RootKey.class) {
            v = RootKey.generate();
        } else if (t.isInterface()) {
            v = Proxy.newProxyInstance(t.getClassLoader(), new Class<?>[] {t}, (proxy, method, args) -> {
                if (method.getName().equals("toString")) {
                    return "stand-in " + t.getSimpleName();
                }
                throw new UnsupportedOperationException("stand-in");
            });
        } else if (depth > 6) {
            throw new IllegalStateException("cannot build " + t);
        } else {
            Constructor<?> c = publicConstructor(t);
            Object[] args = new Object[c.getParameterCount()];
            for (int i = 0; i < args.length; i++) {
                args[i] = standIn(c.getParameterTypes()[i], depth + 1);
            }
            v = c.newInstance(args);
        }
        CACHE.put(t, v);
        return v;
    }

    private static Constructor<?> publicConstructor(Class<?> t) {
        for (Constructor<?> c : t.getConstructors()) {
            if (Modifier.isPublic(c.getModifiers())) {
                return c;
            }
        }
        throw new IllegalStateException(t + " has no public constructor");
    }
}
