package io.github.understudy.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InstallsTest {

    @Test
    void namesTheDebianPackageWhenLibaioIsMissing() {
        String ldd = "\tlinux-vdso.so.1 (0x00007ffd)\n\tlibaio.so.1 => not found\n"
                + "\tlibnuma.so.1 => /lib/x86_64-linux-gnu/libnuma.so.1 (0x00007fa1)\n";

        assertThat(Installs.missingLibrary(ldd, "8.0.31"))
                .isEqualTo("MySQL 8.0.31 needs libaio.so.1, which is not installed: install the Debian/Ubuntu "
                        + "package libaio1 (apt-get install -y libaio1)");
    }

    @Test
    void saysNothingWhenEverythingResolves() {
        String ldd = "\tlibaio.so.1 => /lib/x86_64-linux-gnu/libaio.so.1 (0x1)\n";

        assertThat(Installs.missingLibrary(ldd, "8.0.15")).isNull();
    }

    @Test
    void parsesServerVersions() {
        LocalInstall mysql = new LocalInstall(io.github.understudy.testkit.Flavor.MYSQL, "8.0.15", null, null);
        LocalInstall mysql84 = new LocalInstall(io.github.understudy.testkit.Flavor.MYSQL, "8.4.3", null, null);

        assertThat(mysql.usesReplicaSyntax()).isFalse();
        assertThat(mysql84.usesReplicaSyntax()).isTrue();
        assertThat(mysql84.usesReplicaVariables()).isTrue();
    }

    @Test
    void knowsTheMySqlBuildsOfItsJarsAndRejectsOthersWithTheChoice() {
        assertThat(Installs.mysqlVersions()).containsExactly("8.0.15", "8.0.31");
        assertThatThrownBy(() -> Installs.mysql("8.4.3")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("MySQL version must be one of [8.0.15, 8.0.31], but was 8.4.3");
    }
}
