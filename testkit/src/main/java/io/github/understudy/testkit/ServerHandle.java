package io.github.understudy.testkit;

import java.net.InetSocketAddress;

/** How the cluster drives one server, whatever runs it (a local process or a container). */
interface ServerHandle {

    /** Starts the server (its data kept from any earlier run); returns without waiting for it to serve. */
    void start();

    /** SIGTERM and wait. */
    void stop();

    /** SIGKILL and wait. */
    void kill();

    /** SIGSTOP: the server keeps its sockets but answers nothing. */
    void pause();

    /** SIGCONT. */
    void resume();

    boolean isRunning();

    /** Where this JVM reaches the server directly (not through the proxy). */
    InetSocketAddress directAddress();

    /** Where the other servers reach it, for {@code CHANGE MASTER TO}. */
    InetSocketAddress replicationAddress();

    /** Throws with the server's own log when it has died, so a failed start says why. */
    void checkAlive();

    /** Stops the server if running and deletes what it left on disk. */
    void destroy();
}
