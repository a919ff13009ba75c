package dev.lambdabridge.bridge.polyglot.node;

import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.graalvm.polyglot.proxy.ProxyObject;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code dns.lookup}'s Java half: the JDK's resolver on a virtual thread, the answer through the {@link IoQueue}. */
final class DnsBacking {
    private DnsBacking() {
    }

    static Members members(GuestErrors errors, IoQueue io) {
        return new Members(errors).fn("lookup", a -> {
            lookup(io, a[0].asString(), a[1].asInt(), a[2]);
            return null;
        });
    }

    /** callback(error) or callback(null, [[address, family], ...]); family 0 means any. */
    private static void lookup(IoQueue io, String hostname, int family, Value callback) {
        io.started();
        Thread.ofVirtual().name("lambda-bridge-dns").start(() -> {
            try {
                List<Object> found = new ArrayList<>();
                for (InetAddress address : InetAddress.getAllByName(hostname)) {
                    int of = address instanceof Inet6Address ? 6 : 4;
                    if (family == 0 || family == of) {
                        found.add(ProxyArray.fromArray(address.getHostAddress(), of));
                    }
                }
                if (found.isEmpty()) {
                    throw new UnknownHostException(hostname);
                }
                io.complete(() -> callback.execute(null, ProxyArray.fromList(found)));
            } catch (UnknownHostException e) {
                io.complete(() -> callback.execute(ProxyObject.fromMap(Map.of("message",
                        "getaddrinfo ENOTFOUND " + hostname, "errno", -3008, "code", "ENOTFOUND",
                        "syscall", "getaddrinfo", "hostname", hostname))));
            }
        });
    }
}
