package aom.migration.bundle;

import aom.migration.progress.Workers;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Gets SHA-256 compiled before the data arrives. The JDK hashes with the processor's SHA instructions only in code
 * its optimizing compiler made; in a fresh JVM, which is busy compiling everything else at the start of an export or
 * import, that takes a while, and until then every byte is hashed by the interpreter or the first-tier compiler, many
 * times slower: about 350 ms of a cold 300 MB export's CPU in the profile. Hashing 1 MB in 1 KB pieces (about 40 ms in
 * the interpreter) makes the hashing loop hot enough to be compiled right away, while the export or import still
 * waits for its connection.
 */
public final class HashWarmUp {

    private static final int PIECE = 1024;
    private static final int PIECES = 1024;

    private HashWarmUp() {
    }

    /** Starts the warm-up on a daemon thread of its own and returns at once. */
    public static void start() {
        Workers.daemons("aom-hash-warm-up").newThread(HashWarmUp::run).start();
    }

    /** Hashes 1 MB of zeros in 1 KB pieces; returns the digest so that nothing can be optimized away. */
    static byte[] run() {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] piece = new byte[PIECE];
            for (int i = 0; i < PIECES; i++) {
                sha256.update(piece, 0, piece.length);
            }
            return sha256.digest();
        } catch (NoSuchAlgorithmException e) {
            // Reported where the hashing really happens.
            return new byte[0];
        }
    }
}
