package aom.migration.cli;

import aom.migration.bundle.BundleReader;
import aom.migration.bundle.Passphrase;
import picocli.CommandLine.Option;

import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where the passphrase of an encrypted bundle comes from: {@code --passphrase-file FILE} (its first line), the
 * environment variable {@code AOM_BUNDLE_PASSPHRASE}, or a prompt on the terminal that does not echo (asked twice
 * when it encrypts). The passphrase is never printed, logged or stored.
 */
public final class PassphraseOptions {

    /** The environment variable a script can hand the passphrase in. */
    public static final String ENVIRONMENT = "AOM_BUNDLE_PASSPHRASE";

    @Option(names = "--passphrase-file", paramLabel = "FILE",
            description = "Read the passphrase of an encrypted bundle from the first line of FILE (else from "
                    + ENVIRONMENT + ", else you are asked)")
    Path file;

    /** Looks up environment variables; tests replace it. */
    UnaryOperator<String> environment = System::getenv;
    /** Asks on the terminal; tests replace it. */
    Prompt prompt = Prompt.console();

    /** Asks for a passphrase without echoing it; empty when there is no terminal to ask on. */
    @FunctionalInterface
    interface Prompt {
        Optional<char[]> ask(String text);

        static Prompt console() {
            return text -> {
                Console console = System.console();
                return console == null ? Optional.empty() : Optional.ofNullable(console.readPassword("%s", text));
            };
        }
    }

    /** The passphrase to open {@code bundle} with, or null when it is not encrypted. */
    Passphrase toOpen(Path bundle) {
        if (!Files.isRegularFile(bundle) || !BundleReader.isEncrypted(bundle)) {
            return null;
        }
        return given().or(() -> prompt.ask("Passphrase of " + bundle.getFileName() + ": ").map(PassphraseOptions::take))
                .map(PassphraseOptions::notEmpty)
                .orElseThrow(() -> new UserError(ExitCode.BAD_INPUT, bundle + " is encrypted: give its passphrase"
                        + " with --passphrase-file FILE or " + ENVIRONMENT + ", or run the command in a terminal to"
                        + " be asked for it"));
    }

    /** The passphrase to encrypt a new bundle with; asked twice on the terminal. */
    Passphrase toEncrypt() {
        Optional<Passphrase> given = given();
        if (given.isPresent()) {
            return notEmpty(given.get());
        }
        Passphrase first = prompt.ask("Passphrase for the bundle: ").map(PassphraseOptions::take)
                .orElseThrow(() -> new UserError(ExitCode.BAD_INPUT, "--encrypt needs a passphrase: give it with"
                        + " --passphrase-file FILE or " + ENVIRONMENT + ", or run the command in a terminal to be"
                        + " asked for it"));
        notEmpty(first);
        try (Passphrase again = prompt.ask("The same passphrase again: ").map(PassphraseOptions::take)
                .orElse(Passphrase.of(""))) {
            if (!first.matches(again)) {
                first.close();
                throw new UserError(ExitCode.BAD_INPUT, "The two passphrases differ; nothing was exported");
            }
        }
        return first;
    }

    private Optional<Passphrase> given() {
        if (file != null) {
            try {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                int end = text.indexOf('\n');
                String line = end < 0 ? text : text.substring(0, end);
                return Optional.of(Passphrase.of(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line));
            } catch (IOException e) {
                throw new UserError(ExitCode.BAD_INPUT, "Cannot read the passphrase file " + file + ": "
                        + e.getMessage());
            }
        }
        String variable = environment.apply(ENVIRONMENT);
        return variable == null ? Optional.empty() : Optional.of(Passphrase.of(variable));
    }

    private static Passphrase take(char[] typed) {
        Passphrase passphrase = Passphrase.of(typed);
        Arrays.fill(typed, '\0');
        return passphrase;
    }

    private static Passphrase notEmpty(Passphrase passphrase) {
        if (passphrase.isEmpty()) {
            throw new UserError(ExitCode.BAD_INPUT, "The passphrase is empty");
        }
        return passphrase;
    }
}
