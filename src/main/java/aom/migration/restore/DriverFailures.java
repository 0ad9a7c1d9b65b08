package aom.migration.restore;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;

/**
 * What the driver threw, in a support engineer's words: what broke and where. The driver's own messages carry
 * cluster descriptions, full server replies and one line per refused document, which bury the one fact that
 * matters in a message of several kilobytes.
 */
final class DriverFailures {

    private DriverFailures() {
    }

    /**
     * @param failure what the job caught
     * @param where   the server, as the user knows it ({@code db1:27017}, or "the target")
     * @return a phrase without a final full stop
     */
    static String readable(Throwable failure, String where) {
        if (failure instanceof MongoSocketException) {
            return "the connection to " + where + " broke (" + firstLine(failure.getMessage()) + ")";
        }
        if (failure instanceof MongoTimeoutException) {
            return where + " did not answer in time";
        }
        if (failure instanceof MongoBulkWriteException bulk && !bulk.getWriteErrors().isEmpty()) {
            BulkWriteError first = bulk.getWriteErrors().get(0);
            return where + " refused " + bulk.getWriteErrors().size() + " document(s) of a batch, the first with"
                    + " error " + first.getCode() + ": " + firstLine(first.getMessage());
        }
        if (failure instanceof InsertBatch.InsertRefusedException refused) {
            return refused.refused() > 0
                    ? where + " refused " + refused.refused() + " document(s) of a batch, the first with error "
                    + refused.code() + ": " + firstLine(refused.getMessage())
                    : where + " could not confirm a write (write concern error " + refused.code() + ": "
                    + firstLine(refused.getMessage()) + ")";
        }
        if (failure instanceof MongoWriteException write) {
            return where + " refused a write with error " + write.getError().getCode() + ": "
                    + firstLine(write.getError().getMessage());
        }
        if (failure instanceof MongoCommandException command) {
            return where + " answered with error " + command.getErrorCode()
                    + (command.getErrorCodeName().isEmpty() ? "" : " (" + command.getErrorCodeName() + ")") + ": "
                    + firstLine(command.getErrorMessage());
        }
        String message = failure.getMessage();
        return message == null ? failure.getClass().getSimpleName() : message;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no details";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
