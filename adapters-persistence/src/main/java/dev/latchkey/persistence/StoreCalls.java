package dev.latchkey.persistence;

import dev.latchkey.domain.common.StoreUnavailable;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.function.Supplier;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Runs a store call and turns "the database cannot be reached" into {@link StoreUnavailable}, so
 * the domain answers 503 rather than 401 or 500. Other failures (constraint violations, bugs)
 * pass through unchanged.
 */
final class StoreCalls {
    private static final String UNIQUE_VIOLATION = "23505";

    private StoreCalls() {}

    static <T> T call(Supplier<T> body) {
        try {
            return body.get();
        } catch (ConnectionException e) {
            throw new StoreUnavailable("database connection unavailable", e);
        } catch (JdbiException e) {
            if (isConnectionProblem(e)) {
                throw new StoreUnavailable("database connection lost", e);
            }
            throw e;
        }
    }

    static void run(Runnable body) {
        call(() -> {
            body.run();
            return null;
        });
    }

    /** Runs an INSERT; true when it stored a row, false when a unique constraint refused it. */
    static boolean insertUnlessDuplicate(Runnable insert) {
        return call(() -> {
            try {
                insert.run();
                return true;
            } catch (UnableToExecuteStatementException e) {
                if (isUniqueViolation(e)) {
                    return false;
                }
                throw e;
            }
        });
    }

    static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isConnectionProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLTimeoutException) {
                return true;
            }
            if (t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }
}
