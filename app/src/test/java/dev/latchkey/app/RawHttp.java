package dev.latchkey.app;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * HTTP/1.1 over a bare socket: sends exactly the bytes given — invalid UTF-8, control characters,
 * repeated or oversized headers — which well-behaved clients refuse to send, and reads the answer.
 */
final class RawHttp {
    /** {@code status} is 0 when the server closed the connection without answering (an oversized request). */
    record Answer(int status, String head, String body) {
        boolean hasHeader(String name) {
            return head.toLowerCase(Locale.ROOT).contains("\r\n" + name.toLowerCase(Locale.ROOT) + ":");
        }
    }

    private RawHttp() {}

    /** A request: method, target, raw header lines (each may hold any bytes), body. */
    static Answer send(int port, String method, String target, List<byte[]> headerLines, byte[] body) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            request.writeBytes((method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            for (byte[] line : headerLines) {
                request.writeBytes(line);
                request.writeBytes(new byte[] {'\r', '\n'});
            }
            request.writeBytes(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            request.writeBytes(body);
            try {
                socket.getOutputStream().write(request.toByteArray());
                socket.getOutputStream().flush();
            } catch (java.net.SocketException refusedMidway) {
                // The server answered (431, 400) and closed before reading it all; read what it said.
            }
            byte[] response = readAll(socket.getInputStream());
            String text = new String(response, StandardCharsets.ISO_8859_1);
            if (!text.startsWith("HTTP/1.1 ") || text.length() < 12) {
                return new Answer(0, "", "");
            }
            int split = text.indexOf("\r\n\r\n");
            String head = split < 0 ? text : text.substring(0, split + 2);
            String rest = split < 0 ? "" : text.substring(split + 4);
            int status = Integer.parseInt(head.substring(9, 12));
            return new Answer(status, head, rest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] header(String name, byte[] value) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        line.writeBytes((name + ": ").getBytes(StandardCharsets.ISO_8859_1));
        line.writeBytes(value);
        return line.toByteArray();
    }

    static byte[] header(String name, String value) {
        return header(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        try {
            while ((n = in.read(buffer)) != -1) {
                out.write(buffer, 0, n);
            }
        } catch (java.net.SocketException reset) {
            // The server may close after answering an oversized request; keep what arrived.
        }
        return out.toByteArray();
    }
}
