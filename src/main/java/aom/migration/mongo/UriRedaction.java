package aom.migration.mongo;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes passwords from anything that is shown or logged. Works on whole texts (log lines, error messages), not
 * only on URIs, because drivers and users paste connection strings everywhere.
 */
public final class UriRedaction {

    /** What a redacted password is replaced with. */
    public static final String MASK = "*****";

    // scheme://user:password@  -- the password may contain anything but '@' and whitespace before the last '@'
    private static final Pattern USERINFO = Pattern.compile(
            "(mongodb(?:\\+srv)?://)([^:@/\\s]*):([^\\s]*)@(?=[^@\\s]*(?:[\\s,;'\"]|$))",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern QUERY_SECRET = Pattern.compile(
            "((?:password|tlsCertificateKeyFilePassword|sslClientCertificateKeyPassword)=)([^&\\s]*)",
            Pattern.CASE_INSENSITIVE);

    private UriRedaction() {
    }

    /** Returns {@code text} with the password of every MongoDB URI in it masked. */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = text;
        result = USERINFO.matcher(result).replaceAll(match -> Matcher.quoteReplacement(
                match.group(1) + match.group(2) + ":" + MASK + "@"));
        if (result.indexOf('=') >= 0) {
            result = QUERY_SECRET.matcher(result).replaceAll(match -> Matcher.quoteReplacement(
                    match.group(1) + MASK));
        }
        return result;
    }
}
