package aom.migration.reliability;

import java.io.IOException;
import java.util.List;
import java.util.Set;

/** A wire proxy in front of a target that records every command that writes, to tell "refused before any write". */
final class WriteCounting {

    /** The commands that change a server. */
    static final Set<String> WRITES = Set.of("insert", "update", "delete", "create", "createIndexes", "drop",
            "dropDatabase", "renameCollection", "findAndModify", "dropIndexes");

    private WriteCounting() {
    }

    /** A proxy to {@code port} that forwards everything and adds each write command to {@code writes}. */
    static WireProxy proxy(int port, List<WireProxy.Command> writes) throws IOException {
        WireProxy proxy = new WireProxy(port);
        proxy.addRule(command -> {
            if (WRITES.contains(command.name())) {
                writes.add(command);
            }
            return WireProxy.Action.FORWARD;
        });
        return proxy;
    }
}
