package aom.migration.bundle;

import org.junit.jupiter.api.Test;

import java.security.MessageDigest;

import static org.assertj.core.api.Assertions.assertThat;

class HashWarmUpTest {

    /** The warm-up really hashes its megabyte (a loop the JIT could drop would warm nothing up). */
    @Test
    void theWarmUpHashesOneMebibyteInPieces() throws Exception {
        byte[] expected = MessageDigest.getInstance("SHA-256").digest(new byte[1024 * 1024]);
        assertThat(HashWarmUp.run()).isEqualTo(expected);
    }
}
