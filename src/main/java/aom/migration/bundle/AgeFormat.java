package aom.migration.bundle;

import aom.migration.data.CorruptDataException;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.generators.SCrypt;
import org.bouncycastle.crypto.params.HKDFParameters;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * The age file format, version 1 (age-encryption.org/v1, specified at C2SP), with one passphrase recipient: the
 * construction this tool encrypts bundles with, built from kept implementations of its primitives (scrypt and
 * HKDF-SHA-256 from Bouncy Castle, ChaCha20-Poly1305 and HMAC-SHA-256 from the JDK); nothing here invents
 * cryptography, it lays the primitives out exactly as the specification says, and the tests check it against the
 * specification's test vectors and the {@code age} command.
 *
 * <pre>
 * age-encryption.org/v1
 * -&gt; scrypt &lt;salt, 16 bytes, base64&gt; &lt;log2 of the work factor&gt;
 * &lt;the 16-byte file key wrapped with ChaCha20-Poly1305 under scrypt(passphrase), base64&gt;
 * --- &lt;HMAC-SHA-256 of the header under HKDF(file key, "header"), base64&gt;
 * &lt;16-byte nonce&gt;&lt;payload: 64 KiB chunks, each ChaCha20-Poly1305 under HKDF(file key, nonce, "payload")
 *  with the chunk's number and a last-chunk flag as its nonce, 16 bytes of tag each&gt;
 * </pre>
 *
 * The chunks can be decrypted in any order, which lets a bundle's zip directory and manifest be read without the
 * rest ({@link AgeReader}), and a missing, reordered or appended chunk fails authentication.
 */
final class AgeFormat {

    static final String INTRO = "age-encryption.org/v1\n";
    static final byte[] MAGIC = INTRO.getBytes(StandardCharsets.US_ASCII);
    static final int CHUNK = 64 * 1024;
    static final int TAG = 16;
    static final int NONCE = 16;
    static final int FILE_KEY = 16;
    /**
     * The scrypt work factor this tool encrypts with: 2^16 (64 MiB, about 0.4 s here). age's own default is 2^18
     * (256 MiB, about 1.6 s here); a bundle must open within about a second and an import must run in a heap of
     * 256 MB, so 2^16 it is.
     */
    static final int WORK_FACTOR = 16;
    /** The highest work factor accepted when reading: 2^20 takes 1 GiB; beyond that a forged header is a DoS. */
    static final int MAX_WORK_FACTOR = 20;
    private static final String SCRYPT_LABEL = "age-encryption.org/v1/scrypt";
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODE = Base64.getDecoder();
    private static final SecureRandom RANDOM = new SecureRandom();

    private AgeFormat() {
    }

    /** What the header yields: the file key (authenticated by the header's MAC) and where the payload starts. */
    record Opened(byte[] fileKey, byte[] payloadKey, long payloadStart) {
    }

    /** A new file's header and payload key, for {@link AgeWriter}. */
    record Started(byte[] header, byte[] payloadKey) {
    }

