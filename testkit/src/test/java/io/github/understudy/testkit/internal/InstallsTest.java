package io.github.understudy.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InstallsTest {

    @Test
    void namesTheDebianPackageWhenLibaioIsMissing() {
        String ldd = "\tlinux-vdso.so.1 (0x00007ffd)\n\tlibaio.so.1 => not found\n"
                + "\tlibnuma.so.1 => /lib/x86_64-linux-gnu/libnuma.so.1 (0x00007fa1)\n";

        assertThat(Installs.missingLibrary(ldd))
                .isEqualTo("MySQL 8.0.15 needs libaio.so.1, which is not installed: install the Debian/Ubuntu "
                        + "package libaio1 (apt-get install -y libaio1)");
    }

    @Test
    void saysNothingWhenEverythingResolves() {
        assertThat(Installs.missingLibrary("\tlibaio.so.1 => /lib/x86_64-linux-gnu/libaio.so.1 (0x1)\n")).isNull();
    }

    @Test
    void parsesServerVersions() {
        LocalInstall mysql = new LocalInstall(io.github.understudy.testkit.Flavor.MYSQL, "8.0.15", null, null);
        LocalInstall mysql84 = new LocalInstall(io.github.understudy.testkit.Flavor.MYSQL, "8.4.3", null, null);

        assertThat(mysql.usesReplicaSyntax()).isFalse();
        assertThat(mysql84.usesReplicaSyntax()).isTrue();
        assertThat(mysql84.usesReplicaVariables()).isTrue();
    }
}
