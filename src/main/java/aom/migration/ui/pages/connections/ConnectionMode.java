package aom.migration.ui.pages.connections;

/** How the user enters a connection: one connection string, or one field per setting. */
public enum ConnectionMode { URI, FIELDS }
