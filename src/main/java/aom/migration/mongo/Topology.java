package aom.migration.mongo;

/** The kind of deployment a connection reaches. */
public enum Topology {
    STANDALONE("standalone"),
    REPLICA_SET("replica set"),
    SHARDED("sharded cluster");

    private final String label;

    Topology(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
