package io.latchkey.core.crypto;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretBoxTest {
    private final SecretBox box = new SecretBox(SecretBox.newKey());

    @Test
    void openWhenSealedWithSameAssociatedDataThenPlaintext() {
        byte[] sealed = box.seal(bytes("s3cr3t"), "secret:1");
        assertThat(new String(box.open(sealed, "secret:1"), StandardCharsets.UTF_8)).isEqualTo("s3cr3t");
    }

    @Test
    void sealWhenSamePlaintextTwiceThenDifferentCiphertexts() {
        assertThat(box.seal(bytes("x"), "a")).isNotEqualTo(box.seal(bytes("x"), "a"));
    }

    @Test
    void openWhenOtherAssociatedDataOtherKeyOrTamperedThenRefusedAndTheThreadsCipherStillWorks() {
        byte[] sealed = box.seal(bytes("value"), "secret:1");
        assertThatThrownBy(() -> box.open(sealed, "secret:2")).isInstanceOf(SecretBox.DecryptionFailedException.class);
        assertThatThrownBy(() -> new SecretBox(SecretBox.newKey()).open(sealed, "secret:1"))
                .isInstanceOf(SecretBox.DecryptionFailedException.class);
        byte[] tampered = sealed.clone();
        tampered[tampered.length - 1] ^= 1;
        assertThatThrownBy(() -> box.open(tampered, "secret:1")).isInstanceOf(SecretBox.DecryptionFailedException.class);
        assertThatThrownBy(() -> box.open(new byte[5], "secret:1")).isInstanceOf(SecretBox.DecryptionFailedException.class);
        // After failures on this thread, sealing and opening still work.
        assertThat(box.open(box.seal(bytes("again"), "b"), "b")).isEqualTo(bytes("again"));
        assertThat(box.open(sealed, "secret:1")).isEqualTo(bytes("value"));
    }

    @Test
    void sealAndOpenWhenManyThreadsAndKeysInterleaveThenEveryValueRoundTrips() throws Exception {
        SecretBox other = new SecretBox(SecretBox.newKey());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int n = t;
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 500; i++) {
                        SecretBox b = (i + n) % 2 == 0 ? box : other;
                        byte[] v = bytes("v" + n + "-" + i);
                        if (!java.util.Arrays.equals(b.open(b.seal(v, "ad" + i), "ad" + i), v)) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> f : results) {
                assertThat(f.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
