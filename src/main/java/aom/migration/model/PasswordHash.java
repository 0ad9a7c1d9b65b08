package aom.migration.model;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Random;

/**
 * ApiOmat's customer password hash: {@code pbkdf2-sha256$<iterations>$<salt base64>$<hash base64>}, computed with
 * PBKDF2WithHmacSHA256 and a 32-byte result.
 */
public final class PasswordHash {

    public static final String SCHEME = "pbkdf2-sha256";
    public static final int DEFAULT_ITERATIONS = 10_000;
    private static final int HASH_BYTES = 32;
    private static final int SALT_BYTES = 16;

    private PasswordHash() {
    }

    /** Hashes {@code password} with a fresh random salt. */
    public static String hash(String password, int iterations) {
        return hash(password, iterations, new SecureRandom());
    }

    /** Hashes {@code password} with a salt drawn from {@code random} (deterministic for the demo generator). */
    public static String hash(String password, int iterations, Random random) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = derive(password, salt, iterations);
        Base64.Encoder base64 = Base64.getEncoder();
        return SCHEME + "$" + iterations + "$" + base64.encodeToString(salt) + "$" + base64.encodeToString(hash);
    }

    /** Whether {@code password} matches {@code stored}; false for anything not in this scheme. */
    public static boolean matches(String password, String stored) {
        if (stored == null) {
            return false;
        }
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !SCHEME.equals(parts[0])) {
            return false;
        }
        try {
            int iterations = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            return MessageDigest.isEqual(expected, derive(password, salt, iterations));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The iteration count of a stored hash, or {@link #DEFAULT_ITERATIONS} if it cannot be read. */
    public static int iterationsOf(String stored) {
        if (stored != null) {
            String[] parts = stored.split("\\$");
            if (parts.length == 4 && SCHEME.equals(parts[0])) {
                try {
                    return Integer.parseInt(parts[1]);
                } catch (NumberFormatException ignored) {
                    // fall through to the default
                }
            }
        }
        return DEFAULT_ITERATIONS;
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, HASH_BYTES * 8);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available in this Java runtime", e);
        }
    }
}
