package aom.migration.cli;

import aom.migration.model.SystemKind;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The value of a {@code --systems LIVE,STAGING,...} option. */
final class SystemList {

    private SystemList() {
    }

    /**
     * The systems named, case-insensitively; {@code null} (the option was not given) means all of them.
     *
     * @throws IllegalArgumentException naming the valid systems for an unknown one
     * @throws UserError                when the list names none
     */
    static Set<SystemKind> parse(List<String> names) {
        if (names == null) {
            return EnumSet.allOf(SystemKind.class);
        }
        Set<SystemKind> chosen = EnumSet.noneOf(SystemKind.class);
        for (String name : names) {
            if (!name.isBlank()) {
                chosen.add(SystemKind.parse(name));
            }
        }
        if (chosen.isEmpty()) {
            throw new UserError(ExitCode.BAD_INPUT, "--systems names no system");
        }
        return chosen;
    }
}
