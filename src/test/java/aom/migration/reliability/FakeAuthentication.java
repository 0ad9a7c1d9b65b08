package aom.migration.reliability;

import org.bson.BsonBinary;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonInt32;

import java.nio.charset.StandardCharsets;

/**
 * The authentication mongo-java-server lacks, played by the {@link WireProxy}: SASL PLAIN (LDAP on a real server)
 * succeeds for one user and password and fails like mongod (code 18, "Authentication failed.") for anything else;
 * every SCRAM attempt fails like a wrong password. So a test can run the tool with credentials that are really
 * sent and checked, and see what a wrong password looks like.
 */
final class FakeAuthentication implements WireProxy.Rule {

    private final String user;
    private final String password;

    FakeAuthentication(String user, String password) {
        this.user = user;
        this.password = password;
    }

    /** Every attempt fails, as with a wrong password. */
    static FakeAuthentication rejectingEveryone() {
        return new FakeAuthentication(null, null);
    }

    @Override
    public WireProxy.Action on(WireProxy.Command command) {
        if (command.name().equals("saslContinue")) {
            return failed();
        }
        if (!command.name().equals("saslStart")) {
            return WireProxy.Action.FORWARD;
        }
        String mechanism = command.body().getString("mechanism").getValue();
        if (!mechanism.equals("PLAIN") || user == null) {
            return failed();
        }
        String[] parts = new String(command.body().getBinary("payload").getData(), StandardCharsets.UTF_8)
                .split("\0", -1);
        boolean valid = parts.length == 3 && parts[1].equals(user) && parts[2].equals(password);
        return valid ? WireProxy.Action.answer(new BsonDocument("conversationId", new BsonInt32(1))
                .append("done", BsonBoolean.TRUE).append("payload", new BsonBinary(new byte[0]))
                .append("ok", new BsonInt32(1))) : failed();
    }

    private static WireProxy.Action failed() {
        return WireProxy.Action.answer(WireProxy.error(18, "AuthenticationFailed", "Authentication failed."));
    }
}
