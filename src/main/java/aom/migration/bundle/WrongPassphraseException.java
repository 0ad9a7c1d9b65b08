package aom.migration.bundle;

import aom.migration.data.CorruptDataException;

/**
 * The passphrase given does not open an encrypted bundle. A damaged header can look the same, which the message
 * says; either way nothing was read from the bundle and nothing was written anywhere.
 */
public class WrongPassphraseException extends CorruptDataException {

    public WrongPassphraseException(String origin) {
        super("The passphrase does not open " + origin + " (or the bundle's encryption header is damaged)");
    }
}
