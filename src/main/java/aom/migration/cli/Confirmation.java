package aom.migration.cli;

import java.io.Console;
import java.util.Optional;

/**
 * Asks the user to confirm a step that replaces target data by typing a word (the application's name). Only a
 * person at a console can answer: piped input does not count, so that a script cannot confirm by accident.
 */
@FunctionalInterface
interface Confirmation {

    /**
     * Shows {@code prompt} and returns what the user typed (blank when nothing, e.g. Ctrl+D), or empty when there is
     * no console to ask on.
     */
    Optional<String> ask(String prompt);

    /** Asks on {@link System#console()}. */
    static Confirmation console() {
        return prompt -> {
            Console console = System.console();
            if (console == null) {
                return Optional.empty();
            }
            String answer = console.readLine("%s", prompt);
            return Optional.of(answer == null ? "" : answer.trim());
        };
    }
}
