package aom.migration.reliability;

import aom.migration.cli.CliRun;

import java.util.ArrayList;
import java.util.List;

/**
 * What a reliability case saw, for its row in docs/RELIABILITY.md: the exit code and the line the user read, and
 * notes on anything worth knowing (what the server lost, which phase a cancel hit). Tests get one as a parameter.
 */
final class Observed {

    private Integer exitCode;
    private String message;
    private final List<String> notes = new ArrayList<>();

    /** Records a command-line run: its exit code and its first error line (or last output line). */
    CliRun cli(CliRun run) {
        exitCode = run.exitCode();
        message = firstErrorLine(run);
        return run;
    }

    void exitCode(int code) {
        this.exitCode = code;
    }

    /** The message the user (or the calling code) saw. */
    void message(String text) {
        this.message = text == null ? null : text.strip();
    }

    void note(String text) {
        notes.add(text);
    }

    Integer exitCode() {
        return exitCode;
    }

    String message() {
        return message;
    }

    List<String> notes() {
        return List.copyOf(notes);
    }

    static String firstErrorLine(CliRun run) {
        for (String line : run.err().split("\\R")) {
            if (line.startsWith("Error: ")) {
                return line;
            }
        }
        String[] lines = run.out().strip().split("\\R");
        return lines[lines.length - 1];
    }
}
