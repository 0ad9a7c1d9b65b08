package aom.migration.bundle;

import aom.migration.data.CorruptDataException;

/** A bundle is encrypted and no passphrase was given; nothing was read from it. */
public class PassphraseRequiredException extends CorruptDataException {

    public PassphraseRequiredException(String message) {
        super(message);
    }
}
