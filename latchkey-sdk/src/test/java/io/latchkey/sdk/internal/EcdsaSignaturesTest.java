package io.latchkey.sdk.internal;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** RFC 7518 section 3.4: JOSE r||s to ASN.1 DER, including the sign-bit and leading-zero cases. */
class EcdsaSignaturesTest {

    private static byte[] rs(int rFirst, int sFirst) {
        byte[] b = new byte[64];
        Arrays.fill(b, (byte) 0x11);
        b[0] = (byte) rFirst;
        b[32] = (byte) sFirst;
        return b;
    }

    @Test
    void joseToDerWhenTopBitSetThenIntegerPaddedWithZero() {
        byte[] der = EcdsaSignatures.joseToDer(rs(0x80, 0x01), 32);
        assertThat(der[0]).isEqualTo((byte) 0x30);
        assertThat(der[1]).isEqualTo((byte) (2 + 33 + 2 + 32));
        assertThat(der[2]).isEqualTo((byte) 0x02);
        assertThat(der[3]).isEqualTo((byte) 33);
        assertThat(der[4]).isZero();
        assertThat(der[5]).isEqualTo((byte) 0x80);
        assertThat(der[4 + 33]).isEqualTo((byte) 0x02);
        assertThat(der[5 + 33]).isEqualTo((byte) 32);
    }

    @Test
    void joseToDerWhenLeadingZerosThenStripped() {
        byte[] b = rs(0x00, 0x7f);
        b[1] = 0x00;
        byte[] der = EcdsaSignatures.joseToDer(b, 32);
        assertThat(der[3]).isEqualTo((byte) 30);
        assertThat(der[4]).isEqualTo((byte) 0x11);
    }

    @Test
    void joseToDerWhenAllZeroHalfThenSingleZeroByte() {
        byte[] b = new byte[64];
        b[63] = 1;
        assertThat(EcdsaSignatures.joseToDer(b, 32)).containsExactly(0x30, 6, 0x02, 1, 0, 0x02, 1, 1);
    }

    @Test
    void joseToDerWhenWrongLengthThenRejected() {
        assertThatThrownBy(() -> EcdsaSignatures.joseToDer(new byte[63], 32)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("64 bytes");
    }
}
