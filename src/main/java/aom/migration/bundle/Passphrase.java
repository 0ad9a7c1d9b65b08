package aom.migration.bundle;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The passphrase of an encrypted bundle, held as characters so that it can be wiped ({@link #close()}) once the key
 * is derived. It is never logged, stored or put in a report: {@link #toString()} says only that it is one.
 */
public final class Passphrase implements AutoCloseable {

    private final char[] characters;

    private Passphrase(char[] characters) {
        this.characters = characters;
    }

    /** Takes a copy of {@code characters}; the caller wipes its own. */
    public static Passphrase of(char[] characters) {
        return new Passphrase(characters.clone());
    }

    /** For tests and for the passphrase file and environment variable, which arrive as strings anyway. */
    public static Passphrase of(String text) {
        return new Passphrase(text.toCharArray());
    }

    public boolean isEmpty() {
        return characters.length == 0;
    }

    /** Whether both hold the same characters (the export asks twice). */
    public boolean matches(Passphrase other) {
        return Arrays.equals(characters, other.characters);
    }

    /** The UTF-8 bytes, as the age format hands them to scrypt; the caller wipes them. */
    byte[] utf8() {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(characters));
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        if (encoded.hasArray()) {
            Arrays.fill(encoded.array(), (byte) 0);
        }
        return bytes;
    }

    /** A copy that stays valid after this one is closed. */
    public Passphrase copy() {
        return new Passphrase(characters.clone());
    }

    @Override
    public void close() {
        Arrays.fill(characters, '\0');
    }

    @Override
    public String toString() {
        return "Passphrase[hidden]";
    }
}
