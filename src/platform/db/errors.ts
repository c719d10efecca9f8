// Errors of the embedded database that the CLI reports without loading the database code.

/** The data directory is in use by another process (or a stale owner that cannot be checked). */
export class DataDirBusyError extends Error {}
