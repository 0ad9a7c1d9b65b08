package aom.migration.model;

/** One existing system database of an application, with its size as the server reports it. */
public record SystemDatabase(SystemKind system, String database, long documents, long dataBytes, int collections) {
}
