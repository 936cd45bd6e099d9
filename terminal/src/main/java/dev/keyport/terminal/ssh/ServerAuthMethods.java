package dev.keyport.terminal.ssh;

import java.io.IOException;
import java.util.List;

import org.apache.sshd.client.future.AuthFuture;
import org.apache.sshd.client.session.ClientUserAuthService;
import org.apache.sshd.client.session.ClientUserAuthServiceFactory;
import org.apache.sshd.common.Service;
import org.apache.sshd.common.session.Session;

/**
 * Notes the login methods the server says can continue ("publickey", "password", ...) each time it
 * refuses an attempt, so a failed login can say what the server would have taken. sshd-core keeps
 * that list in its user-auth service without a getter; this factory makes a service that copies it
 * into the connection's {@link ConnectionNotes}.
 */
final class ServerAuthMethods extends ClientUserAuthServiceFactory {

    @Override
    public Service create(Session session) throws IOException {
        return new ClientUserAuthService(session) {
            @Override
            protected void tryNext(int cmd, AuthFuture authFuture) throws Exception {
                List<String> methods = serverMethods;
                if (methods != null) {
                    ConnectionNotes.of(getClientSession()).serverMethods = List.copyOf(methods);
                }
                super.tryNext(cmd, authFuture);
            }
        };
    }
}
