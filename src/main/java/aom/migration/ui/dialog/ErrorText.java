package aom.migration.ui.dialog;

import aom.migration.model.MigrationFailure;
import aom.migration.mongo.UriRedaction;
import aom.migration.ui.EngineText;
import aom.migration.ui.Messages;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Turns a failure into what the wizard shows: a sentence for the user and the details for support. */
public final class ErrorText {

    private ErrorText() {
    }

    /**
     * The engine's own message for failures it describes for people ({@link MigrationFailure}: connection
     * problems, unknown applications, invalid input, damaged bundles, failed imports; and files that cannot be read
     * or written); a generic sentence
     * naming the error for anything unexpected. Never contains a password.
     */
    public static String readable(Throwable failure) {
        Throwable cause = unwrap(failure);
        String message = cause.getMessage();
        boolean described = cause instanceof MigrationFailure || cause instanceof UncheckedIOException
                || cause instanceof IOException;
        if (described && message != null && !message.isBlank()) {
            return EngineText.translate(UriRedaction.redact(message));
        }
        return Messages.format("error.unexpected", cause.getClass().getSimpleName(),
                message == null ? "" : UriRedaction.redact(message));
    }

    /** The stack trace, passwords masked, for the dialog's details and for bug reports. */
    public static String details(Throwable failure) {
        if (failure == null) {
            return "";
        }
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        return UriRedaction.redact(text.toString());
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while ((current instanceof ExecutionException || current instanceof CompletionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
