package io.github.understudy.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class DemoOptionsTest {

    @Test
    void noFlagsRunTheMainCase() {
        assertThat(DemoOptions.parse()).isEqualTo(DemoOptions.defaults());
        assertThat(DemoOptions.parse("", "  ")).isEqualTo(DemoOptions.defaults());
        DemoOptions defaults = DemoOptions.defaults();
        assertThat(defaults.engine()).isEqualTo("mariadb");
        assertThat(defaults.replicas()).isEqualTo(2);
        assertThat(defaults.fault()).isEqualTo(Fault.KILL);
        assertThat(defaults.promotes()).isTrue();
    }

    @Test
    void everyFlagIsReadInBothSpellings() {
        DemoOptions options = DemoOptions.parse("--engine=mysql", "--replicas", "3", "--strategy=none",
                "--fault=replica-kill", "--writers=1", "--readers", "8", "--plain");

        assertThat(options.engine()).isEqualTo("mysql");
        assertThat(options.replicas()).isEqualTo(3);
        assertThat(options.strategy()).isEqualTo("none");
        assertThat(options.promotes()).isFalse();
        assertThat(options.fault()).isEqualTo(Fault.REPLICA_KILL);
        assertThat(options.writers()).isEqualTo(1);
        assertThat(options.readers()).isEqualTo(8);
        assertThat(options.plain()).isTrue();
    }

    @Test
    void everyFaultHasAFlagValue() {
        assertThat(Fault.flags()).containsExactly("kill", "hang", "partition", "replica-kill");
        for (Fault fault : Fault.values()) {
            assertThat(DemoOptions.parse("--fault=" + fault.flag()).fault()).isEqualTo(fault);
        }
    }

    @Test
    void errorsNameTheFlagTheRuleAndTheValue() {
        assertThatThrownBy(() -> DemoOptions.parse("--replicas=9"))
                .hasMessage("--replicas must be between 1 and 8, but was '9'");
        assertThatThrownBy(() -> DemoOptions.parse("--replicas=two"))
                .hasMessage("--replicas must be a whole number between 1 and 8, but was 'two'");
        assertThatThrownBy(() -> DemoOptions.parse("--fault=explode"))
                .hasMessage("--fault must be one of [kill, hang, partition, replica-kill], but was 'explode'");
        assertThatThrownBy(() -> DemoOptions.parse("--engine=oracle"))
                .hasMessage("--engine must be one of [mariadb, mysql], but was 'oracle'");
        assertThatThrownBy(() -> DemoOptions.parse("--strategy=external"))
                .hasMessage("--strategy must be one of [most-advanced-replica, none], but was 'external'");
        assertThatThrownBy(() -> DemoOptions.parse("--plain=yes"))
                .hasMessage("--plain must be true or false (or no value), but was 'yes'");
    }

    @Test
    void malformedCommandLinesSayWhatIsWrong() {
        assertThatThrownBy(() -> DemoOptions.parse("--falut=kill"))
                .hasMessageStartingWith("unknown flag --falut; the flags are --engine, --replicas, --strategy,");
        assertThatThrownBy(() -> DemoOptions.parse("--fault"))
                .hasMessage("--fault needs a value, e.g. --fault=hang");
        assertThatThrownBy(() -> DemoOptions.parse("--fault", "--replicas=2"))
                .hasMessage("--fault needs a value, e.g. --fault=hang");
        assertThatThrownBy(() -> DemoOptions.parse("--fault=kill", "--fault=hang"))
                .hasMessage("--fault must be given once, but was given twice");
        assertThatThrownBy(() -> DemoOptions.parse("kill"))
                .hasMessage("unexpected argument 'kill': flags look like --fault=kill");
    }

    @Test
    void aWrongFlagExitsWithStatus2AndTheUsageBeforeStartingAnything() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = FailoverDemo.run(new String[] {"--replicas=0"}, print(out), print(err));

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .startsWith("demo: --replicas must be between 1 and 8, but was '0'")
                .contains("Usage: FailoverDemo [flags]");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void helpPrintsTheUsageAndExits0() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int status = FailoverDemo.run(new String[] {"--help"}, print(out), print(new ByteArrayOutputStream()));

        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--fault=NAME", "--engine=mariadb|mysql");
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
