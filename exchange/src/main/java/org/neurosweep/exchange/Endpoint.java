package org.neurosweep.exchange;

/**
 * Where one process of a UDP {@link AeronExchange} listens: a host name or address and a UDP port.
 *
 * @param host a name or address this process's host can bind and its peers can reach; an IPv6 address
 *     without brackets
 * @param port 1 .. 65535
 */
public record Endpoint(String host, int port) {
    public Endpoint {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("endpoint host '" + host + "' must not be empty");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("endpoint " + host + ":" + port + ": port must be in 1..65535");
        }
    }

    public static Endpoint of(String host, int port) {
        return new Endpoint(host, port);
    }

    /** Reads {@code host:port}, or {@code [v6-address]:port}, as written by {@link #toString()}. */
    public static Endpoint parse(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("endpoint '" + text + "' is not host:port");
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("endpoint '" + text + "': port is not a number", e);
        }
        return new Endpoint(host, port);
    }

    /** {@code host:port}, with brackets around an IPv6 address: the form Aeron channel URIs take. */
    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