    static Started start(Passphrase passphrase, int workFactor) {
        byte[] fileKey = random(FILE_KEY);
        byte[] salt = random(16);
        byte[] wrapKey = scrypt(passphrase, salt, workFactor);
        byte[] wrapped;
        try {
            wrapped = chacha(Cipher.ENCRYPT_MODE, wrapKey, new byte[12], fileKey);
        } finally {
            Arrays.fill(wrapKey, (byte) 0);
        }
        StringBuilder header = new StringBuilder(INTRO);
        header.append("-> scrypt ").append(B64.encodeToString(salt)).append(' ').append(workFactor).append('\n');
        String body = B64.encodeToString(wrapped);
        for (int i = 0; i <= body.length(); i += 64) {
            // Lines of 64 columns; the last one shorter (empty when the body fills its lines exactly).
            header.append(body, i, Math.min(body.length(), i + 64)).append('\n');
            if (body.length() - i < 64) {
                break;
            }
        }
        header.append("---");
        byte[] mac = hmac(hkdf(fileKey, new byte[0], "header"), header.toString().getBytes(StandardCharsets.US_ASCII));
        header.append(' ').append(B64.encodeToString(mac)).append('\n');
        byte[] nonce = random(NONCE);
        byte[] payloadKey = hkdf(fileKey, nonce, "payload");
        Arrays.fill(fileKey, (byte) 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header.toString().getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(nonce);
        return new Started(out.toByteArray(), payloadKey);
    }

    /** One recipient stanza of a header: its type, its arguments and its body. */
    record Stanza(String type, List<String> arguments, byte[] body) {
    }

    /**
     * A parsed header: its stanzas, its MAC, the bytes the MAC covers and where the payload's nonce starts. Parsing
     * checks the syntax only; {@link #open} checks the MAC once it has the file key.
     */
    record Header(List<Stanza> stanzas, byte[] mac, byte[] covered, int payload) {
    }

    /**
     * Reads the header from {@code start} (the file's first bytes, at least up to the payload nonce).
     *
     * @throws CorruptDataException      when it is not an age header this build reads, or its MAC is wrong
     * @throws WrongPassphraseException  when the passphrase does not unwrap the file key
     */
    static Opened open(byte[] start, Passphrase passphrase, String origin) {
        Header header = parse(start, origin);
        Stanza stanza = header.stanzas().get(0);
        if (header.stanzas().size() != 1 || !stanza.type().equals("scrypt")) {
            throw new CorruptDataException(origin + " is encrypted for a key, not with one passphrase (or its header"
                    + " is damaged); this tool opens bundles encrypted with a passphrase only");
        }
        if (stanza.arguments().size() != 2 || stanza.body().length != FILE_KEY + TAG) {
            throw damagedHeader(origin);
        }
        byte[] salt = decode(stanza.arguments().get(0), origin);
        String factor = stanza.arguments().get(1);
        if (salt.length != 16 || !factor.matches("[1-9][0-9]{0,1}")) {
            throw damagedHeader(origin);
        }
        int workFactor = Integer.parseInt(factor);
        if (workFactor > MAX_WORK_FACTOR) {
            throw new CorruptDataException(origin + " asks for a passphrase work factor of 2^" + workFactor
                    + ", more than this tool derives (2^" + MAX_WORK_FACTOR + "); decrypt it with age itself");
        }
        byte[] wrapKey = scrypt(passphrase, salt, workFactor);
        byte[] fileKey;
        try {
            fileKey = chacha(Cipher.DECRYPT_MODE, wrapKey, new byte[12], stanza.body());
        } catch (CorruptDataException e) {
            throw new WrongPassphraseException(origin);
        } finally {
            Arrays.fill(wrapKey, (byte) 0);
        }
        return open(start, header, fileKey, origin);
    }

    /** Checks the header's MAC with {@code fileKey} and derives the payload key (also for the test vectors). */
    static Opened open(byte[] start, Header header, byte[] fileKey, String origin) {
        byte[] expected = hmac(hkdf(fileKey, new byte[0], "header"), header.covered());
        if (!MessageDigest.isEqual(expected, header.mac())) {
            throw new CorruptDataException(origin + " is damaged: its header does not match its checksum");
        }
        if (start.length < header.payload() + NONCE) {
            throw new CorruptDataException(origin + " is truncated: it ends within its header");
        }
        byte[] nonce = Arrays.copyOfRange(start, header.payload(), header.payload() + NONCE);
        return new Opened(fileKey, hkdf(fileKey, nonce, "payload"), header.payload() + NONCE);
    }

    /** Parses the header's syntax: the version line, one or more stanzas, the MAC line. */
    static Header parse(byte[] start, String origin) {
        if (!Arrays.equals(Arrays.copyOf(start, MAGIC.length), MAGIC)) {
            throw new CorruptDataException(origin + " is not an encrypted bundle (no age header)");
        }
        int[] position = {MAGIC.length};
        List<Stanza> stanzas = new ArrayList<>();
        while (true) {
            int lineStart = position[0];
            String line = line(start, position, origin);
            if (line.startsWith("---")) {
                if (stanzas.isEmpty() || !line.startsWith("--- ")) {
                    throw damagedHeader(origin);
                }
                byte[] mac = decode(line.substring(4), origin);
                if (mac.length != 32) {
                    throw damagedHeader(origin);
                }
                return new Header(List.copyOf(stanzas), mac, Arrays.copyOf(start, lineStart + 3), position[0]);
            }
            List<String> parts = List.of(line.split(" ", -1));
            if (parts.size() < 2 || !parts.get(0).equals("->") || parts.stream().anyMatch(String::isEmpty)) {
                throw damagedHeader(origin);
            }
            StringBuilder body = new StringBuilder();
            while (true) {
                String bodyLine = line(start, position, origin);
                if (bodyLine.length() > 64) {
                    throw damagedHeader(origin);
                }
                body.append(bodyLine);
                if (bodyLine.length() < 64) {
                    break;
                }
            }
            byte[] decoded = body.length() == 0 ? new byte[0] : decode(body.toString(), origin);
            stanzas.add(new Stanza(parts.get(1), parts.subList(2, parts.size()), decoded));
        }
    }

    /** The 12-byte nonce of chunk {@code index}: an 11-byte big-endian counter and the last-chunk flag. */
    static byte[] chunkNonce(long index, boolean last) {
        byte[] nonce = new byte[12];
        for (int i = 10; i >= 3; i--) {
            nonce[i] = (byte) (index >>> (8 * (10 - i)));
        }
        nonce[11] = (byte) (last ? 1 : 0);
        return nonce;
    }

    /** ChaCha20-Poly1305 of {@code input}; an authentication failure is a {@link CorruptDataException}. */
    static byte[] chacha(int mode, byte[] key, byte[] nonce, byte[] input) {
        return chacha(mode, key, nonce, input, 0, input.length);
    }

    static byte[] chacha(int mode, byte[] key, byte[] nonce, byte[] input, int offset, int length) {
        try {
            // A new object each time: the JDK's refuses to be initialised again with the key and nonce it has.
            Cipher cipher = Cipher.getInstance("ChaCha20-Poly1305");
            cipher.init(mode, new SecretKeySpec(key, "ChaCha20"), new IvParameterSpec(nonce));
            return cipher.doFinal(input, offset, length);
        } catch (AEADBadTagException e) {
            throw new CorruptDataException("authentication failed", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This Java runtime lacks ChaCha20-Poly1305", e);
        }
    }

    /** Reads the header's next line (ASCII, ends with a newline) at {@code position[0]}. */
    private static String line(byte[] start, int[] position, String origin) {
        int from = position[0];
        for (int i = from; i < start.length; i++) {
            if (start[i] == '\n') {
                position[0] = i + 1;
                return new String(start, from, i - from, StandardCharsets.US_ASCII);
            }
            if (start[i] < 0x20 || start[i] > 0x7e) {
                break;
            }
        }
        throw damagedHeader(origin);
    }

    private static byte[] decode(String base64, String origin) {
        if (base64.isEmpty() || base64.contains("=") || base64.length() % 4 == 1) {
            throw damagedHeader(origin);
        }
        try {
            byte[] bytes = B64_DECODE.decode(base64);
            if (!B64.encodeToString(bytes).equals(base64)) {
                // the specification asks for canonical encodings only
                throw damagedHeader(origin);
            }
            return bytes;
        } catch (IllegalArgumentException e) {
            throw damagedHeader(origin);
        }
    }

    private static CorruptDataException damagedHeader(String origin) {
        return new CorruptDataException(origin + " is damaged: its encryption header cannot be read");
    }

    private static byte[] scrypt(Passphrase passphrase, byte[] salt, int workFactor) {
        byte[] label = SCRYPT_LABEL.getBytes(StandardCharsets.US_ASCII);
        byte[] fullSalt = Arrays.copyOf(label, label.length + salt.length);
        System.arraycopy(salt, 0, fullSalt, label.length, salt.length);
        byte[] password = passphrase.utf8();
        try {
            return SCrypt.generate(password, fullSalt, 1 << workFactor, 8, 1, 32);
        } finally {
            Arrays.fill(password, (byte) 0);
        }
    }

    static byte[] hkdf(byte[] key, byte[] salt, String info) {
        HKDFBytesGenerator generator = new HKDFBytesGenerator(new SHA256Digest());
        generator.init(new HKDFParameters(key, salt, info.getBytes(StandardCharsets.US_ASCII)));
        byte[] out = new byte[32];
        generator.generateBytes(out, 0, out.length);
        return out;
    }

    private static byte[] hmac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This Java runtime lacks HMAC-SHA-256", e);
        }
    }

    private static byte[] random(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
