package dev.latchkey.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay a test can cut and restore, standing between Latchkey and its database: cutting
 * closes every open connection and refuses new ones, as a database that stops would.
 */
final class TcpProxy implements AutoCloseable {
    private final String targetHost;
    private final int targetPort;
    private final int port;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile ServerSocket server;

    TcpProxy(String targetHost, int targetPort) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.port = TestApps.freePort();
        restore();
    }

    int port() {
        return port;
    }

    /** Closes every relayed connection and stops accepting. */
    synchronized void cut() {
        try {
            server.close();
        } catch (IOException ignored) {
            // already closed
        }
        open.forEach(TcpProxy::closeQuietly);
        open.clear();
    }

    /** Accepts and relays connections again. */
    synchronized void restore() {
        try {
            ServerSocket listening = new ServerSocket();
            listening.setReuseAddress(true);
            listening.bind(new InetSocketAddress("127.0.0.1", port));
            server = listening;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ServerSocket accepting = server;
        Thread acceptor = new Thread(
                () -> {
                    while (!accepting.isClosed()) {
                        try {
                            Socket client = accepting.accept();
                            // Under the lock cut() takes: a connection accepted just as the proxy is cut is
                            // either in `open` before cut() closes them all, or closed here, never relayed.
                            synchronized (this) {
                                if (accepting.isClosed()) {
                                    closeQuietly(client);
                                    return;
                                }
                                Socket upstream = new Socket(targetHost, targetPort);
                                open.add(client);
                                open.add(upstream);
                                pump(client, upstream);
                                pump(upstream, client);
                            }
                        } catch (IOException closed) {
                            return;
                        }
                    }
                },
                "tcp-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void pump(Socket from, Socket to) {
        Thread thread = new Thread(
                () -> {
                    try (InputStream in = from.getInputStream();
                            OutputStream out = to.getOutputStream()) {
                        in.transferTo(out);
                    } catch (IOException ignored) {
                        // one side closed
                    } finally {
                        closeQuietly(from);
                        closeQuietly(to);
                    }
                },
                "tcp-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public void close() {
        cut();
    }
}
