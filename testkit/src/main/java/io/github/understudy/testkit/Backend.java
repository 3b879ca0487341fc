package io.github.understudy.testkit;

import io.github.understudy.testkit.internal.ReplicationSql;

/** An engine made ready for one cluster: it knows the flavor and makes servers. */
interface Backend extends AutoCloseable {

    Flavor flavor();

    String version();

    ReplicationSql sql();

    ServerHandle server(NodeSpec spec);

    /** Whether semi-sync replication can be switched on (the MySQL 8.0.15 tarball has no plugin for it). */
    boolean supportsSemiSync();

    @Override
    void close();

    /** What every engine implements; package-private so that {@link Engine} stays a one-method public type. */
    interface Factory {
        Backend open();
    }
}
