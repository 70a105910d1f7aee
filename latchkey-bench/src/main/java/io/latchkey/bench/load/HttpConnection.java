package io.latchkey.bench.load;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A minimal HTTP/1.1 keep-alive client over one loopback socket, for the load generator only. A full client
 * (java.net.http) costs several times more CPU per request, and on a two-core machine the generator shares
 * the cores with the server under test: the leaner the generator, the more of the machine the server gets.
 * Reads Content-Length and chunked bodies; keeps the first bytes of each body so errors can be shown.
 *
 * <p>Not thread-safe: one connection per worker thread.
 */
final class HttpConnection implements AutoCloseable {
    private static final int KEEP = 512;

    private final String host;
    private final int port;
    private Socket socket;
    private BufferedInputStream in;
    private OutputStream out;
    private final byte[] kept = new byte[KEEP];
    private int keptLength;
    private boolean closeAfter;

    HttpConnection(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** Sends one request and reads the whole response; returns the status. Reconnects when needed. */
    int exchange(Request request) throws IOException {
        if (socket == null) {
            connect();
        }
        try {
            out.write(request.head());
            if (request.body().length > 0) {
                out.write(request.body());
            }
            out.flush();
            return readResponse();
        } catch (IOException e) {
            close();
            throw e;
        } finally {
            if (closeAfter) {
                close();
            }
        }
    }

    /** The start of the last response body (at most 512 bytes), for error reports. */
    String lastBody() {
        return new String(kept, 0, keptLength, StandardCharsets.UTF_8);
    }

    private void connect() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(host, port), 5000);
        socket.setSoTimeout(30_000);
        in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        out = new java.io.BufferedOutputStream(socket.getOutputStream(), 8 * 1024);
    }

    private int readResponse() throws IOException {
        String status = line();
        // "HTTP/1.1 200 OK"
        if (status.length() < 12 || !status.startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP response: " + status);
        }
        int code = Integer.parseInt(status.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        closeAfter = status.startsWith("HTTP/1.0");
        for (String h = line(); !h.isEmpty(); h = line()) {
            int colon = h.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = h.substring(0, colon).trim();
            String value = h.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                length = Long.parseLong(value);
            } else if (name.equalsIgnoreCase("Transfer-Encoding") && value.equalsIgnoreCase("chunked")) {
                chunked = true;
            } else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) {
                closeAfter = true;
            }
        }
        keptLength = 0;
        if (chunked) {
            for (long size = Long.parseLong(chunkSize(line()), 16); size > 0; size = Long.parseLong(chunkSize(line()), 16)) {
                body(size);
                line();
            }
            for (String trailer = line(); !trailer.isEmpty(); trailer = line()) {
                // trailers are ignored
            }
        } else if (length >= 0) {
            body(length);
        } else if (code != 204 && code != 304) {
            closeAfter = true;
            body(Long.MAX_VALUE);
        }
        return code;
    }

    private static String chunkSize(String line) {
        int semi = line.indexOf(';');
        return (semi < 0 ? line : line.substring(0, semi)).trim();
    }

    private void body(long length) throws IOException {
        long remaining = length;
        while (remaining > 0) {
            int b = in.read();
            if (b < 0) {
                if (length == Long.MAX_VALUE) {
                    return;
                }
                throw new EOFException("connection closed inside a response body");
            }
            if (keptLength < KEEP) {
                kept[keptLength++] = (byte) b;
            }
            remaining--;
            // Bulk-skip what we do not keep.
            if (keptLength == KEEP && remaining > 0 && length != Long.MAX_VALUE) {
                long skipped = in.skip(remaining);
                remaining -= Math.max(skipped, 0);
            }
        }
    }

    private String line() throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(64);
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                byte[] bytes = buf.toByteArray();
                int len = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, len, StandardCharsets.ISO_8859_1);
            }
            buf.write(b);
        }
        throw new EOFException("connection closed by the server");
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        socket = null;
    }
}
