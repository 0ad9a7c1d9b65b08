package aom.migration.bundle;

/** A bundle is encrypted and no passphrase was given; nothing was read from it. */
public class PassphraseRequiredException extends CorruptDataException {

    public PassphraseRequiredException(String message) {
        super(message);
    }
}
