package aom.migration.cli;

import aom.migration.model.SystemKind;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** The value of a {@code --systems LIVE,STAGING,...} option, as {@link Converters.SystemName} gives it. */
final class SystemList {

    private SystemList() {
    }

    /**
     * The systems named; {@code null} (the option was not given) means all of them.
     *
     * @throws UserError when the list names none
     */
    static Set<SystemKind> of(List<SystemKind> named) {
        if (named == null) {
            return EnumSet.allOf(SystemKind.class);
        }
        Set<SystemKind> chosen = EnumSet.noneOf(SystemKind.class);
        named.stream().filter(Objects::nonNull).forEach(chosen::add);
        if (chosen.isEmpty()) {
            throw new UserError(ExitCode.BAD_INPUT, "--systems names no system");
        }
        return chosen;
    }
}
