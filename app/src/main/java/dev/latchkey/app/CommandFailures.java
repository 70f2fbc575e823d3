package dev.latchkey.app;

import io.dropwizard.core.cli.Cli;
import java.sql.SQLException;

/**
 * How an operator command that fails says so: one line on standard error naming what went wrong
 * and what to do, never a stack trace.
 */
final class CommandFailures {
    /** H2's "Database may be already in use" (ErrorCode.DATABASE_ALREADY_OPEN_1). */
    private static final int H2_DATABASE_ALREADY_OPEN = 90020;

    private CommandFailures() {}

    static void report(Cli cli, String command, Throwable failure) {
        cli.getStdErr().println("latchkey " + command + ": " + explain(failure));
    }

    static String explain(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getErrorCode() == H2_DATABASE_ALREADY_OPEN) {
                return "the embedded database is held by another process that does not share it (a running Latchkey"
                        + " server shares it with these commands); stop that process and try again, or set"
                        + " LATCHKEY_DATABASE_URL to a PostgreSQL database";
            }
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message).strip();
    }
}
