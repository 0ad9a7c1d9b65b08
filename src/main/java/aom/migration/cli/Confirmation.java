package aom.migration.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Asks the user to confirm a step that replaces target data by typing a word (the application's name). Only a
 * person at a terminal can answer: piped input does not count, so that a script cannot confirm by accident. The
 * question goes to the terminal itself, so it is asked also when the output goes through a pipe
 * ({@code import ... | tee log}).
 */
@FunctionalInterface
interface Confirmation {


    /**
     * Shows {@code prompt} and returns what the user typed (blank when nothing, e.g. Ctrl+D), or empty when there is
     * no terminal to ask on.
     */
    Optional<String> ask(String prompt);

    /**
     * Asks on {@link System#console()} when the process reads and writes a terminal, else on the terminal the
     * process was started from ({@code /dev/tty}), whatever its standard input and output are.
     */
    static Confirmation terminal() {
        return prompt -> {
            Console console = System.console();
            if (console != null) {
                String answer = console.readLine("%s", prompt);
                return Optional.of(answer == null ? "" : answer.trim());
            }
            return askOnTerminal(prompt);
        };
    }

    /**
     * The process's terminal on POSIX systems ({@code /dev/tty}; opening it fails where the process has none, as in
     * cron or CI); the system property {@code aom.terminal} names another (the tests name none, so that a test run
     * from a terminal never waits for an answer there).
     */
    private static Optional<String> askOnTerminal(String prompt) {
        Path terminal = Path.of(System.getProperty("aom.terminal", "/dev/tty"));
        if (!Files.exists(terminal)) {
            return Optional.empty();
        }
        Charset charset = Charset.defaultCharset();
        try (FileOutputStream out = new FileOutputStream(terminal.toFile());
             BufferedReader in = new BufferedReader(new InputStreamReader(new FileInputStream(terminal.toFile()),
                     charset))) {
            out.write(prompt.getBytes(charset));
            out.flush();
            String answer = in.readLine();
            return Optional.of(answer == null ? "" : answer.trim());
        } catch (IOException e) {
            // No controlling terminal ("No such device or address"): nobody to ask.
            return Optional.empty();
        }
    }
}
