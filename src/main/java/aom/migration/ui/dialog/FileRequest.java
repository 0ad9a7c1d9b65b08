package aom.migration.ui.dialog;

import java.nio.file.Path;
import java.util.List;

/**
 * What a file dialog should offer.
 *
 * @param title            the dialog's title
 * @param initialDirectory where it opens, or {@code null} for the platform's default
 * @param initialFileName  the proposed name (save dialogs), or {@code null}
 * @param fileTypes        the filters offered, the first one selected
 */
public record FileRequest(String title, Path initialDirectory, String initialFileName, List<FileType> fileTypes) {

    /** One filter: a description and its glob patterns, e.g. {@code *.aombundle}. */
    public record FileType(String description, List<String> patterns) {

        public FileType {
            patterns = List.copyOf(patterns);
        }
    }

    public FileRequest {
        fileTypes = fileTypes == null ? List.of() : List.copyOf(fileTypes);
    }
}
